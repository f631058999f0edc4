// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* Break-glass in the demo: Phoenix's practitioner reads a Salt Lake City client's
   record, then finds the access lapsed; Salt Lake City's studio manager reviews it. */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

const CLIENT = "Emma Larsen";

const openMenu = (xmlid) => [
    stepUtils.showAppsMenuItem(),
    {
        content: "open the Micro-needling app",
        trigger: ".o_app[data-menu-xmlid='skinpro_needling.menu_skinpro_root']",
        run: "click",
    },
    {
        content: "open Clients",
        trigger: ".o_main_navbar button:contains('Clients')",
        run: "click",
    },
    {
        content: "open the menu",
        trigger: `.dropdown-item[data-menu-xmlid='${xmlid}']`,
        run: "click",
    },
];

registry.category("web_tour.tours").add("skinpro_break_glass_ask", {
    steps: () => [
        ...openMenu("skinpro_needling.menu_skinpro_client_list"),
        {
            content: "look the client up",
            trigger: ".o_searchview_input",
            run: `edit ${CLIENT}`,
        },
        {
            content: "search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "open the client, treated at Salt Lake City",
            trigger: `.o_data_row:contains('${CLIENT}') td[name='name']`,
            run: "click",
        },
        {
            content: "ask for break-glass access",
            trigger: "button[name='action_skinpro_break_glass_request']",
            run: "click",
        },
        {
            content: "give the reason care needs it",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Treated in Salt Lake City; booked here today: her last depth and reactions",
        },
        {
            content: "open the record",
            trigger: ".modal button[name='action_skinpro_grant']",
            run: "click",
        },
        {
            content: "her screenings at Salt Lake City are listed",
            trigger: `.o_list_view .o_data_row:contains('${CLIENT}') td[name='partner_id']`,
            run: "click",
        },
        {
            content: "the screening opens, read-only",
            trigger: ".o_form_view .o_form_readonly .o_field_widget[name='outcome']",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_break_glass_lapsed", {
    steps: () => [
        ...openMenu("skinpro_needling.menu_skinpro_break_glass"),
        {
            content: "open the access",
            trigger: `.o_data_row:contains('${CLIENT}') td[name='partner_id']`,
            run: "click",
        },
        {
            content: "it has lapsed",
            trigger: ".o_form_view .ribbon:contains('Lapsed')",
        },
        {
            content: "the record cannot be opened any more",
            trigger:
                ".o_form_view:not(:has(button[name='action_skinpro_open_records']:visible))",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_break_glass_review", {
    steps: () => [
        ...openMenu("skinpro_needling.menu_skinpro_break_glass"),
        {
            content: "open the access to review",
            trigger: `.o_data_row:contains('${CLIENT}') td[name='partner_id']`,
            run: "click",
        },
        {
            content: "its reads are logged",
            trigger: ".o_field_widget[name='read_ids'] .o_data_row",
        },
        {
            content: "accept the use",
            trigger: "button[name='action_skinpro_accept']",
            run: "click",
        },
        {
            content: "accepted",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Accepted')",
        },
    ],
});
