// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* Charts: the practitioner signs a done session's chart and corrects it by an
   addendum; the medical director approves one chart of the queue and returns
   another. */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

const confirmDialog = () => ({
    content: "confirm",
    trigger: ".modal-footer .btn-primary",
    run: "click",
});

registry.category("web_tour.tours").add("skinpro_chart_sign", {
    steps: () => [
        {
            content: "sign the chart",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_sign']",
            run: "click",
        },
        confirmDialog(),
        {
            content: "signed: an addendum is the way to correct it",
            trigger: ".o_statusbar_buttons button:contains('Add an addendum')",
            run: "click",
        },
        {
            content: "why",
            trigger: ".modal .o_field_widget[name='reason'] input",
            run: "edit Omitted at signing",
        },
        {
            content: "what",
            trigger: ".modal .o_field_widget[name='body'] textarea",
            run: "edit Mild redness on the forehead, gone within the hour.",
        },
        {
            content: "save the addendum",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "sign the chart with its addendum",
            trigger: ".o_statusbar_buttons button:contains('Sign again')",
            run: "click",
        },
        confirmDialog(),
        {
            content: "the addendum is in the chatter",
            trigger: ".o-mail-Message:contains('Addendum by')",
        },
        {
            content: "signed with its addendum",
            trigger:
                ".o_statusbar_buttons:has(button:contains('Add an addendum')):not(:has(button:contains('Sign again')))",
        },
    ],
});

const openQueue = () => [
    stepUtils.showAppsMenuItem(),
    {
        content: "open the Micro-needling app",
        trigger: ".o_app[data-menu-xmlid='skinpro_needling.menu_skinpro_root']",
        run: "click",
    },
    {
        content: "open Chart review",
        trigger: ".o_main_navbar button:contains('Chart review')",
        run: "click",
    },
    {
        content: "open the queue",
        trigger:
            ".dropdown-item[data-menu-xmlid='skinpro_needling.menu_skinpro_charts_to_review']",
        run: "click",
    },
];

registry.category("web_tour.tours").add("skinpro_chart_review", {
    steps: () => [
        ...openQueue(),
        {
            content: "open the first chart to review",
            trigger: ".o_data_row:first td[name='partner_id']",
            run: "click",
        },
        {
            content: "approve it",
            trigger: ".o_statusbar_buttons button[name='action_review_approve']",
            run: "click",
        },
        confirmDialog(),
        {
            content: "approved",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            content: "on to the next chart of the queue",
            trigger: ".o_pager_next",
            run: "click",
        },
        {
            content: "return it",
            trigger: ".o_statusbar_buttons button[name='action_review_return']",
            run: "click",
        },
        {
            content: "ask for more",
            trigger: ".modal .o_field_widget[name='comment'] textarea",
            run: "edit Which areas reached the deepest setting?",
        },
        {
            content: "send it back",
            trigger: ".modal button[name='action_return']",
            run: "click",
        },
        {
            content: "returned",
            trigger: ".alert-warning:contains('Returned by the medical director')",
        },
    ],
});
