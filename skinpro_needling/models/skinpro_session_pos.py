# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .skinpro_state_machine import acting


class SkinproSessionPos(models.AbstractModel):
    """A session's side of the Point of Sale: the paid line it was booked by (a
    session per unit, pos_order_line.py), its share of that line's revenue for the
    reports, and the aftercare kit the front desk handed over with the order.

    The sale answers the till at once: the session's booked consumption and the
    kit's picking follow right after, from the scheduler the sale triggers."""

    _name = "skinpro.session.pos"
    _description = "Session's Point of Sale side"

    # The session's: its studio's currency.
    currency_id = fields.Many2one("res.currency")
    pos_order_line_id = fields.Many2one(
        "pos.order.line",
        string="Paid by",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    aftercare_kit_id = fields.Many2one(
        "product.product",
        string="Aftercare kit",
        readonly=True,
        copy=False,
        check_company=True,
        help="The kit the front desk handed over with the paid order.",
    )
    revenue = fields.Monetary(
        compute="_compute_revenue",
        store=True,
        precompute=True,
        currency_field="currency_id",
        help="This session's share of the POS line that paid for it.",
    )

    @api.depends("pos_order_line_id.price_subtotal", "pos_order_line_id.qty")
    def _compute_revenue(self):
        for session in self:
            line = session.pos_order_line_id
            session.revenue = line.price_subtotal / line.qty if line.qty else 0

    pos_stock_due = fields.Boolean(
        string="Stock to follow the sale",
        readonly=True,
        copy=False,
        help="Paid at the POS: its booked consumption and the kit handed over reach "
        "the stock right after the sale.",
    )

    @api.model
    def _cron_skinpro_pos_stock(self):
        """The kits handed over with paid orders leave through the POS's picking,
        and the sessions paid are booked, for the sales since the last run."""
        sessions = self.sudo().search([("pos_stock_due", "=", True)])
        Picking = self.env["stock.picking"].sudo()
        for order in sessions.pos_order_line_id.order_id:
            Picking._skinpro_hand_over_kits(
                order,
                sessions.filtered(lambda s, o=order: s.pos_order_line_id.order_id == o),
            )
        Picking._skinpro_book(sessions)
        with acting(sessions):
            sessions.write({"pos_stock_due": False})
