# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    def _skinpro_consumption_type(self):
        """The warehouse's 'Treatment consumption' operation type: sessions move
        their consumables out of the studio's stock with it."""
        self.ensure_one()
        PickingType = self.env["stock.picking.type"].sudo()
        picking_type = PickingType.search(
            [("warehouse_id", "=", self.id), ("sequence_code", "=", "TC")], limit=1
        )
        if not picking_type:
            picking_type = PickingType.create(
                {
                    "name": _("Treatment consumption"),
                    "code": "outgoing",
                    "sequence_code": "TC",
                    "warehouse_id": self.id,
                    "company_id": self.company_id.id,
                    "default_location_src_id": self.lot_stock_id.id,
                    "default_location_dest_id": self.env.ref(
                        "skinpro_needling.location_treatment_consumption"
                    ).id,
                }
            )
        return picking_type
