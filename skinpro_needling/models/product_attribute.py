# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ProductAttribute(models.Model):
    _inherit = "product.attribute"

    skinpro_kind = fields.Selection(
        [("depth", "Needle depth"), ("area", "Treatment area")],
        string="Micro-needling role",
        help="Needle depth: its values carry a depth in mm. Treatment area: its values "
        "are the areas a session records depths for.",
    )
