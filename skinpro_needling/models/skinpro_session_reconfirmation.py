# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..rules import state_machine as sm


class SkinproSessionReconfirmation(models.Model):
    """A question of the screening asked again just before a session: answered
    while the session is planned, kept as it was once it starts."""

    _name = "skinpro.session.reconfirmation"
    _description = "Re-confirmation before a session"
    _inherit = ["skinpro.state.machine"]
    _order = "sequence, id"
    _skinpro_parent_field = "session_id"
    _skinpro_machine = sm.Machine(
        state_field=None,
        states=(),
        creatable=("planned",),
        deletable=("planned",),
        locks={
            "planned": sm.Lock(("session_id", "contraindication_id")),
            "in_progress": sm.Lock(sm.ALL),
            "done": sm.Lock(sm.ALL),
            "cancelled": sm.Lock(sm.ALL),
        },
    )

    session_id = fields.Many2one(
        "skinpro.treatment.session", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    contraindication_id = fields.Many2one(
        "skinpro.contraindication", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="contraindication_id.sequence", store=True)
    question = fields.Char(related="contraindication_id.name")
    answer = fields.Selection([("yes", "Yes"), ("no", "No")])

    @api.model
    def _skinpro_questions(self):
        """The values that give a new session its questions to re-confirm."""
        questions = self.env["skinpro.contraindication"].search(
            [("reconfirm_each_session", "=", True)]
        )
        return {
            "reconfirmation_ids": [
                Command.create({"contraindication_id": question.id})
                for question in questions
            ]
        }

    def _check_all_denied(self):
        """Every question asked again, and answered no."""
        unanswered = self.filtered(lambda r: not r.answer)
        if unanswered:
            raise UserError(
                _(
                    "Ask the client again before the session: %(questions)s",
                    questions="; ".join(unanswered.mapped("question")),
                )
            )
        yes = self.filtered(lambda r: r.answer == "yes")
        if yes:
            raise UserError(
                _(
                    "The client answered yes to %(questions)s since the screening: "
                    "screen the client again before treating.",
                    questions="; ".join(yes.mapped("question")),
                )
            )
