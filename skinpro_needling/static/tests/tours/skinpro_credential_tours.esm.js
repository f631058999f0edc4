// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* A practitioner whose certificate lapsed is refused the start of a session, told
   which certificate; the studio manager renews it in Credentials. */

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("skinpro_credential_refused_start", {
    steps: () => [
        {
            content: "start the session",
            trigger: ".o_form_view button[name='action_start']",
            run: "click",
        },
        {
            content: "the refusal names the lapsed certificate",
            trigger: ".modal-body:contains('Micro-needling certificate expired on')",
        },
        {
            content: "close the message",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "the session is still planned",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Planned')",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_credential_renewal", {
    steps: () => [
        {
            content: "the lapsed certificate is listed",
            trigger: ".o_data_row:contains('Tina Tour'):contains('MN-OLD')",
        },
        {
            content: "add the renewed certificate",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "for the practitioner",
            trigger:
                ".o_data_row.o_selected_row .o_field_widget[name='employee_id'] input",
            run: "edit Tina Tour",
        },
        {
            content: "pick her",
            trigger:
                ".o_field_widget[name='employee_id'] .dropdown-item:contains('Tina Tour')",
            run: "click",
        },
        {
            content: "the micro-needling certificate",
            trigger:
                ".o_data_row.o_selected_row .o_field_widget[name='skill_id'] input",
            run: "edit Micro-needling",
        },
        {
            content: "pick it",
            trigger:
                ".o_field_widget[name='skill_id'] .dropdown-item:contains('Micro-needling certificate')",
            run: "click",
        },
        {
            content: "its number",
            trigger:
                ".o_data_row.o_selected_row .o_field_widget[name='skinpro_reference'] input",
            run: "edit MN-NEW",
        },
        {
            content: "save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "the renewal is recorded",
            trigger: ".o_data_row:not(.o_selected_row):contains('MN-NEW')",
        },
    ],
});
