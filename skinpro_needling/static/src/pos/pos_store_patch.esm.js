// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The front desk cannot add a needling treatment for a client who is not cleared at
// this studio, without a client, or at a depth the studio may not perform.

import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {SkinproReferralDialog} from "./skinpro_referral_dialog.esm";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    async setup() {
        // The depth is the variant's, known once the product is configured: this step
        // runs before a line is added or its variant changed. It is an instance
        // property, out of reach of a prototype patch.
        const handleConfigurableProduct = this.handleConfigurableProduct;
        this.handleConfigurableProduct = async (
            values,
            productTemplate,
            opts = {},
            ...rest
        ) => {
            const keepGoing = await handleConfigurableProduct(
                values,
                productTemplate,
                opts,
                ...rest
            );
            const order = values.order_id || opts.line?.order_id || this.getOrder();
            if (
                keepGoing === false ||
                !this.skinproMaySell(values.product_id, order?.getPartner())
            ) {
                return false;
            }
            return keepGoing;
        };
        await super.setup(...arguments);
    },

    /** Whether this product may be sold to this client here; if not, the front desk
     * is told why (and offered the referral, for a medical depth). */
    skinproMaySell(product, partner) {
        if (!product?.skinpro_is_needling) {
            return true;
        }
        const refusal = this.skinproRefusal(product, partner);
        if (!refusal) {
            return true;
        }
        if (partner && product.skinpro_studio_depth_class === "medical") {
            this.dialog.add(SkinproReferralDialog, {body: refusal, partner, product});
        } else {
            this.dialog.add(AlertDialog, {
                title: _t("Treatment refused"),
                body: refusal,
            });
        }
        return false;
    },

    skinproRefusal(product, partner) {
        if (!partner) {
            return _t(
                "Select the client first: a needling treatment is sold only to a client cleared by a screening."
            );
        }
        if (product.skinpro_studio_depth_class === "medical") {
            return _t(
                "%s is medical depth at this studio: it cannot be sold here. Refer the client to a medical provider.",
                product.display_name
            );
        }
        const status = partner.skinpro_screening_status;
        if (status !== "cleared") {
            const next = {
                none: _t(
                    "Ask a practitioner to screen the client (Micro-needling > Clients)."
                ),
                clearance_required: _t("A physician's clearance is needed first."),
                deferred: _t("The client must wait until the deferral ends."),
                refer: _t("A practitioner refers the client from the screening."),
                received: _t(
                    "The client's form arrived online: a practitioner reviews and confirms it first."
                ),
            };
            return _t(
                "%s is not cleared for needling at this studio. %s",
                partner.name,
                next[status] || ""
            );
        }
        return false;
    },

    async selectPartner() {
        const partner = await super.selectPartner(...arguments);
        if (partner) {
            await this.skinproRefreshStatuses([partner]);
        }
        return partner;
    },

    /** Today's screening status of these clients, from the server; offline, the
     * status loaded with the POS stays (the server checks the order again). */
    async skinproRefreshStatuses(partners) {
        const rows = await this.data.silentCall(
            "pos.config",
            "skinpro_screening_statuses",
            [[this.config.id], partners.map((partner) => partner.id)]
        );
        for (const row of rows || []) {
            const {id, ...status} = row;
            this.models["res.partner"].get(id)?.update(status);
        }
    },
});
