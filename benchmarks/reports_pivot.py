# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The chain dashboard's pivot on a large chain: 1,000,000 paid sessions across 20
studios and 3 years, against Odoo's own POS orders report (`report.pos.order`) on the
same 1,000,000 POS lines, on the demo database (`./skinpro demo` first; run with
`./skinpro bench reports_pivot`). After the night's fold of the past months (the
scheduled action), the dashboard (`skinpro.report.session.month`), the studio
figures (`skinpro.report.practitioner.month`, every figure: rebooking, no-shows,
utilisation...), the sessions analysis (`skinpro.report.session`) and Odoo's report
are read as the
web client reads a pivot (studio x month, count and revenue, with their totals) by a
chain manager allowed every studio; then the monthly studio report's figures
(`_studio_figures`) of one studio and month, against Odoo's POS orders report
grouped for the same studio and month. Target: 1 s or less for the dashboard and the
monthly report, and a ratio of 1 or less. Everything is rolled back.

A chain's size: `SKINPRO_SESSIONS=5000000 SKINPRO_STUDIOS=200 ./skinpro bench
reports_pivot` (the rows are generated in SQL, `INSERT ... SELECT generate_series`)."""

import os
import statistics
import time
from datetime import date, timedelta

from pos_sync import demo_registry  # this folder, on the path
from replica import payload_module

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

SESSIONS = int(os.environ.get("SKINPRO_SESSIONS") or 1_000_000)
STUDIOS = int(os.environ.get("SKINPRO_STUDIOS") or 20)
DAYS = 3 * 365
ROUNDS = 3
PIVOT_GROUPINGS = [["company_id", "date:month"], ["company_id"], ["date:month"], []]
# The studio figures (skinpro.report.practitioner.month): every figure, each the
# ratio of its group's sums.
STUDIO_FIGURES = [
    f"{name}:avg"
    for name in (
        "rebooking_rate",
        "course_completion_rate",
        "no_show_rate",
        "late_cancel_rate",
        "utilisation",
        "revenue_per_hour",
        "cost_per_session",
        "margin_per_session",
        "referral_conversion",
        "days_to_acceptance",
        "days_to_first_session",
    )
]


def columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        [table],
    )
    return [name for (name,) in cr.fetchall()]


def clone(cr, table, template_id, count, overrides):
    """`count` copies of row `template_id` of `table`, numbered n = 1..count, with
    `overrides` {column: SQL expression of n} replacing the copied values."""
    kept = [c for c in columns(cr, table) if c not in overrides]
    cr.execute(
        SQL(
            "INSERT INTO %(table)s (%(cols)s) SELECT %(values)s"
            " FROM %(table)s t, generate_series(1, %(count)s) n WHERE t.id = %(id)s",
            table=SQL.identifier(table),
            cols=SQL(", ").join(SQL.identifier(c) for c in [*overrides, *kept]),
            values=SQL(", ").join(
                [*overrides.values(), *(SQL.identifier("t", c) for c in kept)]
            ),
            count=count,
            id=template_id,
        )
    )


def next_id(cr, table):
    cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM %s", SQL.identifier(table)))
    return cr.fetchone()[0]


def plain_indexes(cr, tables):
    """The definitions of the indexes of `tables` that back no constraint."""
    cr.execute(
        """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
             FROM pg_index i
            WHERE i.indrelid = ANY(%s::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                               WHERE c.conindid = i.indexrelid)""",
        [list(tables)],
    )
    return cr.fetchall()


def fill(env, template_session):
    """20 studios (the demo's, and copies of Salt Lake City), and a paid POS order
    of one line per session, spread over 3 years. Bulk-loaded as a restore would:
    the copies keep their template's valid references, so the foreign keys'
    triggers are off while they are written, and the plain indexes are dropped
    first and built once after (all inside the transaction, rolled back)."""
    cr = env.cr
    cr.execute("SET LOCAL session_replication_role = replica")
    cr.execute("SET LOCAL maintenance_work_mem = '1GB'")
    bulk_tables = ["pos_order", "pos_order_line", "skinpro_treatment_session"]
    indexes = plain_indexes(cr, bulk_tables)
    for name, _definition in indexes:
        cr.execute(SQL("DROP INDEX %s", SQL(name)))
    studio = template_session.company_id
    chain = studio.parent_id
    demo_studios = env["res.company"].search([("parent_id", "=", chain.id)])
    base = next_id(cr, "res_company")
    extra = STUDIOS - len(demo_studios)
    clone(
        cr,
        "res_company",
        studio.id,
        extra,
        {
            "id": SQL("%s + n", base),
            "name": SQL("'Benchmark studio ' || n"),
            "parent_path": SQL("%s || '/' || (%s + n) || '/'", str(chain.id), base),
        },
    )
    studio_ids = demo_studios.ids + list(range(base + 1, base + extra + 1))
    cr.execute(
        "INSERT INTO res_company_users_rel (cid, user_id) SELECT c, %s"
        " FROM unnest(%s) c ON CONFLICT DO NOTHING",
        [env.uid, studio_ids],
    )
    env.invalidate_all()
    env.registry.clear_cache()  # the user's allowed companies are cached
    studio_of_n = SQL("(%s::integer[])[1 + mod(n, %s)]", studio_ids, STUDIOS)
    date_of_n = SQL(
        "NOW() - mod(n, %s) * INTERVAL '1 day' - mod(n, 9) * INTERVAL '1 hour'", DAYS
    )
    line = template_session.pos_order_line_id
    order_base, line_base = next_id(cr, "pos_order"), next_id(cr, "pos_order_line")
    session_base = next_id(cr, "skinpro_treatment_session")
    clone(
        cr,
        "pos_order",
        line.order_id.id,
        SESSIONS,
        {
            "id": SQL("%s + n", order_base),
            "name": SQL("'Benchmark order ' || n"),
            "uuid": SQL("gen_random_uuid()::varchar"),
            "company_id": studio_of_n,
            "date_order": date_of_n,
            "create_date": date_of_n,
        },
    )
    clone(
        cr,
        "pos_order_line",
        line.id,
        SESSIONS,
        {
            "id": SQL("%s + n", line_base),
            "order_id": SQL("%s + n", order_base),
            "uuid": SQL("gen_random_uuid()::varchar"),
            "company_id": studio_of_n,
            "price_subtotal": SQL("100 + mod(n, 200)"),
            "price_subtotal_incl": SQL("100 + mod(n, 200)"),
        },
    )
    clone(
        cr,
        "skinpro_treatment_session",
        template_session.id,
        SESSIONS,
        {
            "id": SQL("%s + n", session_base),
            "company_id": studio_of_n,
            "pos_order_line_id": SQL("%s + n", line_base),
            "state": SQL("'done'"),
            "planned_start": date_of_n,
            "date_start": date_of_n,
            "date_end": date_of_n,
            "session_date": SQL("(%s)::date", date_of_n),
            "revenue": SQL("100 + mod(n, 200)"),
            "consumables_cost": SQL("20 + mod(n, 5)"),
        },
    )
    for _name, definition in indexes:
        cr.execute(definition)
    cr.execute("SET LOCAL session_replication_role = origin")
    cr.execute(
        "ANALYZE res_company, pos_order, pos_order_line, skinpro_treatment_session"
    )
    return studio_ids


def timed_pivot(model, measures):
    """Seconds for the pivot's reads: the studio x month cells alone, and the whole
    pivot as 19.0's web client loads it, in one call: the cells, the rows' and the
    columns' totals and the grand total."""
    model.env.invalidate_all()
    start = time.perf_counter()
    model.formatted_read_group([], ["company_id", "date:month"], measures)
    cells = time.perf_counter() - start
    model.env.invalidate_all()
    start = time.perf_counter()
    model.formatted_read_grouping_sets([], PIVOT_GROUPINGS, measures)
    return cells, time.perf_counter() - start


def timed_month(env, studio, month):
    """Seconds for the monthly studio report's figures of `studio` and `month`,
    and for Odoo's POS orders report of the same studio and month, by product."""
    env.invalidate_all()
    report = env["report.skinpro_needling.report_studio_month"]
    start = time.perf_counter()
    report._studio_figures(studio, month)
    ours = time.perf_counter() - start
    env.invalidate_all()
    end = (month + timedelta(days=32)).replace(day=1)
    start = time.perf_counter()
    env["report.pos.order"]._read_group(
        [
            ("company_id", "=", studio.id),
            ("date", ">=", month),
            ("date", "<", end),
        ],
        ["product_tmpl_id"],
        ["__count", "price_subtotal_excl:sum"],
    )
    return ours, time.perf_counter() - start


def main():
    registry = demo_registry(__doc__)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        session = paid_session(env(user=admin.id))
        started = time.perf_counter()
        studio_ids = fill(env(user=admin.id), session)
        filled = time.perf_counter() - started
        # The night's fold, as the scheduled action runs it.
        started = time.perf_counter()
        env["skinpro.report.session.month"]._cron_fold()
        cr.execute("ANALYZE skinpro_session_month_folded")
        cr.execute("ANALYZE skinpro_practitioner_month_folded")
        folded = time.perf_counter() - started
        env = env(user=admin.id, context={"allowed_company_ids": studio_ids})
        pivots = {
            "skinpro.report.session.month": ["session_count:sum", "revenue:sum"],
            "skinpro.report.practitioner.month": STUDIO_FIGURES,
            "skinpro.report.session": ["__count", "revenue:sum"],
            "report.pos.order": ["__count", "price_subtotal_excl:sum"],
        }
        runs = {model: [] for model in pivots}
        month_runs = []
        studio = env["res.company"].browse(studio_ids[-1])
        month = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
        for _round in range(ROUNDS):
            for model, measures in pivots.items():
                runs[model].append(timed_pivot(env[model], measures))
            month_runs.append(timed_month(env, studio, month))
        rows = env["skinpro.report.session"].search_count([])
        lines = env["report.pos.order"].search_count([])
        cr.rollback()
    print(f"filled {rows:,} sessions and {lines:,} POS lines in {filled:.0f} s")
    print(f"the night's fold of the dashboard's past months: {folded:.0f} s")
    print(f"pivot studio x month, count and revenue, median of {ROUNDS} rounds:")
    odoo = "report.pos.order"
    # The target is the dashboard's pivot read (the cells); the whole pivot adds the
    # totals, in the one call the web client makes.
    for label, part in (
        ("cells (the pivot read)", 0),
        ("whole pivot, one call with its totals", 1),
    ):
        odoo_s = statistics.median(run[part] for run in runs[odoo])
        print(f"  {label}:")
        for model, name in (
            ("skinpro.report.session.month", "chain dashboard"),
            ("skinpro.report.practitioner.month", "studio figures"),
            ("skinpro.report.session", "sessions analysis"),
            (odoo, "Odoo's POS orders"),
        ):
            seconds = statistics.median(run[part] for run in runs[model])
            target = " (target <= 1)" if model.endswith("month") and not part else ""
            ratio = f"  ratio to Odoo's {seconds / odoo_s:.2f}" if model != odoo else ""
            print(f"    {name:18} ({model}): {seconds:.2f} s{target}{ratio}")
    ours_s = statistics.median(run[0] for run in month_runs)
    odoo_s = statistics.median(run[1] for run in month_runs)
    print(f"monthly studio report of one studio and month, median of {ROUNDS} rounds:")
    print(f"    _studio_figures:        {ours_s:.2f} s (target <= 1)")
    print(
        f"    report.pos.order:       {odoo_s:.2f} s (the studio's month, by product)"
    )
    print(f"    ratio ours / Odoo's:    {ours_s / odoo_s:.2f}")


def paid_session(env):
    """A session paid at Salt Lake City's POS, the row the fill copies."""
    payload = payload_module().pos_order_payload
    studio = env.ref("skinpro_needling.studio_salt_lake")
    env = env(context={"allowed_company_ids": [studio.id]})
    config = studio.skinpro_pos_config_ids[:1].with_env(env)
    if not config.current_session_id:
        config.open_ui()
    client = env.ref("skinpro_needling.client_slc_cleared")
    treatment = env.ref("skinpro_needling.product_full_face").product_variant_ids[:1]
    result = env["pos.order"].sync_from_ui(
        [payload(config.current_session_id, client, treatment)]
    )
    order = env["pos.order"].browse(result["pos.order"][0]["id"])
    env.flush_all()
    return order.lines.skinpro_session_ids[:1]


if __name__ == "__main__":
    main()
