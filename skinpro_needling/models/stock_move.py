# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_assign(self, force_qty=False):
        self._skinpro_lock_quants()
        return super()._action_assign(force_qty=force_qty)

    def _skinpro_lock_quants(self):
        """Odoo reserves on the first quant no other transaction holds, and on a new,
        empty one when all are held: two studios reserving the central warehouse's
        last kit at once would both get it. Locking the quants first makes the later
        transaction wait, then fail on PostgreSQL's concurrent update; Odoo retries
        it, and the retry sees the kit reserved."""
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
