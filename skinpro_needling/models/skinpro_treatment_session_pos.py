# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SkinproTreatmentSession(models.Model):
    """A session's side of the Point of Sale: the paid line it was booked by (a
    session per unit, pos_order_line.py), its share of that line's revenue for the
    reports, and the aftercare kit the front desk handed over with the order."""

    _inherit = "skinpro.treatment.session"

    pos_order_line_id = fields.Many2one(
        "pos.order.line", string="Paid by", readonly=True, copy=False, index=True
    )
    aftercare_kit_id = fields.Many2one(
        "product.product",
        string="Aftercare kit",
        readonly=True,
        copy=False,
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
