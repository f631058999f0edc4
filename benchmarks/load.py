# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A chain's day under load (`./skinpro bench load`): Odoo with `--workers` on the
demo's PostgreSQL, one POS terminal per studio (20 studios, the demo's three and
new ones set up as the addon sets a studio up) syncing paid orders over HTTP as the
POS does (`pos.order.sync_from_ui`, each terminal logged in as its studio's front
desk), practitioners planning, starting and completing sessions, and a chain
manager reading the dashboard. The same load runs twice, terminals selling a plain
service, then a needling treatment: p50/p95/p99 per operation, and the ratio.

During each run, the same faults at the same moments: one Odoo HTTP worker is
killed, and PostgreSQL is restarted. A terminal keeps every order it could not
send and sends it again until the server answers (the POS dedupes by uuid); at the
end the database tells how many orders were lost or saved twice, and PostgreSQL
how many deadlocks it broke.

The load runs on a copy of the demo database, dropped at the end. Ends with
`load: lost=<n> doubled=<n> deadlocks=<n> p95_ms=<ms> ratio_p95=<ratio>`."""

import argparse
import base64
import os
import random
import shutil
import sys
import threading
import time
import urllib.error
import uuid
from pathlib import Path

import psycopg2
from replica import (  # this folder, on the path
    Client,
    OdooServer,
    RpcError,
    copy_database,
    harness,
    log_since,
    log_size,
    pg_ctl,
    pos_order,
    primary_of,
    say,
    stop_on_signals,
)

ROOT = Path(__file__).resolve().parent.parent
SIGNATURE = base64.b64encode(
    (ROOT / "skinpro_needling" / "demo" / "consent_signature.png").read_bytes()
).decode()
RETRY_ERRORS = (OSError, urllib.error.URLError, RpcError, ValueError)


# --- the chain, set up once in the copy -------------------------------------------


def set_up_chain(config, db, studios, practitioners):
    """Studios with their POS open, a front desk user and a cleared client each;
    practitioners; a plain service; the chain manager (admin) in every studio."""
    from odoo import SUPERUSER_ID, Command, api
    from odoo.modules.registry import Registry
    from odoo.tools import config as odoo_config

    odoo_config.parse_config(["-c", config, "-d", db, "--log-level=warn"])
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        slc = env.ref("skinpro_needling.studio_salt_lake")
        chain = slc.parent_id
        # The demo's studios that sell the treatment (San Diego refers it).
        existing = (
            env["res.company"]
            .search(
                [("parent_id", "=", chain.id), ("skinpro_pos_config_ids", "!=", False)]
            )
            .filtered(lambda studio: studio._skinpro_depth_class(0.5) == "cosmetic")
        )
        new = env["res.company"].create(
            [
                {
                    "name": f"Load studio {n:02d}",
                    "parent_id": chain.id,
                    "skinpro_code": f"L{n:02d}",
                    "email": f"l{n:02d}@studio.example",
                    "country_id": chain.country_id.id,
                    # No look-up of the studio's details on Odoo's servers.
                    "iap_enrich_auto_done": True,
                }
                for n in range(1, max(0, studios - len(existing)) + 1)
            ]
        )
        new.action_skinpro_setup_studio()
        all_studios = (existing | new)[:studios]
        admin = env.ref("base.user_admin")
        admin.company_ids = [Command.link(s.id) for s in all_studios]
        treatment = env.ref(
            "skinpro_needling.product_full_face"
        ).product_variant_ids.filtered(lambda p: p.skinpro_depth_mm == 0.5)
        treatment.taxes_id = [Command.clear()]
        plain = env["product.product"].create(
            {
                "name": "Plain facial",
                "type": "service",
                "list_price": treatment.list_price,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        # Sessions the practitioners perform: no recipe, so no stock runs out.
        express = env["product.product"].create(
            {
                "name": "Express needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "list_price": 90,
            }
        )
        employee = env.ref("base.group_user")
        front_desk = employee | env.ref("skinpro_needling.group_front_desk")
        practitioner_group = employee | env.ref("skinpro_needling.group_practitioner")
        terminals, staff = [], []
        for n, studio in enumerate(all_studios):
            studio_env = env(context={"allowed_company_ids": [studio.id]})
            user = studio_env["res.users"].create(
                {
                    "name": f"Front desk {studio.name}",
                    "login": f"load_fd_{n}",
                    "password": f"load_fd_{n}",
                    "company_id": studio.id,
                    "company_ids": [Command.set(studio.ids)],
                    "group_ids": [Command.set(front_desk.ids)],
                }
            )
            client = studio_env["res.partner"].create({"name": f"Load client {n}"})
            screening = studio_env["skinpro.screening"].create(
                {
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "consent_signature": SIGNATURE,
                }
            )
            screening.answer_ids.write({"answer": "no"})
            screening.action_confirm()
            config = studio.skinpro_pos_config_ids[:1]
            if not config.current_session_id:
                config.with_user(user).with_company(studio).open_ui()
            session = config.current_session_id
            terminals.append(
                {
                    "login": user.login,
                    "studio": studio.id,
                    "client": client.id,
                    "session": {
                        "id": session.id,
                        "user_id": user.id,
                        "pricelist_id": config.pricelist_id.id,
                        "payment_method_id": config.payment_method_ids[:1].id,
                    },
                }
            )
            if n < practitioners:
                practitioner = studio_env["res.users"].create(
                    {
                        "name": f"Practitioner {studio.name}",
                        "login": f"load_pr_{n}",
                        "password": f"load_pr_{n}",
                        "company_id": studio.id,
                        "company_ids": [Command.set(studio.ids)],
                        "group_ids": [Command.set(practitioner_group.ids)],
                    }
                )
                staff.append(
                    {
                        "login": practitioner.login,
                        "studio": studio.id,
                        "client": client.id,
                        "product": express.id,
                    }
                )
        products = {
            "plain": {"id": plain.id, "lst_price": plain.list_price},
            "needling": {"id": treatment.id, "lst_price": treatment.list_price},
        }
        cr.commit()
    registry.delete(db)
    return terminals, staff, products


# --- the load ------------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = {}
        self.failures = {}
        self.errors = {}

    def timed(self, operation, call):
        start = time.perf_counter()
        try:
            result = call()
        except RETRY_ERRORS as error:
            with self.lock:
                self.failures[operation] = self.failures.get(operation, 0) + 1
                self.errors.setdefault(operation, str(error)[:200])
            raise
        with self.lock:
            self.times.setdefault(operation, []).append(
                (time.perf_counter() - start) * 1000
            )
        return result


def percentile(values, p):
    values = sorted(values)
    if not values:
        return 0.0
    k = (len(values) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)


def login(base, db, user, deadline):
    while True:
        try:
            return Client(base, db).login(user, user)
        except RETRY_ERRORS:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def terminal(client, spec, product, recorder, stop, drain_until, think, sent):
    """One studio's POS: an order every `think` seconds (about), kept until the
    server took it."""
    unsent = []
    made = []
    while True:
        now = time.monotonic()
        if not stop.is_set():
            order_uuid = str(uuid.uuid4())
            made.append(order_uuid)
            unsent.append(
                pos_order(spec["session"], spec["client"], product, order_uuid)
            )
        elif not unsent or now > drain_until:
            break
        while unsent:
            try:
                recorder.timed(
                    "POS order sync",
                    lambda: client.call(
                        "pos.order", "sync_from_ui", [unsent[0]], timeout=60
                    ),
                )
                unsent.pop(0)
            except RETRY_ERRORS:
                if time.monotonic() > drain_until:
                    break
                time.sleep(0.5)
        time.sleep(think * random.uniform(0.5, 1.5) if not stop.is_set() else 0)
    sent.extend(made)


def practitioner(client, spec, recorder, stop, think):
    """Plans a session for the studio's cleared client, asks the questions again,
    starts it and completes it; again and again."""
    while not stop.is_set():
        try:
            session_id = recorder.timed(
                "session plan",
                lambda: client.call(
                    "skinpro.treatment.session",
                    "create",
                    [
                        {
                            "partner_id": spec["client"],
                            "company_id": spec["studio"],
                            "product_id": spec["product"],
                        }
                    ],
                ),
            )
            session_id = session_id[0] if isinstance(session_id, list) else session_id
            questions = client.call(
                "skinpro.session.reconfirmation",
                "search",
                [["session_id", "=", session_id]],
            )
            recorder.timed(
                "session questions",
                lambda questions=questions: client.call(
                    "skinpro.session.reconfirmation",
                    "write",
                    questions,
                    {"answer": "no"},
                ),
            )
            for action, label in (
                ("action_start", "session start"),
                ("action_done", "session complete"),
            ):
                recorder.timed(
                    label,
                    lambda action=action, session_id=session_id: client.call(
                        "skinpro.treatment.session", action, [session_id]
                    ),
                )
        except RETRY_ERRORS:
            time.sleep(0.5)
        time.sleep(think * random.uniform(0.5, 1.5))


def manager(client, recorder, stop, think):
    while not stop.is_set():
        try:
            recorder.timed(
                "dashboard read",
                lambda: client.call(
                    "skinpro.report.session.month",
                    "formatted_read_grouping_sets",
                    [["state", "=", "done"]],
                    [["date:month", "company_id"], ["date:month"], ["company_id"], []],
                    ["session_count:sum", "revenue:sum", "consumables_cost:sum"],
                ),
            )
        except RETRY_ERRORS:
            time.sleep(0.5)
        time.sleep(think * random.uniform(0.5, 1.5))


def deadlocks(pg, db):
    return pg.value("SELECT deadlocks FROM pg_stat_database WHERE datname = %s", (db,))


def run_load(args, label, product, setup, server, pg, bindir, db):
    """One run of the load; the faults at a third and two thirds of it."""
    terminals, staff = setup
    base = f"http://127.0.0.1:{args.http_port}"
    recorder, stop, sent = Recorder(), threading.Event(), []
    # Everyone logs in first, as a day starts: the clock starts once they are in.
    users = [spec["login"] for spec in terminals + staff] + ["admin"]
    clients = {}

    def log_in(user):
        clients[user] = login(base, db, user, time.monotonic() + 300)

    logins = [
        threading.Thread(target=log_in, args=(user,), daemon=True) for user in users
    ]
    for thread in logins:
        thread.start()
    for thread in logins:
        thread.join()
    for spec in terminals + staff:
        clients[spec["login"]].companies = [spec["studio"]]
    start = time.monotonic()
    drain_until = start + args.duration + 120
    threads = [
        threading.Thread(
            target=terminal,
            args=(
                clients[spec["login"]], spec, product, recorder, stop, drain_until,
                args.think, sent,
            ),
        )
        for spec in terminals
    ]  # fmt: skip
    threads += [
        threading.Thread(
            target=practitioner,
            args=(clients[spec["login"]], spec, recorder, stop, args.think),
        )
        for spec in staff
    ]
    threads.append(
        threading.Thread(
            target=manager, args=(clients["admin"], recorder, stop, args.think)
        )
    )
    for thread in threads:
        thread.daemon = True  # stopped from outside, the benchmark ends at once
        thread.start()
    faults = []
    if args.faults:
        time.sleep(args.duration / 3)
        workers = server.workers()
        if workers:
            victim = random.choice(workers)
            faults.append(f"killed Odoo worker {victim}")
            try:
                os.kill(victim, 9)
            except ProcessLookupError:
                pass
        time.sleep(args.duration / 3)
        pg_ctl(bindir, "restart", "-w", "-m", "fast", "-D", pg.data, "-l", pg.log)
        faults.append("restarted PostgreSQL")
        time.sleep(max(0, args.duration - (time.monotonic() - start)))
    else:
        time.sleep(args.duration)
    stop.set()
    for thread in threads:
        thread.join()
    if server.restarts:
        faults.append(f"Odoo restarted by its supervisor {server.restarts} time(s)")
        server.restarts = 0
    say(
        f"{label}: {len(terminals)} terminals, {len(staff)} practitioners, 1 chain "
        f"manager, {args.duration:.0f} s" + (f"; {', '.join(faults)}" if faults else "")
    )
    for operation, times in sorted(recorder.times.items()):
        p50, p95, p99 = (percentile(times, p) for p in (50, 95, 99))
        say(
            f"  {operation:<20} n={len(times):5d}  p50 {p50:7.0f} ms"
            f"  p95 {p95:7.0f} ms  p99 {p99:7.0f} ms"
            f"  failed, retried: {recorder.failures.get(operation, 0)}"
        )
    for operation, error in sorted(recorder.errors.items()):
        say(f"  first failure of {operation}: {error}")
    return recorder, sent


def count_orders(pg, db, uuids):
    rows = pg.query(
        "SELECT o.uuid, count(p.id) FROM unnest(%s::varchar[]) o(uuid)"
        " LEFT JOIN pos_order p ON p.uuid = o.uuid GROUP BY o.uuid",
        (uuids,),
        db=db,
    )
    lost = sum(1 for _uuid, n in rows if n == 0)
    doubled = sum(n - 1 for _uuid, n in rows if n > 1)
    return lost, doubled


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--duration", type=float, default=60, help="seconds per run")
    parser.add_argument("--studios", type=int, default=20)
    parser.add_argument("--practitioners", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=3.0, help="seconds per user")
    parser.add_argument("--http-port", type=int, default=8079)
    parser.add_argument("--no-faults", dest="faults", action="store_false")
    args = parser.parse_args()
    stop_on_signals()
    bindir = harness().pg_bindir()
    pg = primary_of(args.config)
    if args.faults and not pg.data:
        sys.exit(
            "load: restarting PostgreSQL needs the harness's own cluster (the demo's);"
            " run with --no-faults on another cluster"
        )
    db = f"{args.database}_load_bench"
    workdir = Path("/tmp") / f"skinpro-load-{uuid.uuid4().hex[:8]}"
    workdir.mkdir()
    server = None
    try:
        say(f"copying {args.database} to {db}, setting up {args.studios} studios")
        copy_database(pg, args.database, db)
        started = time.perf_counter()
        terminals, staff, products = set_up_chain(
            args.config, db, args.studios, args.practitioners
        )
        say(f"set up in {time.perf_counter() - started:.0f} s")
        # Known before it starts: stopped even when interrupted while starting.
        server = OdooServer(
            args.config, db, args.http_port, workdir / "odoo.log",
            "--workers", str(args.workers), "--db_maxconn", "16",
        )  # fmt: skip
        server.start().supervise()
        deadlocks_before = deadlocks(pg, db)
        log_offset = log_size(pg.log)
        results, sent = {}, []
        for label in ("plain", "needling"):
            recorder, made = run_load(
                args, label, products[label], (terminals, staff), server, pg,
                bindir, db,
            )  # fmt: skip
            results[label] = recorder.times.get("POS order sync", [])
            sent += made
        lost, doubled = count_orders(pg, db, sent)
        broken = log_since(pg.log, log_offset).count("deadlock detected")
        found = max(deadlocks(pg, db) - deadlocks_before, broken)
        p95 = {label: percentile(times, 95) for label, times in results.items()}
        ratio = p95["needling"] / p95["plain"] if p95["plain"] else 0
        say(
            f"{len(sent)} orders made by the terminals; POS sync p95: plain "
            f"{p95['plain']:.0f} ms, needling {p95['needling']:.0f} ms"
        )
        say(
            f"load: lost={lost} doubled={doubled} deadlocks={found} "
            f"p95_ms={p95['needling']:.0f} ratio_p95={ratio:.2f}"
        )
    finally:
        if server:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            pg.query(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        except psycopg2.Error as error:
            say(f"(the copy {db} was not dropped: {error})")


if __name__ == "__main__":
    main()
