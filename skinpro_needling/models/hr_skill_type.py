# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrSkillType(models.Model):
    _inherit = "hr.skill.type"

    skinpro_is_credential = fields.Boolean(
        string="Needling credential",
        help="Its certifications are practitioners' licences and trainings: read "
        "only by the practitioner, their studio manager and HR.",
    )
