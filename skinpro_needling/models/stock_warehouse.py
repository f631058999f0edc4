# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class StockWarehouse(models.Model):
    """Each warehouse has its 'Treatment consumption' operation type, made with it
    as Odoo makes its others: sessions move their consumables out of the studio's
    stock with it, reserved manually (when the session completes), never by the
    scheduler while the session is only booked. Each also has its recall quarantine,
    a location beside its stock (not inside it) that a recall moves the recalled lot
    to."""

    _inherit = "stock.warehouse"

    skinpro_consumption_type_id = fields.Many2one(
        "stock.picking.type",
        string="Treatment Consumption Operation Type",
        copy=False,
        check_company=True,
    )
    skinpro_quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Recall quarantine location",
        copy=False,
        check_company=True,
    )

    def _get_locations_values(self, vals, code=False):
        values = super()._get_locations_values(vals, code=code)
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get(
            "company_id", self.default_get(["company_id"]).get("company_id")
        )
        values["skinpro_quarantine_location_id"] = {
            "name": self.env._("Recall quarantine"),
            "active": True,
            "usage": "internal",
            "skinpro_quarantine": True,
            "replenish_location": False,
            "barcode": self._valid_barcode(code + "QUARANTINE", company_id),
        }
        return values

    def _get_sequence_values(self, name=False, code=False):
        values = super()._get_sequence_values(name=name, code=code)
        values["skinpro_consumption_type_id"] = {
            "name": self.env._(
                "%(name)s Sequence treatment consumption", name=name or self.name
            ),
            "prefix": "%s/%s/"
            % (
                code or self.code,
                self.skinpro_consumption_type_id.sequence_code or "TC",
            ),
            "padding": 5,
            "company_id": self.company_id.id,
        }
        return values

    def _get_picking_type_update_values(self):
        values = super()._get_picking_type_update_values()
        values["skinpro_consumption_type_id"] = {
            "default_location_src_id": self.lot_stock_id.id
        }
        return values

    def _get_picking_type_create_values(self, max_sequence):
        values, max_sequence = super()._get_picking_type_create_values(max_sequence)
        values["skinpro_consumption_type_id"] = {
            "name": self.env._("Treatment consumption"),
            "code": "outgoing",
            # Booked sessions are demand, not reservations: reserved at completion.
            "reservation_method": "manual",
            "default_location_src_id": self.lot_stock_id.id,
            "default_location_dest_id": self.env.ref(
                "skinpro_needling.location_treatment_consumption"
            ).id,
            "use_create_lots": False,
            "use_existing_lots": True,
            "sequence": max_sequence + 1,
            "sequence_code": "TC",
            "company_id": self.company_id.id,
        }
        return values, max_sequence + 2

    def _update_name_and_code(self, new_name=False, new_code=False):
        result = super()._update_name_and_code(new_name=new_name, new_code=new_code)
        for warehouse in self.sudo():
            warehouse.skinpro_consumption_type_id.sequence_id.write(
                warehouse._get_sequence_values(name=new_name, code=new_code)[
                    "skinpro_consumption_type_id"
                ]
            )
        return result

    @api.model
    def _skinpro_create_missing_consumption_types(self):
        """The warehouses that existed before the addon get theirs at install, and
        their recall quarantine."""
        for warehouse in self.search([("skinpro_consumption_type_id", "=", False)]):
            warehouse.write(warehouse._create_or_update_sequences_and_picking_types())
        self.search(
            [("skinpro_quarantine_location_id", "=", False)]
        )._create_missing_locations({})
