# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproDepthBreachReview(models.TransientModel):
    """A studio manager's review of a session's depth breach, and why it may
    complete."""

    _name = "skinpro.depth.breach.review"
    _description = "Depth breach review"

    session_id = fields.Many2one(
        "skinpro.treatment.session", required=True, ondelete="cascade"
    )
    depth_line_ids = fields.One2many(related="session_id.depth_line_ids")
    reason = fields.Text(
        required=True,
        help="Why the session may complete despite the depth recorded: kept on the "
        "session and in its chatter.",
    )

    def action_review(self):
        self.ensure_one()
        self.session_id._skinpro_review_depth_breach(self.reason)
        return {"type": "ir.actions.act_window_close"}
