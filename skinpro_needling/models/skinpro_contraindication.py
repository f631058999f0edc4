# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

SEVERITIES = [
    ("absolute", "Absolute: refer"),
    ("clearance", "Needs physician clearance"),
    ("waiting", "Waiting period"),
]


class SkinproContraindication(models.Model):
    """A question of the chain's screening catalogue."""

    _name = "skinpro.contraindication"
    _description = "Contraindication"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, tracking=True)
    name = fields.Char(
        string="Question",
        required=True,
        translate=True,
        tracking=True,
        help="The question put to the client, answered yes or no.",
    )
    severity = fields.Selection(
        SEVERITIES,
        string="Class",
        required=True,
        default="clearance",
        tracking=True,
        help="Absolute: the client is referred to a medical provider. Needs physician "
        "clearance: treated only with a physician's written clearance on file. "
        "Waiting period: treated once the period after the date given has passed.",
    )
    waiting_days = fields.Integer(
        string="Waiting period (days)",
        tracking=True,
        help="For a waiting period: the days that must pass after the date the "
        "client gives (e.g. the last dose).",
    )
    reconfirm_each_session = fields.Boolean(
        string="Re-confirm before each session",
        tracking=True,
        help="Asked again before every session of a course, because it can change "
        "between sessions (pregnancy, new medication, active lesions).",
    )
    source = fields.Char(help="Where the rule comes from.")
    active = fields.Boolean(default=True, tracking=True)

    _code_unique = models.Constraint(
        "unique(code)",
        "Another contraindication already has this code: codes are unique.",
    )
    _waiting_days_not_negative = models.Constraint(
        "CHECK(waiting_days >= 0)",
        "Waiting period (days) cannot be negative.",
    )

    @api.constrains("severity", "waiting_days")
    def _check_waiting_days(self):
        for contraindication in self:
            if (
                contraindication.severity == "waiting"
                and contraindication.waiting_days < 1
            ):
                raise ValidationError(
                    self.env._(
                        "%(question)s: a waiting-period contraindication needs a "
                        "Waiting period (days) of at least one day.",
                        question=contraindication.name,
                    )
                )

    @api.model
    @tools.ormcache()
    def _skinpro_reconfirmed(self):
        """(id, sequence) of the questions asked again before each session. Every
        paid treatment plans a session with them and the catalogue seldom changes:
        kept in the registry's cache, which its changes clear."""
        questions = (
            self.sudo()
            .with_context(active_test=True)
            .search_fetch([("reconfirm_each_session", "=", True)], ["sequence"])
        )
        return tuple((question.id, question.sequence) for question in questions)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        if {"reconfirm_each_session", "active", "sequence"} & set(vals):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        answered = (
            self.env["skinpro.screening.answer"]
            .sudo()
            .search([("contraindication_id", "in", self.ids)])
            .contraindication_id
        )
        if answered:
            raise UserError(
                self.env._(
                    "Screenings answered %(questions)s: archive it instead of "
                    "deleting it.",
                    questions=", ".join(answered.mapped("code")),
                )
            )
