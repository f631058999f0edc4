// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The client list can show only the clients cleared for needling today.

import {PartnerList} from "@point_of_sale/app/screens/partner_list/partner_list";
import {patch} from "@web/core/utils/patch";
import {useState} from "@odoo/owl";

patch(PartnerList.prototype, {
    setup() {
        super.setup(...arguments);
        this.skinpro = useState({clearedOnly: false});
    },

    async skinproToggleCleared() {
        if (!this.skinpro.clearedOnly) {
            await this.pos.skinproRefreshStatuses(
                this.pos.models["res.partner"].getAll()
            );
        }
        this.skinpro.clearedOnly = !this.skinpro.clearedOnly;
    },

    getPartners() {
        const partners = super.getPartners(...arguments);
        if (!this.skinpro.clearedOnly) {
            return partners;
        }
        return partners.filter(
            (partner) => partner.skinpro_screening_status === "cleared"
        );
    },
});
