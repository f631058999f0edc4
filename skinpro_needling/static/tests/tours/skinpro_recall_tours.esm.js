// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* A lot recalled from its form by inventory staff; a cartridge scanned on a session
   by the practitioner. */

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("skinpro_recall_lot", {
    steps: () => [
        {
            content: "recall the lot from its form",
            trigger:
                ".o_form_view button[name='action_skinpro_open_recall']:contains('Recall')",
            run: "click",
        },
        {
            content: "confirm the recall in every studio",
            trigger: ".modal-footer button.btn-primary:contains('Ok')",
            run: "click",
        },
        {
            content: "give the manufacturer's reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Sterility of the pouches not assured",
        },
        {
            content: "save: the lot is recalled",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "the lot's form shows it recalled",
            trigger: ".o_form_view .ribbon:contains('Recalled')",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_scan_cartridge", {
    steps: () => [
        {
            content: "scan the cartridge's pouch",
            trigger: ".o_field_widget[name='cartridge_scan'] input",
            // GS1: (01) GTIN 07612345678900, (17) expiry 301231, (10) lot C-2609
            run: "edit 01076123456789001730123110C-2609 && press Tab",
        },
        {
            content: "the cartridge lot is recorded",
            trigger: ".o_field_widget[name='cartridge_lot_id'] input:value(C-2609)",
        },
        {
            content: "save the session",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_form_saved",
        },
    ],
});
