# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CONSUMABLE_KINDS = [
    ("anaesthetic", "Topical anaesthetic"),
    ("cartridge", "Needle cartridge"),
    ("kit", "Aftercare kit"),
    ("finishing", "Finishing product"),
]


class SkinproRecipeLine(models.Model):
    """A consumable one session of a treatment uses, in the consumable's unit."""

    _name = "skinpro.recipe.line"
    _description = "Treatment recipe line"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Treatment",
        required=True,
        index=True,
        ondelete="cascade",
    )
    variant_id = fields.Many2one(
        "product.product",
        string="Only for variant",
        domain="[('product_tmpl_id', '=', product_tmpl_id)]",
        help="Leave empty for every variant. Lines named for a variant replace, for "
        "that variant, the treatment's lines of their kind: a depth-specific "
        "quantity or consumable.",
    )
    kind = fields.Selection(CONSUMABLE_KINDS, required=True)
    component_id = fields.Many2one(
        "product.product",
        string="Consumable",
        required=True,
        domain=[("is_storable", "=", True)],
    )
    quantity = fields.Float(
        required=True, digits="Product Unit of Measure", default=1.0
    )
    uom_id = fields.Many2one(related="component_id.uom_id", string="Unit")

    @api.constrains("quantity", "component_id", "kind")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "Recipe of %(treatment)s: the quantity of %(component)s must "
                        "be positive.",
                        treatment=line.product_tmpl_id.name,
                        component=line.component_id.name,
                    )
                )
            gram = self.env.ref("uom.product_uom_gram")
            if (
                line.kind == "anaesthetic"
                and not line.component_id.uom_id._has_common_reference(gram)
            ):
                # Sessions record the grams applied, converted into its unit.
                raise ValidationError(
                    self.env._(
                        "Recipe of %(treatment)s: the unit of %(component)s is "
                        "%(unit)s; an anaesthetic is measured by weight (grams).",
                        treatment=line.product_tmpl_id.name,
                        component=line.component_id.name,
                        unit=line.component_id.uom_id.name,
                    )
                )
            if not line.component_id.is_storable:
                raise ValidationError(
                    self.env._(
                        "Recipe of %(treatment)s: the Consumable %(component)s is not "
                        "a stocked product, so no stock could be consumed.",
                        treatment=line.product_tmpl_id.name,
                        component=line.component_id.name,
                    )
                )

    # A recipe changed: the sessions booked for the treatment book its new needs.

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.product_tmpl_id._skinpro_rebook_sessions()
        return lines

    def write(self, vals):
        templates = self.product_tmpl_id
        result = super().write(vals)
        (templates | self.product_tmpl_id)._skinpro_rebook_sessions()
        return result

    def unlink(self):
        templates = self.product_tmpl_id
        result = super().unlink()
        templates.exists()._skinpro_rebook_sessions()
        return result
