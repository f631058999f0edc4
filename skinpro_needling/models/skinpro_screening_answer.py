# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import _, api, fields, models


class SkinproScreeningAnswer(models.Model):
    """The client's answer to one question of a screening: health data."""

    _name = "skinpro.screening.answer"
    _description = "Screening answer"
    _order = "sequence, id"

    screening_id = fields.Many2one(
        "skinpro.screening", required=True, index=True, ondelete="cascade"
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

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers.screening_id._check_unlocked()
        return answers

    def write(self, vals):
        self.screening_id._check_unlocked(
            [
                self._fields[f]._description_string(self.env)
                for f in vals
                if f in self._fields
            ]
        )
        before = {line: (line.answer, line.date) for line in self}
        result = super().write(vals)
        if {"answer", "date"} & set(vals):
            self._post_changes(before)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.screening_id._check_unlocked()

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
                    % (_("Answers changed"), Markup().join(changes)),
                    subtype_xmlid="mail.mt_note",
                )


def _format(answer, day):
    return " ".join(filter(None, [answer or "-", day and f"({day})"]))
