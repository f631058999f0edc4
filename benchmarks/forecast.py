# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The sessions-remaining forecast at chain scale: 200 studios, 20 consumables and
the sessions booked over the next 14 days (six a day, four consumables each, on top
of a month of done consumption), read as the inventory staff's view reads it
(`skinpro.report.stock.cover`), against Odoo's own forecast of the same products in
the same warehouses to the same day (`virtual_available` with `warehouse_id` and
`to_date`). On the demo database (`./skinpro demo` first; run with `./skinpro bench
forecast`); the chain is built in the transaction (a couple of minutes) and rolled
back. Target: under a second."""

import argparse
import statistics
import time
from datetime import timedelta

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

STUDIOS = 200
CONSUMABLES = 20
DAYS = 14
SESSIONS_A_DAY = 6
PER_RECIPE = 4
HISTORY_DAYS = 30
ROUNDS = 5


def build_chain(env):
    """The studios, their warehouses and stock, the treatments, and the booked
    and done consumption, written in bulk."""
    chain = env.ref("base.main_company")
    consumables = env["product.product"].create(
        [
            {"name": f"Bench consumable {n}", "type": "consu", "is_storable": True}
            for n in range(CONSUMABLES)
        ]
    )
    # Five treatments, each taking four of the consumables.
    env["product.product"].create(
        [
            {
                "name": f"Bench treatment {t}",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "skinpro_recipe_ids": [
                    Command.create({"kind": "cartridge", "component_id": consumable.id})
                    for consumable in consumables[t * PER_RECIPE : (t + 1) * PER_RECIPE]
                ],
            }
            for t in range(CONSUMABLES // PER_RECIPE)
        ]
    )
    studios = copies_of(env, env.ref("skinpro_needling.studio_salt_lake"), chain)
    env["stock.warehouse"].create(
        [
            {
                "name": f"Bench {n}",
                "code": f"B{n}",
                "company_id": studio.id,
                "partner_id": False,
            }
            for n, studio in enumerate(studios)
        ]
    )
    env.flush_all()
    today = fields.Datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    env.cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_studio ON COMMIT DROP AS
            SELECT w.id AS warehouse_id, w.company_id, w.lot_stock_id,
                   t.id AS type_id, t.default_location_dest_id AS dest_id
              FROM stock_warehouse w
              JOIN stock_picking_type t ON t.id = w.skinpro_consumption_type_id
             WHERE w.company_id = ANY(%(studios)s);

            INSERT INTO stock_quant (product_id, location_id, company_id, quantity,
                                     reserved_quantity, in_date)
            SELECT p.id, s.lot_stock_id, s.company_id,
                   (s.warehouse_id + p.id) %% 40 + 10, 0, %(today)s
              FROM bench_studio s, product_product p
             WHERE p.id = ANY(%(consumables)s);

            CREATE TEMP TABLE bench_session ON COMMIT DROP AS
            SELECT s.*, day, slot, %(today)s + make_interval(days => day,
                                                           hours => slot) AS at,
                   (day + slot) %% %(treatments)s AS treatment,
                   CASE WHEN day > 0 THEN 'confirmed' ELSE 'done' END AS state
              FROM bench_studio s,
                   generate_series(-%(history)s, %(days)s) AS day,
                   generate_series(0, %(slots)s - 1) AS slot;

            CREATE TEMP TABLE bench_picking ON COMMIT DROP AS
            WITH inserted AS (
                INSERT INTO stock_picking (name, picking_type_id, location_id,
                                           location_dest_id, company_id, state,
                                           move_type, scheduled_date, date_deadline)
                SELECT 'BENCH/' || warehouse_id || '/' || day || '/' || slot,
                       type_id, lot_stock_id, dest_id, company_id, state,
                       'direct', at, at
                  FROM bench_session
             RETURNING id, name
            )
            SELECT inserted.id AS picking_id, b.*
              FROM inserted
              JOIN bench_session b
                ON inserted.name = 'BENCH/' || b.warehouse_id || '/' || b.day
                                   || '/' || b.slot;

            INSERT INTO stock_move (picking_id, picking_type_id, company_id,
                                    product_id, product_uom, product_uom_qty,
                                    product_qty, quantity, location_id,
                                    location_dest_id, state, procure_method,
                                    date, date_deadline, reference)
            SELECT b.picking_id, b.type_id, b.company_id, p.id, t.uom_id, 1, 1,
                   CASE WHEN b.state = 'done' THEN 1 ELSE 0 END,
                   b.lot_stock_id, b.dest_id, b.state, 'make_to_stock',
                   b.at, b.at, 'BENCH'
              FROM bench_picking b
              JOIN LATERAL (
                  SELECT id, product_tmpl_id,
                         row_number() OVER (ORDER BY id) - 1 AS rank
                    FROM product_product
                   WHERE id = ANY(%(consumables)s)
              ) p ON p.rank / %(per_recipe)s = b.treatment
              JOIN product_template t ON t.id = p.product_tmpl_id;
            """,
            studios=studios.ids,
            consumables=consumables.ids,
            today=today,
            treatments=CONSUMABLES // PER_RECIPE,
            history=HISTORY_DAYS,
            days=DAYS,
            slots=SESSIONS_A_DAY,
            per_recipe=PER_RECIPE,
        )
    )
    env.invalidate_all()
    # The statistics a production database keeps up to date.
    env.cr.execute(
        "ANALYZE res_company, stock_warehouse, stock_location, stock_quant,"
        " stock_picking, stock_move, product_product, skinpro_recipe_line"
    )
    return studios, consumables


