# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import credentials as credential_rules


class SkinproStudioRequirement(models.Model):
    """A credential a studio requires of whoever needles above a depth: for
    example an esthetician licence for every depth, a micro-needling certificate
    above 0.3 mm. A studio without requirements gates nobody."""

    _name = "skinpro.studio.requirement"
    _description = "Studio's credential requirement"
    _order = "company_id, depth_above_mm, id"

    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    skill_id = fields.Many2one(
        "hr.skill",
        string="Credential",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id.is_certification', '=', True)]",
    )
    depth_above_mm = fields.Float(
        string="Required above (mm)",
        digits=(4, 2),
        help="Required for treatments deeper than this: 0 for every depth.",
    )

    _unique_credential = models.Constraint(
        "UNIQUE(company_id, skill_id)",
        "A studio requires each credential once.",
    )

    @api.constrains("depth_above_mm")
    def _check_depth_above(self):
        if any(requirement.depth_above_mm < 0 for requirement in self):
            raise ValidationError(
                self.env._("Required above (mm): a depth cannot be negative.")
            )

    def _skinpro_required_for(self, depth_mm):
        """The credentials (hr.skill) these requirements ask for at depth_mm."""
        return self.env["hr.skill"].union(
            *credential_rules.required(
                depth_mm,
                [
                    (requirement.skill_id, requirement.depth_above_mm)
                    for requirement in self
                ],
            )
        )
