# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import depth as depth_rules
from ..rules import photos as photo_rules


class ProductTemplate(models.Model):
    _inherit = "product.template"

    skinpro_is_needling = fields.Boolean(
        string="Needling treatment",
        help="A micro-needling service: selling or performing it needs a cleared "
        "screening, and its depth decides whether the studio may perform it.",
    )
    skinpro_depth_mm = fields.Float(
        string="Needle depth (mm)",
        digits=(4, 2),
        help="The depth of a treatment without a 'Needle depth' attribute; variants "
        "with that attribute take their value's depth.",
    )
    skinpro_course_sessions = fields.Integer(
        string="Sessions in the course",
        help="A course sold as one product: the number of session credits it gives "
        "the client. 0 for a single treatment.",
    )
    skinpro_aftercare_text = fields.Text(
        string="Aftercare instructions",
        translate=True,
        help="Printed on the receipt of every order with this treatment: what the "
        "client does in the days after.",
    )
    skinpro_recipe_ids = fields.One2many(
        "skinpro.recipe.line",
        "product_tmpl_id",
        string="Consumables per session",
        help="What one session uses: anaesthetic, cartridge, aftercare kit, finishing "
        "product.",
    )
    skinpro_photo_angle_ids = fields.Many2many(
        "skinpro.photo.angle",
        string="Photo sequence",
        help="The angles photographed before every session of this treatment and "
        "at the follow-up after it, at least three; none: no photo is required.",
    )
    skinpro_is_cartridge = fields.Boolean(
        string="Needle cartridge",
        compute="_compute_skinpro_is_cartridge",
        help="A treatment's recipe uses it as its needle cartridge.",
    )
    skinpro_needle_configuration = fields.Char(
        string="Needle configuration",
        help="The cartridge's needles, as its maker names them: e.g. 12-pin, "
        "36-pin, nano.",
    )
    skinpro_cartridge_min_depth_mm = fields.Float(
        string="Made for depths from (mm)", digits=(4, 2)
    )
    skinpro_cartridge_max_depth_mm = fields.Float(
        string="Made for depths up to (mm)",
        digits=(4, 2),
        help="A session is refused a cartridge whose range does not hold the "
        "treatment's depth.",
    )
    skinpro_min_spacing_days = fields.Integer(
        string="Days between sessions",
        default=28,
        help="The minimum number of days between two sessions of a course.",
    )

    @api.constrains(
        "skinpro_is_needling",
        "skinpro_depth_mm",
        "skinpro_course_sessions",
        "skinpro_min_spacing_days",
        "type",
    )
    def _check_skinpro_needling(self):
        for template in self.filtered("skinpro_is_needling"):
            if template.type != "service":
                raise ValidationError(
                    self.env._(
                        "Product Type of %(name)s: a needling treatment is a service.",
                        name=template.name,
                    )
                )
            if not depth_rules.within_pen_range(template.skinpro_depth_mm):
                raise ValidationError(
                    self.env._(
                        "Needle depth (mm) of %(name)s: %(depth)s mm is outside the "
                        "pens' range of 0 to %(max)s mm.",
                        name=template.name,
                        depth=template.skinpro_depth_mm,
                        max=depth_rules.PEN_MAX_DEPTH_MM,
                    )
                )
            if (
                template.skinpro_course_sessions < 0
                or template.skinpro_min_spacing_days < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: sessions in the course and days between sessions "
                        "cannot be negative.",
                        name=template.name,
                    )
                )

    def _compute_skinpro_is_cartridge(self):
        lines = (
            self.env["skinpro.recipe.line"]
            .sudo()
            .search(
                [
                    ("kind", "=", "cartridge"),
                    ("component_id.product_tmpl_id", "in", self.ids),
                ]
            )
        )
        cartridges = lines.component_id.product_tmpl_id
        for template in self:
            template.skinpro_is_cartridge = template in cartridges

    @api.constrains("skinpro_cartridge_min_depth_mm", "skinpro_cartridge_max_depth_mm")
    def _check_skinpro_cartridge_depths(self):
        for template in self:
            low = template.skinpro_cartridge_min_depth_mm
            high = template.skinpro_cartridge_max_depth_mm
            # No upper bound yet: no range, and no cartridge of it is accepted.
            if high and not (0 <= low <= high and depth_rules.within_pen_range(high)):
                raise ValidationError(
                    self.env._(
                        "Depth range of %(name)s: from %(low)s to %(high)s mm is not a "
                        "range within the pens' 0 to %(max)s mm.",
                        name=template.name,
                        low=low,
                        high=high,
                        max=depth_rules.PEN_MAX_DEPTH_MM,
                    )
                )

    @api.constrains("skinpro_photo_angle_ids")
    def _check_skinpro_photo_angles(self):
        for template in self:
            angles = template.skinpro_photo_angle_ids
            if angles and len(angles) < photo_rules.MIN_ANGLES:
                raise ValidationError(
                    self.env._(
                        "Photo sequence of %(name)s: take at least %(count)s angles, "
                        "or none.",
                        name=template.name,
                        count=photo_rules.MIN_ANGLES,
                    )
                )

    @api.constrains("uom_id")
    def _check_skinpro_recipe_units(self):
        # A recipe weighs its anaesthetic, and 19.0 lets any unit replace any other:
        # the recipes using this product check its new unit.
        self.env["skinpro.recipe.line"].sudo().search(
            [("component_id.product_tmpl_id", "in", self.ids)]
        )._check_quantity()

    def skinpro_depth_class(self, company):
        """`cosmetic` or `medical` at `company`, by the deepest of the variants."""
        self.ensure_one()
        return company._skinpro_depth_class(
            max(self.product_variant_ids.mapped("skinpro_depth_mm") or [0])
        )

    def _skinpro_rebook_sessions(self):
        """The sessions booked for these treatments book their recipe anew."""
        if not self:
            return
        sessions = (
            self.env["skinpro.treatment.session"]
            .sudo()
            .search(
                [
                    ("product_id.product_tmpl_id", "in", self.ids),
                    ("state", "in", ("planned", "in_progress")),
                ]
            )
        )
        self.env["stock.picking"].sudo()._skinpro_book(sessions)
