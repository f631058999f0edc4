// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* global posmodel */

import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

const TREATMENT = "Express micro-needling 0.5 mm";
const FULL_FACE = "Tour full-face micro-needling";

registry.category("web_tour.tours").add("skinpro_refused_without_client", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct(TREATMENT),
            Dialog.is({title: "Treatment refused"}),
            Dialog.bodyIs("Select the client first"),
            Dialog.confirm(),
            ProductScreen.orderIsEmpty(),
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_refused_refer_client", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Refer Client"),
            {
                content: "the order shows the client is to be referred",
                trigger: ".set-partner .skinpro-status[data-status='refer']",
            },
            ProductScreen.clickDisplayedProduct(TREATMENT),
            Dialog.is({title: "Treatment refused"}),
            Dialog.bodyIs("is not cleared"),
            Dialog.confirm(),
            ProductScreen.orderIsEmpty(),
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_cleared_client_buys", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Cleared Client"),
            {
                content: "the order shows the client's screening status",
                trigger:
                    ".set-partner .skinpro-status[data-status='cleared']:contains('Cleared until')",
            },
            ProductScreen.clickDisplayedProduct(TREATMENT),
            ProductScreen.selectedOrderlineHas(TREATMENT, "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt carries the treatment's aftercare instructions",
                trigger:
                    ".pos-receipt .skinpro-aftercare:contains('No makeup for 24 hours')",
            },
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_refused_medical_depth", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Cleared Client"),
            ProductScreen.clickDisplayedProduct("Deep micro-needling 2.0 mm"),
            Dialog.is({title: "Treatment refused"}),
            Dialog.bodyIs("is medical depth at this studio"),
            {
                content: "choose the provider to refer the client to",
                trigger: ".modal .skinpro-provider:contains('Tour Dermatology Clinic')",
                run: "click",
            },
            Dialog.confirm("Create referral"),
            {
                content: "the front desk is told the referral exists",
                trigger: ".o_notification:contains('Referral created')",
            },
            Dialog.isNot(),
            ProductScreen.orderIsEmpty(),
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_cleared_today_filter", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            {
                content: "the list holds clients of every status",
                trigger: ".partner-list .partner-line:contains('Refer Client')",
            },
            {
                content: "show only the clients cleared today",
                trigger: ".modal .skinpro-cleared-filter",
                run: "click",
            },
            {
                content: "a cleared client stays, marked cleared",
                trigger:
                    ".partner-list .partner-line:contains('Cleared Client') .skinpro-cleared",
            },
            {
                content: "a client to refer is filtered out",
                trigger:
                    ".partner-list:not(:has(.partner-line:contains('Refer Client')))",
            },
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_status_refreshed_on_select", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "the status loaded with the POS goes stale",
                trigger: ".product-screen",
                run: () => {
                    const client = posmodel.models["res.partner"].find(
                        (partner) => partner.name === "Cleared Client"
                    );
                    client.update({skinpro_screening_status: "none"});
                },
            },
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Cleared Client"),
            {
                content: "selecting the client reads today's status from the server",
                trigger: ".set-partner .skinpro-status[data-status='cleared']",
            },
            ProductScreen.clickDisplayedProduct(TREATMENT),
            ProductScreen.selectedOrderlineHas(TREATMENT, "1"),
        ].flat(),
});

registry.category("web_tour.tours").add("skinpro_medical_depth_variant_refused", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Cleared Client"),
            ProductScreen.clickDisplayedProduct(FULL_FACE),
            {
                content: "choose a depth the studio may not perform",
                trigger: ".modal .attribute-name-cell label:contains('2.00 mm')",
                run: "click",
            },
            Dialog.confirm("Add"),
            Dialog.is({title: "Treatment refused"}),
            Dialog.bodyIs("is medical depth at this studio"),
            Dialog.cancel({title: "Treatment refused"}),
            Dialog.isNot(),
            ProductScreen.orderIsEmpty(),
            ProductScreen.clickDisplayedProduct(FULL_FACE),
            {
                content: "choose a cosmetic depth",
                trigger: ".modal .attribute-name-cell label:contains('0.50 mm')",
                run: "click",
            },
            Dialog.confirm("Add"),
            ProductScreen.selectedOrderlineHas(FULL_FACE, "1"),
        ].flat(),
});
