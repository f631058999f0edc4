# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import depth as depth_rules


class ProductAttributeValue(models.Model):
    _inherit = "product.attribute.value"

    skinpro_depth_mm = fields.Float(
        string="Needle depth (mm)",
        digits=(4, 2),
        help="The needle depth this value stands for, for needling treatments.",
    )

    @api.constrains("skinpro_depth_mm")
    def _check_skinpro_depth_mm(self):
        for value in self:
            if not depth_rules.within_pen_range(value.skinpro_depth_mm):
                raise ValidationError(
                    self.env._(
                        "Needle depth (mm) of %(value)s: %(depth)s mm is outside the "
                        "pens' range of 0 to %(max)s mm.",
                        value=value.name,
                        depth=value.skinpro_depth_mm,
                        max=depth_rules.PEN_MAX_DEPTH_MM,
                    )
                )
