# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class SkinproReportConsumption(models.Model):
    """What done sessions should have used (their recipe) against what left the
    studio's stock for them, per studio, consumable and day. A row is either a
    recipe line of a done session (expected) or a done move of its consumption
    (actual); the variance is their difference, in the consumable's unit."""

    _name = "skinpro.report.consumption"
    _description = "Consumption analysis"
    _auto = False
    _depends = {
        "skinpro.treatment.session": [
            "date_end",
            "company_id",
            "practitioner_id",
            "product_id",
            "state",
            "consumption_picking_id",
        ],
        "product.product": ["skinpro_variant_recipe_ids"],
        "skinpro.recipe.line": ["component_id", "quantity"],
        "stock.move": [
            "picking_id",
            "product_id",
            "product_uom",
            "quantity",
            "state",
            "value",
        ],
    }
    _order = "date desc"
    _rec_name = "product_id"

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", readonly=True)
    product_id = fields.Many2one("product.product", string="Consumable", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    expected_qty = fields.Float(
        string="Expected", digits="Product Unit of Measure", readonly=True
    )
    actual_qty = fields.Float(
        string="Used", digits="Product Unit of Measure", readonly=True
    )
    variance_qty = fields.Float(
        string="Variance",
        digits="Product Unit of Measure",
        readonly=True,
        help="Used minus expected: above zero, more than the recipes call for.",
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    actual_cost = fields.Monetary(string="Cost", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT consumption.*,
                           actual_qty - expected_qty AS variance_qty
                      FROM (
                        -- Ids from the rows' own keys (no window over the whole
                        -- union): a studio's month is read from its rows alone.
                        SELECT s.id::bigint * 1000000000 + recipe.id AS id,
                               s.date_end AS date,
                               s.company_id,
                               s.practitioner_id,
                               recipe.component_id AS product_id,
                               template.uom_id,
                               recipe.quantity AS expected_qty,
                               0.0 AS actual_qty,
                               studio.currency_id,
                               0.0 AS actual_cost
                          FROM skinpro_treatment_session s
                          JOIN skinpro_variant_recipe_rel variant_recipe
                            ON variant_recipe.product_id = s.product_id
                          JOIN skinpro_recipe_line recipe
                            ON recipe.id = variant_recipe.recipe_line_id
                          JOIN product_product component
                            ON component.id = recipe.component_id
                          JOIN product_template template
                            ON template.id = component.product_tmpl_id
                          JOIN res_company studio ON studio.id = s.company_id
                         WHERE s.state = 'done'
                        UNION ALL
                        SELECT -(s.id::bigint * 1000000000 + move.id),
                               s.date_end,
                               s.company_id,
                               s.practitioner_id,
                               move.product_id,
                               move.product_uom,
                               0.0,
                               move.quantity,
                               studio.currency_id,
                               -- What Odoo's stock valuation gave the move.
                               COALESCE(move.value, 0)
                          FROM skinpro_treatment_session s
                          JOIN stock_move move
                            ON move.picking_id = s.consumption_picking_id
                           AND move.state = 'done'
                          JOIN res_company studio ON studio.id = s.company_id
                         WHERE s.state = 'done'
                      ) consumption
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
