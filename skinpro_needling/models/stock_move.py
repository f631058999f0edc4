# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        self._skinpro_check_recalled_lots()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _skinpro_check_recalled_lots(self):
        """A recalled lot leaves a location only for a quarantine, back to its
        supplier, or to a loss (scrap, inventory adjustment): never to a client,
        a treatment, or another stock location."""
        consumption = self.env.ref(
            "skinpro_needling.location_treatment_consumption", raise_if_not_found=False
        )
        for line in self.move_line_ids.filtered(
            lambda ml: ml.lot_id.skinpro_recalled and ml.quantity
        ):
            destination = line.location_dest_id
            if destination.skinpro_quarantine or destination.usage == "supplier":
                continue
            if destination.usage == "inventory" and destination != consumption:
                continue
            if line.move_id.is_inventory and destination.usage not in (
                "customer",
                "transit",
            ):
                continue
            raise UserError(
                self.env._(
                    "Lot %(lot)s of %(product)s is recalled (%(reason)s): it cannot "
                    "go to %(location)s. Move it to the warehouse's recall "
                    "quarantine, or return it to the supplier.",
                    lot=line.lot_id.name,
                    product=line.product_id.display_name,
                    reason=line.lot_id.sudo().skinpro_recall_reason,
                    location=destination.display_name,
                )
            )

    def _action_assign(self, force_qty=False):
        self._skinpro_lock_quants()
        return super()._action_assign(force_qty=force_qty)

    def _skinpro_lock_quants(self):
        """Odoo reserves on the first quant no other transaction holds, and on a new,
        empty one when all are held: two studios reserving the central warehouse's
        last kit, or two sessions a studio's last cartridge, would both get it.
        Locking the quants first makes the later transaction wait, then fail on
        PostgreSQL's concurrent update; Odoo retries it, and the retry sees the
        quantity reserved or gone."""
        moves = self.filtered(
            lambda move: (
                move.product_id.is_storable
                and not move.location_id.should_bypass_reservation()
            )
        )
        if not moves:
            return
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("product_id", "in", moves.product_id.ids),
                    ("location_id", "child_of", moves.location_id.ids),
                ]
            )
        )
        if quants:
            self.env.cr.execute(
                "SELECT id FROM stock_quant WHERE id IN %s"
                " ORDER BY id FOR NO KEY UPDATE",
                [tuple(quants.ids)],
            )

    def _update_reserved_quantity(
        self,
        need,
        location_id,
        lot_id=None,
        package_id=None,
        owner_id=None,
        strict=True,
    ):
        return super(
            StockMove, self._skinpro_unexpired_only()
        )._update_reserved_quantity(
            need,
            location_id,
            lot_id=lot_id,
            package_id=package_id,
            owner_id=owner_id,
            strict=strict,
        )

    def _get_available_quantity(
        self,
        location_id,
        lot_id=None,
        package_id=None,
        owner_id=None,
        strict=False,
        allow_negative=False,
    ):
        return super(StockMove, self._skinpro_unexpired_only())._get_available_quantity(
            location_id,
            lot_id=lot_id,
            package_id=package_id,
            owner_id=owner_id,
            strict=strict,
            allow_negative=allow_negative,
        )

    def _skinpro_unexpired_only(self):
        """A treatment's consumption never takes an expired lot. Odoo skips only the
        lots past their removal date, which need not follow the expiry: a corrected
        expiry date, for one, leaves it where it was."""
        self.ensure_one()
        picking_type = self.picking_type_id
        if picking_type and (
            picking_type == picking_type.warehouse_id.skinpro_consumption_type_id
        ):
            return self.with_context(skinpro_unexpired_on=self.date)
        return self
