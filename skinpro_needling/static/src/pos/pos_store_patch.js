/** @odoo-module */
// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The front desk cannot add a needling treatment for a client who is not cleared at
// this studio, without a client, or at a depth the studio may not perform.

import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { PosStore } from "@point_of_sale/app/store/pos_store";

patch(PosStore.prototype, {
    async addLineToCurrentOrder(vals, opts = {}, configure = true) {
        const product = vals.product_id;
        if (product?.skinpro_is_needling) {
            const refusal = this.skinproRefusal(product, this.get_order()?.get_partner());
            if (refusal) {
                this.dialog.add(AlertDialog, {
                    title: _t("Treatment refused"),
                    body: refusal,
                });
                return;
            }
        }
        return await super.addLineToCurrentOrder(...arguments);
    },

    skinproRefusal(product, partner) {
        if (!partner) {
            return _t(
                "Select the client first: a needling treatment is sold only to a client " +
                    "cleared by a screening."
            );
        }
        if (product.skinpro_studio_depth_class === "medical") {
            return _t(
                "%s is medical depth at this studio: it cannot be sold here. Create a " +
                    "referral to a medical provider from the client's screening or session.",
                product.display_name
            );
        }
        const status = partner.skinpro_screening_status;
        if (status !== "cleared") {
            const next = {
                none: _t("Start a screening in Micro-needling > Clients."),
                clearance_required: _t("A physician's clearance is needed first."),
                deferred: _t("The client must wait until the deferral ends."),
                refer: _t("Create a referral to a medical provider from the screening."),
            };
            return _t("%s is not cleared for needling at this studio. %s", partner.name, next[status] || "");
        }
        return false;
    },
});
