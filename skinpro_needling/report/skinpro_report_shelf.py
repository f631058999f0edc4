# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import fields, models, tools
from odoo.tools import SQL


class SkinproReportShelf(models.Model):
    """Charted use against the shelf: per studio, consumable and month, what came
    into the studio's stock and what left it, by the kind of move Odoo recorded,
    against what its inventory counts found.

    Every done stock move into or out of a studio's internal locations is one of:
    received (from a supplier, the central warehouse or any other place, less what
    went back), used by sessions (to or from the treatment consumption location),
    sold (to or from customers: the POS), scrapped (a scrap order), or counted (an
    inventory adjustment: the count's difference; the counts before any other move
    of a consumable at a studio are its initial inventory, received). The
    unexplained loss is what the counts found missing:

        expected = opening + received - used - sold - scrapped
        counted  = expected + the counts' differences (the shelf after the counts)
        loss     = expected - counted, and its share of expected in percent

    valued at what Odoo's stock valuation gave the counts' moves. This view is the
    only place these are computed: the monthly studio report reads it. It carries
    no client and no session: who used what is the consumption analysis's
    practitioner, opened from a row."""

    _name = "skinpro.report.shelf"
    _description = "Charted use against the shelf"
    _auto = False
    _depends = {
        "stock.move": [
            "state",
            "date",
            "product_id",
            "product_uom",
            "quantity",
            "value",
            "location_id",
            "location_dest_id",
            "is_inventory",
            "scrap_id",
        ],
        "stock.location": ["usage", "company_id"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["uom_id"],
        "uom.uom": ["factor"],
        "res.company": ["currency_id", "parent_id"],
    }
    _order = "date desc, company_id, product_id"
    _rec_name = "product_id"

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    product_id = fields.Many2one("product.product", string="Consumable", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    opening_qty = fields.Float(
        string="Opening",
        digits="Product Unit",
        readonly=True,
        help="On the shelf at the start of the month, from every earlier move.",
    )
    received_qty = fields.Float(
        string="Received",
        digits="Product Unit",
        readonly=True,
        help="Receipts and transfers in from suppliers, the central warehouse or "
        "another studio, less what went back or out to them.",
    )
    used_qty = fields.Float(
        string="Used by sessions",
        digits="Product Unit",
        readonly=True,
        help="What the studio's sessions consumed (charted), less what came back.",
    )
    sold_qty = fields.Float(
        string="Sold",
        digits="Product Unit",
        readonly=True,
        help="Sold and handed over at the point of sale, less returns.",
    )
    scrapped_qty = fields.Float(string="Scrapped", digits="Product Unit", readonly=True)
    expected_qty = fields.Float(
        string="Expected",
        digits="Product Unit",
        readonly=True,
        help="Opening + received - used - sold - scrapped: what the shelf should hold.",
    )
    count_difference_qty = fields.Float(
        string="Counts' differences",
        digits="Product Unit",
        readonly=True,
        help="What the month's inventory counts added (above zero) or removed "
        "(below zero).",
    )
    counted_qty = fields.Float(
        string="Counted",
        digits="Product Unit",
        readonly=True,
        help="The shelf at the end of the month, the counts included.",
    )
    loss_qty = fields.Float(
        string="Unexplained loss",
        digits="Product Unit",
        readonly=True,
        help="Expected - counted: what the counts found missing that no receipt, "
        "session, sale or scrap explains. Below zero, the counts found more.",
    )
    loss_percent = fields.Float(
        string="Loss (%)",
        digits=(16, 1),
        readonly=True,
        aggregator=None,
        help="The unexplained loss as a share of the expected quantity.",
    )
    received_value = fields.Monetary(string="Received value", readonly=True)
    used_value = fields.Monetary(string="Used value", readonly=True)
    sold_value = fields.Monetary(string="Sold value", readonly=True)
    scrapped_value = fields.Monetary(string="Scrapped value", readonly=True)
    loss_value = fields.Monetary(
        string="Loss value",
        readonly=True,
        help="What Odoo's stock valuation gave the counts' moves: out less in.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        return SQL(
            """
            WITH moved AS (
                -- Each done move once per studio whose shelf it enters or leaves
                -- (a move between two studios counts for both), in the product's
                -- unit, signed: into the shelf above zero.
                SELECT shelf.company_id,
                       move.date AS moved_on,
                       move.product_id,
                       template.uom_id,
                       date_trunc('month', move.date)::date AS date,
                       shelf.sign * move.quantity * move_uom.factor
                           / product_uom.factor AS qty,
                       shelf.sign * COALESCE(move.value, 0) AS value,
                       CASE
                           WHEN move.is_inventory THEN 'counted'
                           WHEN move.scrap_id IS NOT NULL THEN 'scrapped'
                           WHEN other.id IN (
                               SELECT res_id FROM ir_model_data
                                WHERE module = 'skinpro_needling'
                                  AND model = 'stock.location'
                                  AND name = 'location_treatment_consumption')
                               THEN 'used'
                           WHEN other.usage = 'customer' THEN 'sold'
                           ELSE 'received'
                       END AS kind
                  FROM stock_move move
                  JOIN stock_location source ON source.id = move.location_id
                  JOIN stock_location destination
                    ON destination.id = move.location_dest_id
                  JOIN product_product product ON product.id = move.product_id
                  JOIN product_template template
                    ON template.id = product.product_tmpl_id
                  JOIN uom_uom move_uom ON move_uom.id = move.product_uom
                  JOIN uom_uom product_uom ON product_uom.id = template.uom_id
                 CROSS JOIN LATERAL (
                    SELECT destination.company_id, 1 AS sign, source.id AS other_id
                     WHERE destination.usage = 'internal'
                       AND destination.company_id IS NOT NULL
                       AND NOT (source.usage = 'internal'
                                AND source.company_id = destination.company_id)
                    UNION ALL
                    SELECT source.company_id, -1, destination.id
                     WHERE source.usage = 'internal'
                       AND source.company_id IS NOT NULL
                       AND NOT (destination.usage = 'internal'
                                AND destination.company_id = source.company_id)
                 ) shelf
                  JOIN stock_location other ON other.id = shelf.other_id
                 WHERE move.state = 'done'
            ),
            side AS (
                -- The counts that put a consumable on a studio's shelf before any
                -- other move of it there are its initial inventory: received.
                SELECT moved.company_id, moved.product_id, moved.uom_id,
                       moved.date, moved.qty, moved.value,
                       CASE WHEN moved.kind = 'counted'
                             AND moved.moved_on < COALESCE(MIN(moved.moved_on)
                                 FILTER (WHERE moved.kind != 'counted') OVER (
                                     PARTITION BY moved.company_id, moved.product_id),
                                 'infinity')
                            THEN 'received' ELSE moved.kind END AS kind
                  FROM moved
            ),
            month AS (
                SELECT company_id, product_id, uom_id, date,
                       SUM(qty) AS net_qty,
                       COALESCE(SUM(qty) FILTER (WHERE kind = 'received'), 0)
                           AS received_qty,
                       -COALESCE(SUM(qty) FILTER (WHERE kind = 'used'), 0)
                           AS used_qty,
                       -COALESCE(SUM(qty) FILTER (WHERE kind = 'sold'), 0)
                           AS sold_qty,
                       -COALESCE(SUM(qty) FILTER (WHERE kind = 'scrapped'), 0)
                           AS scrapped_qty,
                       COALESCE(SUM(qty) FILTER (WHERE kind = 'counted'), 0)
                           AS count_difference_qty,
                       COALESCE(SUM(value) FILTER (WHERE kind = 'received'), 0)
                           AS received_value,
                       -COALESCE(SUM(value) FILTER (WHERE kind = 'used'), 0)
                           AS used_value,
                       -COALESCE(SUM(value) FILTER (WHERE kind = 'sold'), 0)
                           AS sold_value,
                       -COALESCE(SUM(value) FILTER (WHERE kind = 'scrapped'), 0)
                           AS scrapped_value,
                       -COALESCE(SUM(value) FILTER (WHERE kind = 'counted'), 0)
                           AS loss_value
                  FROM side
                 GROUP BY company_id, product_id, uom_id, date
            ),
            shelf AS (
                SELECT month.*,
                       SUM(net_qty) OVER (
                           PARTITION BY company_id, product_id ORDER BY date
                       ) - net_qty AS opening_qty
                  FROM month
            ),
            expected AS (
                SELECT shelf.*,
                       opening_qty + received_qty - used_qty - sold_qty
                           - scrapped_qty AS expected_qty,
                       opening_qty + net_qty AS counted_qty
                  FROM shelf
            )
            SELECT -- A row's id from its studio, consumable and month.
                   (expected.company_id::bigint * 1000000000
                    + expected.product_id) * 10000
                   + EXTRACT(YEAR FROM expected.date)::integer * 12
                   + EXTRACT(MONTH FROM expected.date)::integer - 24000 AS id,
                   expected.date,
                   expected.company_id,
                   expected.product_id,
                   expected.uom_id,
                   studio.currency_id,
                   expected.opening_qty,
                   expected.received_qty,
                   expected.used_qty,
                   expected.sold_qty,
                   expected.scrapped_qty,
                   expected.expected_qty,
                   expected.count_difference_qty,
                   expected.counted_qty,
                   expected.expected_qty - expected.counted_qty AS loss_qty,
                   CASE WHEN expected.expected_qty > 0
                        THEN 100 * (expected.expected_qty - expected.counted_qty)
                             / expected.expected_qty
                        ELSE 0 END AS loss_percent,
                   expected.received_value,
                   expected.used_value,
                   expected.sold_value,
                   expected.scrapped_value,
                   expected.loss_value
              FROM expected
              JOIN res_company studio ON studio.id = expected.company_id
             -- The studios: the chain's central warehouse ships, it does not chart.
             WHERE studio.parent_id IS NOT NULL
            """
        )

    def action_skinpro_practitioners(self):
        """The practitioners whose sessions used this consumable at this studio
        that month, with their quantities: the consumption analysis, which carries
        no client."""
        self.ensure_one()
        start = self.date
        end = start + relativedelta(months=1)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "%(consumable)s used at %(studio)s",
                consumable=self.product_id.display_name,
                studio=self.company_id.name,
            ),
            "res_model": "skinpro.report.consumption",
            "view_mode": "list,pivot",
            "views": [(False, "list"), (False, "pivot")],
            "domain": [
                ("company_id", "=", self.company_id.id),
                ("product_id", "=", self.product_id.id),
                ("date", ">=", fields.Datetime.to_datetime(start)),
                ("date", "<", fields.Datetime.to_datetime(end)),
                ("actual_qty", "!=", 0),
            ],
            "context": {"group_by": ["practitioner_id"]},
        }
