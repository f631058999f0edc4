// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* The demo's logins on day one, each doing its job. */

import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

const TREATMENT = "Full-face micro-needling";

/* From the home screen into the Micro-needling app, as every back-office login starts. */
const openMicroNeedling = () => [
    stepUtils.showAppsMenuItem(),
    {
        content: "open the Micro-needling app",
        trigger: ".o_app[data-menu-xmlid='skinpro_needling.menu_skinpro_root']",
        run: "click",
    },
];

registry.category("web_tour.tours").add("skinpro_demo_front_desk", {
    steps: () =>
        [
            {
                content: "open the studio's register from the POS dashboard",
                trigger:
                    ".o_kanban_record:contains('SkinPro Salt Lake City') button[name='open_ui']",
                run: "click",
                expectUnloadPage: true,
            },
            Dialog.confirm("Open Register"),
            {
                content: "the register opens on the studio's treatments",
                trigger: `article.product .product-name:contains("${TREATMENT}")`,
            },
            {
                content: "no furniture or bakery product on the studio's register",
                trigger: ".product-list:not(:has(.product-name:contains('Desk')))",
            },
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Emma Larsen"),
            {
                content: "the order shows the client's screening status",
                trigger:
                    ".set-partner .skinpro-status[data-status='cleared']:contains('Cleared until')",
            },
            ProductScreen.clickDisplayedProduct(TREATMENT),
            {
                content: "choose a cosmetic depth",
                trigger: ".modal .attribute-name-cell label:contains('0.50 mm')",
                run: "click",
            },
            Dialog.confirm("Add"),
            ProductScreen.selectedOrderlineHas(TREATMENT, "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.setEmail("emma.larsen@example.com"),
            ReceiptScreen.clickSend(),
            ReceiptScreen.emailIsSuccessful(),
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_demo_front_desk_invitation", {
    steps: () => [
        ...openMicroNeedling(),
        {
            content: "open Clients",
            trigger: ".o_main_navbar button:contains('Clients')",
            run: "click",
        },
        {
            content: "open the client list",
            trigger:
                ".dropdown-item[data-menu-xmlid='skinpro_needling.menu_skinpro_client_list']",
            run: "click",
        },
        {
            content: "look the client up",
            trigger: ".o_searchview_input",
            run: "edit Olivia Jensen",
        },
        {
            content: "search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "open the client booking a new course",
            trigger: ".o_data_row:contains('Olivia Jensen') td[name='name']",
            run: "click",
        },
        {
            content: "mail the client the screening form",
            trigger: "button[name='action_skinpro_send_screening_invitation']",
            run: "click",
        },
        {
            content: "the front desk is told where the link went",
            trigger: ".o_notification:contains('olivia.jensen@example.com')",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_demo_chain_manager", {
    steps: () => [
        ...openMicroNeedling(),
        {
            content: "open Reporting",
            trigger: ".o_main_navbar button:contains('Reporting')",
            run: "click",
        },
        {
            content: "open the chain dashboard",
            trigger: ".dropdown-item:contains('Chain dashboard')",
            run: "click",
        },
        {
            content: "the chart has studios to compare",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "show it as a table",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content:
                "every studio is a column, San Diego too, without ticking companies",
            trigger:
                ".o_pivot:has(th:contains('SkinPro Salt Lake City')):has(th:contains('SkinPro Phoenix')):has(th:contains('SkinPro San Diego'))",
        },
        {
            content: "the consumables the studios used have a cost",
            trigger: ".o_pivot tbody tr:first-child td.o_pivot_cell_value",
            run() {
                const measures = [
                    ...document.querySelectorAll(".o_pivot thead tr:last-child th"),
                ].map((header) => header.textContent.trim());
                const totals = [
                    ...document.querySelectorAll(
                        ".o_pivot tbody tr:first-child td.o_pivot_cell_value"
                    ),
                ].map((cell) => cell.textContent.trim());
                const costs = totals.filter(
                    (_total, index) => measures[index] === "Consumables cost"
                );
                if (!costs.length || !costs.some((cost) => /[1-9]/.test(cost))) {
                    throw new Error(`No consumables cost in ${totals.join(" | ")}`);
                }
            },
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_demo_inventory", {
    steps: () => [
        ...openMicroNeedling(),
        {
            content: "open Inventory",
            trigger: ".o_main_navbar button:contains('Inventory')",
            run: "click",
        },
        {
            content: "open what to restock",
            trigger: ".dropdown-item:contains('Replenishment')",
            run: "click",
        },
        {
            content: "the cartridges are to restock from the central warehouse",
            trigger: ".o_data_row:contains('12-pin needle cartridge')",
        },
        stepUtils.showAppsMenuItem(),
        {
            content: "open the Inventory app",
            trigger: ".o_app[data-menu-xmlid='stock.menu_stock_root']",
            run: "click",
        },
        {
            content: "open Operations",
            trigger: ".o_main_navbar button:contains('Operations')",
            run: "click",
        },
        {
            content: "open the receipts",
            trigger: ".dropdown-item:contains('Receipts')",
            run: "click",
        },
        {
            content: "open the transfer from the central warehouse",
            trigger: ".o_data_row .o_data_cell:contains('SLC/IN/0')",
            run: "click",
        },
        {
            content: "receive it",
            trigger: ".o_form_view button[name='button_validate']",
            run: "click",
        },
        {
            content: "the transfer is done",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});

/* Answers "No" on every row of an editable list of questions. */
function answerNo(field, count) {
    const steps = [];
    for (let row = 1; row <= count; row++) {
        const cell = `.o_field_widget[name='${field}'] .o_data_row:nth-child(${row}) td[name='answer']`;
        steps.push(
            {content: `question ${row}`, trigger: cell, run: "click"},
            {
                content: `question ${row}: no`,
                trigger: `${cell} .o_selection_badge:contains('No')`,
                run: "click",
            },
            {
                content: `question ${row} answered`,
                trigger: `${cell} .o_selection_badge.active`,
            }
        );
    }
    return steps;
}

const NEW_CLIENT = "Nora Quinn";

registry.category("web_tour.tours").add("skinpro_demo_practitioner", {
    steps: () =>
        [
            ...openMicroNeedling(),
            {
                content: "open Clients",
                trigger: ".o_main_navbar button:contains('Clients')",
                run: "click",
            },
            {
                content: "open the screenings",
                trigger: ".dropdown-item:contains('Screenings')",
                run: "click",
            },
            {
                content: "screen a new client",
                trigger:
                    ".o_control_panel:has(.o_breadcrumb:contains('Screenings')) .o_control_panel_main_buttons button:contains('New')",
                run: "click",
            },
            {
                content: "type the new client's name",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: `edit ${NEW_CLIENT}`,
            },
            {
                content: "create the client",
                trigger:
                    ".o_field_widget[name='partner_id'] .o_m2o_dropdown_option_create",
                run: "click",
            },
            {
                content: "the client is set",
                trigger: `.o_field_widget[name='partner_id'] input:value(${NEW_CLIENT})`,
            },
            answerNo("answer_ids", 30),
            {
                content: "open the consent",
                trigger: ".o_notebook .nav-link:contains('Consent and photos')",
                run: "click",
            },
            {
                content: "the client signs the treatment consent",
                trigger: ".o_field_widget[name='consent_signature'] .o_signature",
                run: "click",
            },
            {
                content: "the client's name is ready to sign",
                trigger: ".modal .o_web_sign_auto_button.active",
            },
            {
                content: "adopt the signature",
                trigger: ".modal .modal-footer .btn-primary:not([disabled])",
                run: "click",
            },
            {
                content: "the consent is signed",
                trigger: ".o_field_widget[name='consent_signature'] img",
            },
            {
                content: "confirm the screening",
                trigger: ".o_form_view button[name='action_confirm']",
                run: "click",
            },
            Dialog.confirm(),
            {
                content: "the client is cleared",
                trigger: ".o_form_view .ribbon:contains('Cleared')",
            },
            {
                content: "open Treatments",
                trigger: ".o_main_navbar button:contains('Treatments')",
                run: "click",
            },
            {
                content: "open all sessions",
                trigger: ".dropdown-item:contains('All sessions')",
                run: "click",
            },
            {
                content: "plan a session",
                trigger:
                    ".o_control_panel:has(.o_breadcrumb:contains('Sessions')) .o_control_panel_main_buttons button:contains('New')",
                run: "click",
            },
            {
                content: "for the new client",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: `edit ${NEW_CLIENT}`,
            },
            {
                content: "pick the client",
                trigger: `.o_field_widget[name='partner_id'] .dropdown-item:contains(${NEW_CLIENT})`,
                run: "click",
            },
            {
                content: "choose the treatment",
                trigger: ".o_field_widget[name='product_id'] input",
                run: "edit 0.50",
            },
            {
                content: "at a cosmetic depth",
                trigger:
                    ".o_field_widget[name='product_id'] .dropdown-item:contains('0.50 mm')",
                run: "click",
            },
            {
                content: "save the session: the questions to ask again appear",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "the session is cosmetic at the studio",
                trigger: ".o_field_widget[name='depth_class']:contains('Cosmetic')",
            },
            answerNo("reconfirmation_ids", 17),
            {
                content: "start the session",
                trigger: ".o_form_view button[name='action_start']",
                run: "click",
            },
            {
                content: "the session is in progress",
                trigger:
                    ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('In progress')",
            },
            {
                content: "record the depth used",
                trigger:
                    ".o_field_widget[name='depth_line_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "on the forehead",
                trigger:
                    ".o_field_widget[name='depth_line_ids'] .o_field_widget[name='area_id'] input",
                run: "edit Forehead",
            },
            {
                content: "pick the area",
                trigger:
                    ".o_field_widget[name='area_id'] .dropdown-item:contains('Forehead')",
                run: "click",
            },
            {
                content: "at 0.5 mm",
                trigger:
                    ".o_field_widget[name='depth_line_ids'] .o_field_widget[name='depth_mm'] input",
                run: "edit 0.5",
            },
            {
                content: "complete the session",
                trigger: ".o_form_view button[name='action_done']",
                run: "click",
            },
            {
                content: "the session is done",
                trigger:
                    ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
            },
        ].flat(),
});

const openSkinproInventory = (menu) => [
    ...openMicroNeedling(),
    {
        content: "open Inventory",
        trigger: ".o_main_navbar button:contains('Inventory')",
        run: "click",
    },
    {
        content: `open ${menu}`,
        trigger: `.dropdown-item:contains('${menu}')`,
        run: "click",
    },
];

const KIT = "Aftercare sample kit";

registry.category("web_tour.tours").add("skinpro_demo_inventory_shortfall", {
    steps: () => [
        ...openSkinproInventory("Shortfalls by date"),
        {
            content:
                "the booked sessions need more aftercare kits than the studio holds",
            trigger: `.o_data_row:contains('${KIT}') .o_data_cell[name='shortfall_date']:not(:empty)`,
        },
        {
            content: "ask the central warehouse for the kits",
            trigger: `.o_data_row:contains('${KIT}') button[name='action_transfer_from_central']`,
            run: "click",
        },
        {
            content: "the transfer from the central warehouse is on its way",
            trigger:
                ".o_list_view .o_data_row .o_data_cell[name='name']:contains('SLC/IN/')",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_demo_inventory_receive", {
    steps: () => [
        ...openSkinproInventory("To receive today"),
        {
            content: "open the transfer of the kits",
            trigger: ".o_data_row .o_data_cell[name='name']:contains('SLC/IN/')",
            run: "click",
        },
        {
            content: "receive it",
            trigger: ".o_form_view button[name='button_validate']",
            run: "click",
        },
        {
            content: "the transfer is done",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
