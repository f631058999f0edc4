# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..rules.stock import COVER_WINDOW_DAYS


class SkinproReportStockCover(models.Model):
    """Days of stock cover per studio and consumable: what the studio's warehouse
    holds, divided by what its sessions used per day over the last days (the
    window of rules/stock.py)."""

    _name = "skinpro.report.stock.cover"
    _description = "Days of stock cover"
    _auto = False
    _depends = {
        "stock.quant": ["product_id", "location_id", "quantity"],
        "stock.move": ["picking_id", "product_id", "quantity", "state", "date"],
        "skinpro.treatment.session": ["company_id", "consumption_picking_id"],
        "skinpro.recipe.line": ["component_id"],
    }
    _order = "days_cover"
    _rec_name = "product_id"

    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    product_id = fields.Many2one("product.product", string="Consumable", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    on_hand_qty = fields.Float(
        string="On hand", digits="Product Unit of Measure", readonly=True
    )
    daily_use_qty = fields.Float(
        string="Used per day", digits="Product Unit of Measure", readonly=True
    )
    days_cover = fields.Float(
        string="Days of cover",
        digits=(16, 1),
        readonly=True,
        aggregator="min",
        help=f"On hand divided by the daily use of the last {COVER_WINDOW_DAYS} days; "
        "empty when nothing was used. Grouped, the shortest cover.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH studio_stock AS (
                        SELECT DISTINCT ON (warehouse.company_id)
                               warehouse.company_id, location.parent_path
                          FROM stock_warehouse warehouse
                          JOIN stock_location location
                            ON location.id = warehouse.lot_stock_id
                          JOIN res_company studio
                            ON studio.id = warehouse.company_id
                         WHERE warehouse.active AND studio.parent_id IS NOT NULL
                         ORDER BY warehouse.company_id, warehouse.sequence,
                                  warehouse.id
                    ),
                    consumable AS (
                        SELECT DISTINCT component_id AS product_id
                          FROM skinpro_recipe_line
                    ),
                    on_hand AS (
                        SELECT studio_stock.company_id, quant.product_id,
                               SUM(quant.quantity) AS qty
                          FROM stock_quant quant
                          JOIN consumable USING (product_id)
                          JOIN stock_location location
                            ON location.id = quant.location_id
                          JOIN studio_stock
                            ON starts_with(location.parent_path,
                                           studio_stock.parent_path)
                         GROUP BY studio_stock.company_id, quant.product_id
                    ),
                    used AS (
                        SELECT s.company_id, move.product_id,
                               SUM(move.quantity) / %(days)s AS qty
                          FROM skinpro_treatment_session s
                          JOIN stock_move move
                            ON move.picking_id = s.consumption_picking_id
                           AND move.state = 'done'
                         WHERE move.date >= NOW() - make_interval(days => %(days)s)
                         GROUP BY s.company_id, move.product_id
                    )
                    SELECT ROW_NUMBER() OVER () AS id,
                           cover.company_id,
                           cover.product_id,
                           template.uom_id,
                           COALESCE(cover.on_hand, 0) AS on_hand_qty,
                           COALESCE(cover.used, 0) AS daily_use_qty,
                           COALESCE(cover.on_hand, 0) / NULLIF(cover.used, 0)
                               AS days_cover
                      FROM (
                        SELECT studio_stock.company_id, consumable.product_id,
                               on_hand.qty AS on_hand, used.qty AS used
                          FROM studio_stock
                         CROSS JOIN consumable
                          LEFT JOIN on_hand USING (company_id, product_id)
                          LEFT JOIN used USING (company_id, product_id)
                      ) cover
                      JOIN product_product product ON product.id = cover.product_id
                      JOIN product_template template
                        ON template.id = product.product_tmpl_id
                )
                """,
                view=SQL.identifier(self._table),
                days=COVER_WINDOW_DAYS,
            )
        )
