/** @odoo-module */
// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The receipt of an order with a treatment carries its aftercare instructions.

import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";

patch(PosOrder.prototype, {
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        const texts = this.lines
            .map((line) => line.product_id.skinpro_is_needling && line.product_id.skinpro_aftercare_text)
            .filter(Boolean);
        result.skinpro_aftercare = [...new Set(texts)];
        return result;
    },
});