def copies_of(env, studio, chain):
    """STUDIOS branches of the chain like `studio`, written as rows: creating
    companies one by one through the ORM costs minutes at this scale, and the
    forecast reads nothing of a company but its parent and its setting."""
    partners = env["res.partner"].create(
        [{"name": f"Bench studio {n}", "is_company": True} for n in range(STUDIOS)]
    )
    env.flush_all()
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'res_company' AND column_name NOT IN"
        " ('id', 'name', 'partner_id', 'parent_path', 'skinpro_code')"
    )
    names = [name for (name,) in env.cr.fetchall()]
    env.cr.execute(
        SQL(
            """
            INSERT INTO res_company (name, partner_id, skinpro_code, %(columns)s)
            SELECT partner.name, partner.id, 'B' || partner.id, %(copied)s
              FROM res_partner partner, res_company studio
             WHERE partner.id = ANY(%(partners)s) AND studio.id = %(studio)s
         RETURNING id
            """,
            columns=SQL(", ").join(SQL.identifier(name) for name in names),
            copied=SQL(", ").join(
                SQL("studio.%s", SQL.identifier(name)) for name in names
            ),
            partners=partners.ids,
            studio=studio.id,
        )
    )
    studios = env["res.company"].browse(row[0] for row in env.cr.fetchall())
    env.cr.execute(
        SQL(
            """
            UPDATE res_company SET parent_path = %(path)s || id || '/'
             WHERE id = ANY(%(studios)s);
            UPDATE res_partner partner SET company_id = studio.id
              FROM res_company studio
             WHERE studio.partner_id = partner.id AND studio.id = ANY(%(studios)s);
            """,
            path=chain.parent_path,
            studios=studios.ids,
        )
    )
    env.invalidate_all()
    return studios


def timed(env, read):
    env.invalidate_all()
    start = time.perf_counter()
    rows = read()
    return time.perf_counter() - start, rows


def main():
    registry = bench_registry(__doc__)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.perf_counter()
        studios, consumables = build_chain(env)
        built = time.perf_counter() - start
        env["res.company"].browse(studios.ids).write({"skinpro_forecast_days": DAYS})
        env.flush_all()
        horizon = fields.Datetime.now() + timedelta(days=DAYS + 1)
        env.cr.execute("SELECT count(*) FROM stock_move WHERE reference = 'BENCH'")
        moves = env.cr.fetchone()[0]
        Cover = env["skinpro.report.stock.cover"]
        cover_fields = [
            "company_id",
            "product_id",
            "on_hand_qty",
            "booked_qty",
            "forecast_qty",
            "sessions_remaining",
            "shortfall_date",
        ]
        warehouses = studios.skinpro_warehouse_id

        def ours():
            return Cover.search_read([("company_id", "in", studios.ids)], cover_fields)

        def odoos():
            return [
                consumables.with_context(
                    warehouse_id=warehouse.id, to_date=horizon
                ).read(["qty_available", "virtual_available"])
                for warehouse in warehouses
            ]

        timed(env, ours)  # warm-up
        timed(env, odoos)
        our_runs, odoo_runs = [], []
        for _round in range(ROUNDS):  # interleaved, so both see the same machine
            our_runs.append(timed(env, ours)[0])
            odoo_runs.append(timed(env, odoos)[0])
        rows = ours()
        short = sum(1 for row in rows if row["shortfall_date"])
        cr.rollback()
    our_s, odoo_s = statistics.median(our_runs), statistics.median(odoo_runs)
    print(
        f"{STUDIOS} studios x {CONSUMABLES} consumables, sessions booked over the "
        f"next {DAYS} days ({moves} consumption moves with {HISTORY_DAYS} days of "
        f"history; built in {built:.0f} s)"
    )
    print(f"rows read: {len(rows)}, short within {DAYS} days: {short}")
    print(f"median of {ROUNDS} rounds:")
    print(f"  sessions remaining (ours):        {our_s:.3f} s  {fmt(our_runs)}")
    print(f"  Odoo's forecast, same products:   {odoo_s:.3f} s  {fmt(odoo_runs)}")
    print(f"ratio ours / Odoo's: {our_s / odoo_s:.2f} (target: ours under 1 s)")


def bench_registry(doc):
    """The registry of the database named on the command line (`./skinpro bench`
    passes the demo's configuration and database)."""
    parser = argparse.ArgumentParser(description=doc.split("\n", 1)[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    return Registry(args.database)


def fmt(runs):
    return "(" + ", ".join(f"{r:.3f}" for r in runs) + ")"


if __name__ == "__main__":
    main()
