# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..rules import depth as depth_rules


class ProductProduct(models.Model):
    _inherit = "product.product"

    skinpro_depth_mm = fields.Float(
        string="Needle depth (mm)",
        digits=(4, 2),
        compute="_compute_skinpro_depth_mm",
        inverse="_inverse_skinpro_depth_mm",
        store=True,
        help="The depth of the variant's 'Needle depth' value, else the treatment's.",
    )

    skinpro_variant_recipe_ids = fields.Many2many(
        "skinpro.recipe.line",
        "skinpro_variant_recipe_rel",
        "product_id",
        "recipe_line_id",
        string="Consumables per session of this variant",
        compute="_compute_skinpro_variant_recipe_ids",
        store=True,
        help="For each kind of consumable, the treatment's lines named for this "
        "variant, else its lines for every variant.",
    )
    skinpro_aftercare_kit_id = fields.Many2one(
        "product.product",
        string="Aftercare kit",
        compute="_compute_skinpro_aftercare_kit_id",
        store=True,
        help="The kit of this variant's recipe, handed over with the paid treatment.",
    )
    skinpro_recipe_usage_ids = fields.One2many(
        "skinpro.recipe.line", "component_id", string="Used in recipes"
    )
    skinpro_is_consumable = fields.Boolean(
        string="Treatment consumable",
        compute="_compute_skinpro_is_consumable",
        store=True,
        help="Used by a treatment's recipe: anaesthetic, cartridge, kit...",
    )

    @api.depends(
        "product_tmpl_id.skinpro_recipe_ids.kind",
        "product_tmpl_id.skinpro_recipe_ids.variant_id",
    )
    def _compute_skinpro_variant_recipe_ids(self):
        for product in self:
            lines = product.product_tmpl_id.skinpro_recipe_ids
            named = lines.filtered(lambda line, p=product: line.variant_id == p)
            kinds = set(named.mapped("kind"))
            product.skinpro_variant_recipe_ids = named | lines.filtered(
                lambda line, kinds=kinds: not line.variant_id and line.kind not in kinds
            )

    @api.depends(
        "skinpro_variant_recipe_ids.kind", "skinpro_variant_recipe_ids.component_id"
    )
    def _compute_skinpro_aftercare_kit_id(self):
        for product in self:
            product.skinpro_aftercare_kit_id = (
                product.skinpro_variant_recipe_ids.filtered(
                    lambda line: line.kind == "kit"
                )[:1].component_id
            )

    @api.depends("skinpro_recipe_usage_ids")
    def _compute_skinpro_is_consumable(self):
        for product in self:
            product.skinpro_is_consumable = bool(product.skinpro_recipe_usage_ids)

    @api.depends(
        "product_template_attribute_value_ids.product_attribute_value_id.skinpro_depth_mm",
        "product_tmpl_id.skinpro_depth_mm",
    )
    def _compute_skinpro_depth_mm(self):
        for product in self:
            depths = product.product_template_attribute_value_ids.mapped(
                "product_attribute_value_id.skinpro_depth_mm"
            )
            product.skinpro_depth_mm = (
                max(depths, default=0) or product.product_tmpl_id.skinpro_depth_mm
            )

    def _inverse_skinpro_depth_mm(self):
        """A variant without a depth value carries its treatment's depth."""
        for product in self:
            if not product.product_template_attribute_value_ids.filtered(
                "product_attribute_value_id.skinpro_depth_mm"
            ):
                product.product_tmpl_id.skinpro_depth_mm = product.skinpro_depth_mm

    skinpro_studio_depth_class = fields.Selection(
        [(depth_rules.COSMETIC, "Cosmetic"), (depth_rules.MEDICAL, "Medical")],
        string="Class at this studio",
        compute="_compute_skinpro_studio_depth_class",
        help="The treatment's class at the current studio: the POS refuses to sell "
        "a medical one.",
    )

    @api.depends_context("company")
    @api.depends("skinpro_depth_mm", "skinpro_is_needling")
    def _compute_skinpro_studio_depth_class(self):
        for product in self:
            product.skinpro_studio_depth_class = (
                product.skinpro_depth_class(self.env.company)
                if product.skinpro_is_needling
                else False
            )

    @api.model
    def _load_pos_data_fields(self, config):
        return [
            *super()._load_pos_data_fields(config),
            "skinpro_is_needling",
            "skinpro_studio_depth_class",
            "skinpro_aftercare_text",
        ]

    def _skinpro_recipe_needs(self, anaesthetic_grams=0.0):
        """{consumable: quantity in its unit} a session of this treatment uses;
        `anaesthetic_grams`, when given, replaces the recipe's anaesthetic."""
        self.ensure_one()
        gram = self.env.ref("uom.product_uom_gram")
        needs = {}
        for line in self.skinpro_variant_recipe_ids:
            quantity = line.quantity
            if line.kind == "anaesthetic" and anaesthetic_grams:
                # The grams actually applied, in the anaesthetic's own unit.
                quantity = gram._compute_quantity(
                    anaesthetic_grams, line.component_id.uom_id
                )
            needs[line.component_id] = needs.get(line.component_id, 0) + quantity
        return needs

    def skinpro_depth_class(self, company):
        """`cosmetic` when this variant may be performed at `company`, else
        `medical` (referral only)."""
        self.ensure_one()
        return company._skinpro_depth_class(self.skinpro_depth_mm)
