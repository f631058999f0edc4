# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models

from ..rules import state_machine as sm
from .skinpro_screening import NEW_SCREENING


class SkinproScreeningAnswer(models.Model):
    """The client's answer to one question of a screening: health data. Its
    screening's state decides what may change: nothing once it is confirmed."""

    _name = "skinpro.screening.answer"
    _description = "Screening answer"
    _inherit = ["skinpro.state.machine"]
    _check_company_auto = True
    _order = "sequence, id"
    _skinpro_parent_field = "screening_id"
    _skinpro_machine = sm.Machine(
        state_field=None,
        states=(),
        creatable=("draft",),
        deletable=("draft",),
        actions=(NEW_SCREENING,),
        locks={
            "draft": sm.Lock(("screening_id", "contraindication_id")),
            "confirmed": sm.Lock(sm.ALL, instead=(NEW_SCREENING.name,)),
        },
    )

    screening_id = fields.Many2one(
        "skinpro.screening",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="screening_id.company_id", store=True, index=True
    )
    contraindication_id = fields.Many2one(
        "skinpro.contraindication",
        required=True,
        ondelete="restrict",
        context={"active_test": False},
    )
    sequence = fields.Integer(related="contraindication_id.sequence", store=True)
    question = fields.Char(related="contraindication_id.name")
    severity = fields.Selection(related="contraindication_id.severity")
    answer = fields.Selection([("yes", "Yes"), ("no", "No")])
    date = fields.Date(
        help="For a waiting period: the date it runs from, e.g. the last dose or the "
        "day of the peel."
    )
    date_needed = fields.Boolean(compute="_compute_date_needed")

    _one_answer_per_question = models.Constraint(
        "unique(screening_id, contraindication_id)",
        "A screening asks each question once.",
    )

    @api.depends("severity", "answer")
    def _compute_date_needed(self):
        for line in self:
            line.date_needed = line.severity == "waiting" and line.answer == "yes"

    def write(self, vals):
        before = {line: (line.answer, line.date) for line in self}
        result = super().write(vals)
        if {"answer", "date"} & set(vals):
            self._post_changes(before)
        return result

    def _post_changes(self, before):
        """Answers are lines: their changes are posted on the screening's chatter."""
        labels = dict(self._fields["answer"]._description_selection(self.env))
        for screening in self.screening_id:
            changes = []
            for line in self.filtered(lambda a, s=screening: a.screening_id == s):
                old_answer, old_date = before[line]
                if (old_answer, old_date) == (line.answer, line.date):
                    continue
                changes.append(
                    Markup("<li>%s: %s → %s</li>")
                    % (
                        line.question,
                        _format(labels.get(old_answer), old_date),
                        _format(labels.get(line.answer), line.date),
                    )
                )
            if changes:
                screening.message_post(
                    body=Markup("<p>%s</p><ul>%s</ul>")
                    % (self.env._("Answers changed"), Markup().join(changes)),
                    subtype_xmlid="mail.mt_note",
                )


def _format(answer, day):
    return " ".join(filter(None, [answer or "-", day and f"({day})"]))
