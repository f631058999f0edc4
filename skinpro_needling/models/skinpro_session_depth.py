# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import depth as depth_rules


class SkinproSessionDepth(models.Model):
    """The depth actually used on one area during a session."""

    _name = "skinpro.session.depth"
    _description = "Depth used per area"
    _order = "id"

    session_id = fields.Many2one(
        "skinpro.treatment.session", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    area_id = fields.Many2one(
        "product.attribute.value",
        required=True,
        domain=[("attribute_id.skinpro_kind", "=", "area")],
    )
    depth_mm = fields.Float(string="Depth (mm)", digits=(4, 2), required=True)

    @api.constrains("depth_mm")
    def _check_depth_mm(self):
        for line in self:
            # A depth used on an area: within the pens' range, and not none.
            if not (line.depth_mm > 0 and depth_rules.within_pen_range(line.depth_mm)):
                raise ValidationError(
                    _(
                        "Depth (mm) on %(area)s: %(depth)s mm is outside the pens' "
                        "range (above 0, up to %(max)s mm).",
                        area=line.area_id.name,
                        depth=line.depth_mm,
                        max=depth_rules.PEN_MAX_DEPTH_MM,
                    )
                )

    # Depth is clinical evidence: each change is logged on the session, with its
    # author and time, like a tracked field.
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        for line in lines:
            line.session_id._message_log(
                body=_(
                    "Depth on %(area)s: %(depth)s mm",
                    area=line.area_id.name,
                    depth=f"{line.depth_mm:.2f}",
                )
            )
        return lines

    def write(self, vals):
        before = {line: (line.area_id.name, line.depth_mm) for line in self}
        result = super().write(vals)
        for line, (area, depth) in before.items():
            if (area, depth) != (line.area_id.name, line.depth_mm):
                line.session_id._message_log(
                    body=_(
                        "Depth on %(area)s: %(old)s mm → %(new_area)s: %(new)s mm",
                        area=area,
                        old=f"{depth:.2f}",
                        new_area=line.area_id.name,
                        new=f"{line.depth_mm:.2f}",
                    )
                )
        return result

    def unlink(self):
        for line in self:
            line.session_id._message_log(
                body=_(
                    "Depth on %(area)s removed (was %(depth)s mm)",
                    area=line.area_id.name,
                    depth=f"{line.depth_mm:.2f}",
                )
            )
        return super().unlink()
