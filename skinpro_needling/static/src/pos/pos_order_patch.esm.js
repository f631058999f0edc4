// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The receipt of an order with a treatment carries its aftercare instructions.

import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";

patch(PosOrder.prototype, {
    /** The aftercare instructions of the order's treatments, each text once. */
    get skinproAftercare() {
        const texts = this.lines
            .map(
                (line) =>
                    line.product_id.skinpro_is_needling &&
                    line.product_id.skinpro_aftercare_text
            )
            .filter(Boolean);
        return [...new Set(texts)];
    },
});
