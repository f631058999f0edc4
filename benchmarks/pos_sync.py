# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cost of the addon on the POS's order sync: `pos.order.sync_from_ui` of 1,000
orders with one needling treatment each, against 1,000 orders of a plain service, in
turn, each from cold record caches as its own request has them, on the demo database
(`./skinpro demo` first; run with `./skinpro bench pos_sync`). Targets: a ratio of
the medians of 1.15 or less, and at most 6 SQL queries more per order. Everything is
rolled back."""

import argparse
import statistics
import time

from replica import payload_module  # this folder, on the path

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools import config

ORDERS = 1000
WARM_UP = 50


def timed_sync(env, order):
    """Milliseconds to sync one order as its own request does: record caches cold,
    everything written before it answers."""
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    env["pos.order"].sync_from_ui([order])
    env.flush_all()
    return (time.perf_counter() - start) * 1000


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
    pos_order_payload = payload_module().pos_order_payload

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

        def order(product):
            return pos_order_payload(session, client, product)

        # Warm-up: the registry's caches and the sequences, as a worker that has
        # served orders has them.
        for _n in range(WARM_UP):
            timed_sync(env, order(plain))
            timed_sync(env, order(treatment))
        # Twice each, the fewest: a registry cache the first order of a kind
        # misses is no cost of the kind.
        queries = {"plain": [], "needling": []}
        for _round in range(2):
            queries["plain"].append(queries_to_sync(env, order(plain)))
            queries["needling"].append(queries_to_sync(env, order(treatment)))
        queries = {kind: min(counts) for kind, counts in queries.items()}
        # Order by order, in turn, the first of each pair alternating: both kinds
        # see the same machine, whatever else it does meanwhile.
        times = {"plain": [], "needling": []}
        for n in range(ORDERS):
            pair = [("plain", plain), ("needling", treatment)]
            for kind, product in pair[:: 1 if n % 2 else -1]:
                times[kind].append(timed_sync(env, order(product)))
        cr.rollback()
    print(f"sync_from_ui, {ORDERS} orders of each kind, one by one, ms per order:")
    print("                      median    p90   mean")
    for label, kind in (("plain service", "plain"), ("needling treatment", "needling")):
        ms = times[kind]
        print(
            f"  {label + ':':20}{statistics.median(ms):8.1f}{percentile(ms, 90):7.1f}"
            f"{statistics.fmean(ms):7.1f}"
        )
    ratio = statistics.median(times["needling"]) / statistics.median(times["plain"])
    print(f"ratio needling / plain, medians: {ratio:.2f} (target <= 1.15)")
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


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * pct // 100)]


if __name__ == "__main__":
    main()
