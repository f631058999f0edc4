# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..rules import state_machine as sm


class SkinproSessionReconfirmation(models.Model):
    """A question of the screening asked again just before a session: answered
    while the session is planned, kept as it was once it starts."""

    _name = "skinpro.session.reconfirmation"
    _description = "Re-confirmation before a session"
    _inherit = ["skinpro.state.machine"]
    _check_company_auto = True
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
            "signed": sm.Lock(sm.ALL),
        },
    )

    session_id = fields.Many2one(
        "skinpro.treatment.session",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    contraindication_id = fields.Many2one(
        "skinpro.contraindication", required=True, ondelete="restrict"
    )
    # The question's, given when the session is planned with its questions (so the
    # row is inserted complete), computed otherwise.
    sequence = fields.Integer(
        compute="_compute_sequence", store=True, readonly=False, copy=False
    )
    question = fields.Char(related="contraindication_id.name")
    answer = fields.Selection([("yes", "Yes"), ("no", "No")])

    @api.depends("contraindication_id.sequence")
    def _compute_sequence(self):
        for reconfirmation in self:
            reconfirmation.sequence = reconfirmation.contraindication_id.sequence

    @api.model
    def _skinpro_ask(self, sessions):
        """Gives new `sessions` the catalogue's questions to re-confirm, unanswered.
        One insert of rows that hold only the catalogue's ids and order: every
        treatment paid at the POS plans a session, and ten questions created one by
        one were a tenth of the sale's time."""
        questions = self.env["skinpro.contraindication"]._skinpro_reconfirmed()
        if not sessions or not questions:
            return
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO skinpro_session_reconfirmation (session_id, company_id,
                    contraindication_id, sequence, create_uid, create_date,
                    write_uid, write_date)
                SELECT session.id, session.company_id, question.id,
                       question.sequence, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(session_ids)s::int[], %(company_ids)s::int[])
                           AS session(id, company_id),
                       unnest(%(question_ids)s::int[], %(sequences)s::int[])
                           AS question(id, sequence)
                """,
                uid=self.env.uid,
                now=now,
                session_ids=sessions.ids,
                company_ids=[session.company_id.id for session in sessions],
                question_ids=[question for question, _sequence in questions],
                sequences=[sequence for _question, sequence in questions],
            )
        )
        sessions.invalidate_recordset(["reconfirmation_ids"])

    def _check_all_denied(self):
        """Every question asked again, and answered no."""
        unanswered = self.filtered(lambda r: not r.answer)
        if unanswered:
            raise UserError(
                self.env._(
                    "Ask the client again before the session: %(questions)s",
                    questions="; ".join(unanswered.mapped("question")),
                )
            )
        yes = self.filtered(lambda r: r.answer == "yes")
        if yes:
            raise UserError(
                self.env._(
                    "The client answered yes to %(questions)s since the screening: "
                    "screen the client again before treating.",
                    questions="; ".join(yes.mapped("question")),
                )
            )
