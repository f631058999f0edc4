# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproReviewReturn(models.TransientModel):
    """The medical director's question to the practitioner, returning a chart."""

    _name = "skinpro.review.return"
    _description = "Return a chart to its practitioner"

    session_id = fields.Many2one(
        "skinpro.treatment.session", required=True, readonly=True
    )
    comment = fields.Text(
        required=True, help="What the practitioner answers by an addendum."
    )

    def action_return(self):
        self.ensure_one()
        self.session_id.action_review_return(comment=self.comment)
        return {"type": "ir.actions.act_window_close"}
