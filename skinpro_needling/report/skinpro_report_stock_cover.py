# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

# What Odoo's forecast counts: moves not done, not cancelled, not draft.
FORECAST_STATES = ("confirmed", "waiting", "partially_available", "assigned")


class SkinproReportStockCover(models.Model):
    """Sessions remaining per studio and consumable: what the studio's warehouse
    holds against the recipe needs of the sessions booked in the next days (the
    studio's 'Booked sessions looked ahead'), and the first day its forecast, as
    Odoo forecasts it (arrivals and every other demand included), falls short.
    Before any session is booked, a session needs what the recipes say."""

    _name = "skinpro.report.stock.cover"
    _description = "Sessions remaining"
    _auto = False
    _depends = {
        "stock.quant": ["product_id", "location_id", "quantity", "lot_id"],
        "stock.lot": ["expiration_date"],
        "stock.move": [
            "product_id",
            "product_qty",
            "state",
            "date",
            "location_id",
            "location_dest_id",
            "picking_id",
            "picking_type_id",
        ],
        "skinpro.recipe.line": ["component_id", "quantity"],
        "res.company": ["skinpro_forecast_days", "partner_id"],
        "res.partner": ["tz"],
    }
    _order = "shortfall_date, sessions_remaining, company_id, product_id"
    _rec_name = "product_id"

    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    product_id = fields.Many2one("product.product", string="Consumable", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    horizon_days = fields.Integer(string="Days ahead", readonly=True)
    on_hand_qty = fields.Float(
        string="On hand",
        digits="Product Unit of Measure",
        readonly=True,
        help="What the studio's stock holds that a session may use: neither expired "
        "nor in a recall's quarantine.",
    )
    booked_sessions = fields.Integer(
        string="Sessions booked",
        readonly=True,
        help="Sessions booked in the days ahead that need this consumable.",
    )
    booked_qty = fields.Float(
        string="Needed by booked sessions",
        digits="Product Unit of Measure",
        readonly=True,
    )
    incoming_qty = fields.Float(
        string="Arriving", digits="Product Unit of Measure", readonly=True
    )
    forecast_qty = fields.Float(
        string="Forecast at the end",
        digits="Product Unit of Measure",
        readonly=True,
        help="On hand, plus what arrives, minus what leaves (booked sessions and "
        "any other transfer) in the days ahead.",
    )
    need_per_session = fields.Float(
        string="Per session", digits="Product Unit of Measure", readonly=True
    )
    sessions_remaining = fields.Float(
        digits=(16, 0),
        readonly=True,
        aggregator="min",
        help="How many sessions what the studio holds lasts, each needing what "
        "the sessions booked need on average (the recipes, when none is booked).",
    )
    shortfall_date = fields.Date(
        string="Short on",
        readonly=True,
        aggregator="min",
        help="The first day the forecast falls below zero; empty: enough.",
    )
    shortfall_qty = fields.Float(
        string="Short by",
        digits="Product Unit of Measure",
        readonly=True,
        help="What to bring in to cover every session booked in the days ahead.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH studio_zone AS (
                        -- Days are the studio's calendar days, in its time zone
                        -- (its address's; UTC when it has none PostgreSQL knows).
                        SELECT studio.id AS company_id,
                               COALESCE(zone.name, 'UTC') AS tz
                          FROM res_company studio
                          JOIN res_partner address
                            ON address.id = studio.partner_id
                          LEFT JOIN pg_timezone_names zone
                            ON zone.name = address.tz
                    ),
                    studio AS (
                        SELECT DISTINCT ON (warehouse.company_id)
                               warehouse.company_id, warehouse.id AS warehouse_id,
                               warehouse.skinpro_consumption_type_id AS consumption,
                               GREATEST(COALESCE(studio.skinpro_forecast_days, 0), 0)
                                   AS horizon,
                               studio_zone.tz,
                               (NOW() AT TIME ZONE studio_zone.tz)::date AS today
                          FROM stock_warehouse warehouse
                          JOIN res_company studio
                            ON studio.id = warehouse.company_id
                          JOIN studio_zone
                            ON studio_zone.company_id = warehouse.company_id
                         WHERE warehouse.active AND studio.parent_id IS NOT NULL
                         ORDER BY warehouse.company_id, warehouse.sequence,
                                  warehouse.id
                    ),
                    consumable AS (
                        SELECT component_id AS product_id,
                               AVG(quantity) AS recipe_qty
                          FROM skinpro_recipe_line
                         GROUP BY component_id
                    ),
                    on_hand AS (
                        SELECT location.warehouse_id, quant.product_id,
                               SUM(quant.quantity) AS qty
                          FROM stock_quant quant
                          JOIN consumable USING (product_id)
                          JOIN stock_location location
                            ON location.id = quant.location_id
                           AND location.usage = 'internal'
                           -- A recalled lot's quarantine holds nothing to use.
                           AND NOT COALESCE(location.skinpro_quarantine, FALSE)
                          JOIN studio USING (warehouse_id)
                          -- Nor does an expired lot: no session takes it.
                          LEFT JOIN stock_lot lot ON lot.id = quant.lot_id
                         WHERE lot.expiration_date IS NULL
                            OR lot.expiration_date > NOW() AT TIME ZONE 'UTC'
                         GROUP BY location.warehouse_id, quant.product_id
                    ),
                    -- What leaves each studio's warehouse, and what enters it,
                    -- as Odoo's warehouse forecast counts them, read once.
                    flow AS (
                        SELECT side.warehouse_id, move.product_id,
                               (move.date AT TIME ZONE 'UTC'
                                          AT TIME ZONE studio.tz)::date AS day,
                               move.picking_type_id = studio.consumption
                                   AS booked,
                               side.qty
                          FROM stock_move move
                          JOIN consumable USING (product_id)
                          JOIN stock_location source
                            ON source.id = move.location_id
                          JOIN stock_location destination
                            ON destination.id = move.location_dest_id
                         CROSS JOIN LATERAL (
                               VALUES (source.warehouse_id, -move.product_qty,
                                       source.usage = 'internal'
                                       AND NOT COALESCE(source.skinpro_quarantine,
                                                        FALSE)),
                                      (destination.warehouse_id, move.product_qty,
                                       destination.usage = 'internal'
                                       AND NOT COALESCE(
                                           destination.skinpro_quarantine, FALSE))
                               ) side (warehouse_id, qty, internal)
                          JOIN studio ON studio.warehouse_id = side.warehouse_id
                         WHERE move.state IN %(states)s
                           AND move.date < CURRENT_DATE + %(longest)s
                           AND side.internal
                           AND (move.date AT TIME ZONE 'UTC'
                                          AT TIME ZONE studio.tz)::date
                               <= studio.today + studio.horizon
                           AND NOT (source.usage = 'internal'
                                    AND destination.usage = 'internal'
                                    AND source.warehouse_id
                                        = destination.warehouse_id)
                    ),
                    daily AS (
                        SELECT warehouse_id, product_id, day,
                               SUM(qty) AS net,
                               SUM(qty) FILTER (WHERE qty > 0) AS incoming,
                               -SUM(qty) FILTER (WHERE booked) AS booked,
                               -- One move per consumable in a session's transfer.
                               COUNT(*) FILTER (WHERE booked) AS sessions
                          FROM flow
                         GROUP BY warehouse_id, product_id, day
                    ),
                    running AS (
                        SELECT daily.*,
                               COALESCE(on_hand.qty, 0) + SUM(daily.net) OVER (
                                   PARTITION BY daily.warehouse_id, daily.product_id
                                   ORDER BY daily.day
                               ) AS level
                          FROM daily
                          LEFT JOIN on_hand USING (warehouse_id, product_id)
                    ),
                    moving AS (
                        SELECT warehouse_id, product_id,
                               SUM(net) AS net,
                               SUM(incoming) AS incoming,
                               SUM(booked) AS booked,
                               SUM(sessions) AS sessions,
                               MIN(day) FILTER (WHERE level < 0) AS first_day,
                               MIN(level) AS lowest
                          FROM running
                         GROUP BY warehouse_id, product_id
                    ),
                    cover AS (
                        SELECT studio.company_id, studio.warehouse_id,
                               studio.horizon, consumable.product_id,
                               COALESCE(on_hand.qty, 0) AS on_hand,
                               COALESCE(moving.sessions, 0) AS sessions,
                               COALESCE(moving.booked, 0) AS booked,
                               COALESCE(moving.incoming, 0) AS incoming,
                               COALESCE(on_hand.qty, 0) + COALESCE(moving.net, 0)
                                   AS forecast,
                               COALESCE(moving.booked / NULLIF(moving.sessions, 0),
                                        consumable.recipe_qty) AS per_session,
                               moving.first_day,
                               GREATEST(-moving.lowest, 0) AS short
                          FROM studio
                         CROSS JOIN consumable
                          LEFT JOIN on_hand USING (warehouse_id, product_id)
                          LEFT JOIN moving USING (warehouse_id, product_id)
                    )
                    SELECT ROW_NUMBER() OVER (
                               ORDER BY cover.company_id, cover.product_id
                           ) AS id,
                           cover.company_id, cover.warehouse_id, cover.product_id,
                           template.uom_id,
                           cover.horizon AS horizon_days,
                           cover.on_hand AS on_hand_qty,
                           cover.sessions AS booked_sessions,
                           cover.booked AS booked_qty,
                           cover.incoming AS incoming_qty,
                           cover.forecast AS forecast_qty,
                           cover.per_session AS need_per_session,
                           FLOOR(GREATEST(cover.on_hand, 0)
                                 / NULLIF(cover.per_session, 0))
                               AS sessions_remaining,
                           cover.first_day AS shortfall_date,
                           cover.short AS shortfall_qty
                      FROM cover
                      JOIN product_product product ON product.id = cover.product_id
                      JOIN product_template template
                        ON template.id = product.product_tmpl_id
                )
                """,
                view=SQL.identifier(self._table),
                states=FORECAST_STATES,
                longest=SQL(
                    # A day more: a studio's day can end after UTC's.
                    "(SELECT COALESCE(MAX(skinpro_forecast_days), 0) + 2"
                    " FROM res_company)"
                ),
            )
        )

    # --- what to do about a shortfall ---------------------------------------------

    def action_transfer_from_central(self):
        """Ask the chain's central warehouse for what is short, through the studio's
        reordering rule on Odoo's resupply route (made when missing)."""
        for row in self:
            # The resupply crosses into the chain's central warehouse, outside the
            # studio's companies: run as the system, for this studio's row only.
            orderpoint = row._skinpro_orderpoint().sudo()
            orderpoint.qty_to_order = max(row.shortfall_qty, orderpoint.qty_to_order)
            orderpoint.action_replenish()
        return self._skinpro_receipts_action()

    def action_order(self):
        """Odoo's replenishment of the consumable at the studio: order from a vendor,
        or choose another route."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_orderpoint_replenish"
        )
        action["domain"] = [
            ("product_id", "in", self.product_id.ids),
            ("warehouse_id", "in", self.warehouse_id.ids),
        ]
        action["context"] = {"search_default_filter_to_reorder": 0}
        for row in self:
            row._skinpro_orderpoint()
        return action

    def _skinpro_orderpoint(self):
        self.ensure_one()
        warehouse = self.warehouse_id
        Orderpoint = (
            self.env["stock.warehouse.orderpoint"].sudo().with_company(self.company_id)
        )
        orderpoint = Orderpoint.search(
            [
                ("product_id", "=", self.product_id.id),
                ("warehouse_id", "=", warehouse.id),
                ("location_id", "=", warehouse.lot_stock_id.id),
            ],
            limit=1,
        )
        route = warehouse.resupply_route_ids[:1]
        if not route:
            raise UserError(
                self.env._(
                    "%(studio)s is not resupplied by the central warehouse: set the "
                    "studio up first.",
                    studio=self.company_id.name,
                )
            )
        if not orderpoint:
            orderpoint = Orderpoint.create(
                {
                    "product_id": self.product_id.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "company_id": self.company_id.id,
                    "route_id": route.id,
                    "trigger": "manual",
                }
            )
        return orderpoint

    def _skinpro_receipts_action(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_incoming"
        )
        action["domain"] = [
            ("picking_type_code", "=", "incoming"),
            ("state", "not in", ("done", "cancel")),
            ("company_id", "in", self.company_id.ids),
            ("product_id", "in", self.product_id.ids),
        ]
        action["context"] = {}
        return action
