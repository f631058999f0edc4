# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.skinpro_state_machine import acting


class SkinproDepthBreachReview(models.TransientModel):
    """A studio manager's review of a session's depth breach, and why it may
    complete: kept on the session and in its chatter."""

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

    @api.model
    def _check_reviewer(self):
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                self.env._("Only a studio manager may review a depth breach.")
            )

    def action_review(self):
        self.ensure_one()
        self._check_reviewer()
        session = self.session_id
        if not (session.state == "in_progress" and session.depth_breach):
            raise UserError(
                self.env._(
                    "Only a session in progress with a depth breach is reviewed."
                )
            )
        with acting(session):
            session.write(
                {
                    "depth_breach_reviewed_by_id": self.env.user.id,
                    "depth_breach_reviewed_on": fields.Datetime.now(),
                    "depth_breach_reason": self.reason,
                }
            )
        session.message_post(
            body=self.env._(
                "Depth breach reviewed by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=self.reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        session.activity_unlink(["skinpro_needling.mail_activity_depth_breach"])
        return {"type": "ir.actions.act_window_close"}
