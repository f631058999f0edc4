# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproPhotoAngle(models.Model):
    """An angle a photo is taken from: front, left 45 degrees, right 45 degrees, ...
    A treatment lists the angles its photo sequence takes."""

    _name = "skinpro.photo.angle"
    _description = "Photo angle"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "An angle's code is unique.")
