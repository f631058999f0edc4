# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cost of the addon on the POS's order sync: `pos.order.sync_from_ui` of 200 orders
with one needling treatment each, against 200 orders of a plain service, on the demo
database (`./skinpro demo` first; run with `./skinpro bench pos_sync`). Targets: a ratio
of 1.15 or less, and at most 6 SQL queries more per order. Everything is rolled
back."""

import argparse
import importlib.util
import statistics
import time
from pathlib import Path

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools import config

ORDERS = 200
ROUNDS = 5


def timed_sync(env, orders):
    env.flush_all()
    start = time.perf_counter()
    for order in orders:
        env["pos.order"].sync_from_ui([order])
    env.flush_all()
    return time.perf_counter() - start


def queries_to_sync(env, order):
    """The SQL queries one order's sync costs, from cold caches."""
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    env["pos.order"].sync_from_ui([order])
    env.flush_all()
    return env.cr.sql_log_count - before


def main():
    registry = demo_registry(__doc__)
    pos_order_payload = load_payload_builder()

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        studio = env.ref("skinpro_needling.studio_salt_lake")
        # As the front desk's POS does: a POS user, working at the studio.
        env = env(
            user=env.ref("base.user_admin").id,
            context={"allowed_company_ids": [studio.id]},
        )
        config = studio.skinpro_pos_config_ids[:1].with_env(env)
        if not config.current_session_id:
            config.open_ui()
        session = config.current_session_id
        client = env.ref("skinpro_needling.client_slc_cleared")
        treatment = env.ref(
            "skinpro_needling.product_full_face"
        ).product_variant_ids.filtered(lambda p: p.skinpro_depth_mm == 0.5)
        plain = env["product.product"].create(
            {
                "name": "Plain facial",
                "type": "service",
                "list_price": treatment.list_price,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        treatment.taxes_id = [Command.clear()]

        def orders(product):
            return [pos_order_payload(session, client, product) for _n in range(ORDERS)]

        # Warm-up: the registry's caches and the sequences, as a worker that has
        # served orders has them.
        timed_sync(env, orders(plain))
        timed_sync(env, orders(treatment))
        # Twice each, the fewest: a registry cache the first order of a kind
        # misses is no cost of the kind.
        queries = {"plain": [], "needling": []}
        for _round in range(2):
            queries["plain"].append(queries_to_sync(env, orders(plain)[0]))
            queries["needling"].append(queries_to_sync(env, orders(treatment)[0]))
        queries = {kind: min(counts) for kind, counts in queries.items()}
        plain_runs, needling_runs = [], []
        for _round in range(ROUNDS):  # interleaved, so both see the same machine
            plain_runs.append(timed_sync(env, orders(plain)))
            needling_runs.append(timed_sync(env, orders(treatment)))
        cr.rollback()
    plain_s, needling_s = (
        statistics.median(plain_runs),
        statistics.median(needling_runs),
    )
    print(f"sync_from_ui, {ORDERS} orders, median of {ROUNDS} rounds:")
    print(f"  plain service:       {plain_s:.2f} s  {fmt(plain_runs)}")
    print(f"  needling treatment:  {needling_s:.2f} s  {fmt(needling_runs)}")
    print(f"ratio needling / plain: {needling_s / plain_s:.2f} (target <= 1.15)")
    # The machine's other work only ever adds time: the fastest rounds compare best.
    print(
        "ratio of the fastest rounds: "
        f"{min(needling_runs) / min(plain_runs):.2f} (target <= 1.15)"
    )
    print(
        "SQL queries for one order, cold caches as a request has them: "
        f"plain {queries['plain']}, needling {queries['needling']} "
        f"(+{queries['needling'] - queries['plain']}, target <= +6)"
    )


def demo_registry(doc):
    """The registry of the database named on the command line (`./skinpro bench`
    passes the demo's configuration and database)."""
    parser = argparse.ArgumentParser(description=doc.split("\n", 1)[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    # Warnings only: the POS logs every order it syncs, which would drown the figures.
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    return Registry(args.database)


def load_payload_builder():
    """The payload the addon's POS tests send, read from its file: importing the
    addon's `tests` package would load Odoo's test framework outside test mode."""
    path = (
        Path(__file__).resolve().parent.parent
        / "skinpro_needling"
        / "tests"
        / "pos_payload.py"
    )
    spec = importlib.util.spec_from_file_location("skinpro_pos_payload", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pos_order_payload


def fmt(runs):
    return "(" + ", ".join(f"{r:.2f}" for r in runs) + ")"


if __name__ == "__main__":
    main()
