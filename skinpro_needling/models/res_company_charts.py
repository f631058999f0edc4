# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """A studio's rules for signing charts and having them reviewed."""

    _inherit = "res.company"

    skinpro_chart_sign_hours = fields.Integer(
        string="Sign charts within (hours)",
        default=72,
        help="A done session's chart is signed by its practitioner within this many "
        "hours of its end; later, it is overdue.",
    )
    skinpro_review_percent = fields.Float(
        string="Charts reviewed each month (%)",
        default=10.0,
        help="The share of each practitioner's signed charts of a month the medical "
        "director reviews: those always reviewed count, a random sample of the "
        "others makes up the rest.",
    )
    skinpro_review_first_charts = fields.Integer(
        string="First charts reviewed",
        default=10,
        help="Every chart of a practitioner new at the studio is reviewed until "
        "they have done this many sessions here.",
    )

    @api.constrains(
        "skinpro_chart_sign_hours",
        "skinpro_review_percent",
        "skinpro_review_first_charts",
    )
    def _check_skinpro_chart_rules(self):
        for company in self:
            if (
                company.skinpro_chart_sign_hours <= 0
                or not 0 <= company.skinpro_review_percent <= 100
                or company.skinpro_review_first_charts < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(studio)s: charts are signed within more than zero hours, "
                        "and reviewed at 0 to 100 percent, after at least zero first "
                        "charts.",
                        studio=company.name,
                    )
                )
