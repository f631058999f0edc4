# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reports on a real PostgreSQL streaming replica (`./skinpro bench replica`).

A copy of the demo database is made on the demo's cluster, which becomes the primary
(wal_level replica, a `local replication` line in pg_hba.conf); `pg_basebackup -R`
makes a second cluster of it on another port, a hot standby streaming from it. Odoo is
started with `--db_replica_host` / `--db_replica_port` and `--workers`; a chain
manager reads the chain dashboard, every `skinpro.report.*` model (pivot, list,
grouped list) and the monthly studio report's PDF over HTTP, while the front desk's
POS syncs orders. Both clusters log every statement of the copy's database: the
statements on the report views are counted from each cluster's own log, and the
tables' own statistics (`pg_stat_user_tables`) on the replica show the reads and no
writes. Then the replica's replay is paused (a replica that lags) and the manager
reads the dashboard again. Everything is dropped at the end: the copy, the replica
cluster and Odoo.

Ends with `replica: report_reads_on_replica=<n> writes_on_replica=<n>
report_reads_on_primary=<n>`."""

import argparse
import configparser
import functools
import http.cookiejar
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from importlib.machinery import SourceFileLoader
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
REPORT_MODELS = (
    "skinpro.report.session",
    "skinpro.report.session.month",
    "skinpro.report.screening",
    "skinpro.report.referral",
    "skinpro.report.consumption",
    "skinpro.report.stock.cover",
    "skinpro.report.funnel",
)
# The tables the report views read, whose statistics show where the reads ran.
BASE_TABLES = (
    "skinpro_treatment_session",
    "skinpro_screening",
    "crm_lead",
    "stock_move",
    "stock_quant",
)
REPORT_STATEMENT = re.compile(r'"skinpro_report_\w+"')
WRITE_STATEMENT = re.compile(
    r"statement: (INSERT|UPDATE|DELETE)\b|execute [^:]*: (INSERT|UPDATE|DELETE)\b"
)


@functools.cache
def harness():
    """The `skinpro` script as a module: its PostgreSQL cluster helpers and the
    environment of the programs it starts (none of the caller's PG*, ODOO_*...)."""
    loader = SourceFileLoader("skinpro_harness", str(ROOT / "skinpro"))
    spec = importlib.util.spec_from_loader("skinpro_harness", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def say(message):
    print(message, flush=True)


def stop_on_signals():
    """Ctrl-C (SIGINT) or a stop from outside (SIGTERM) ends the benchmark through
    its `finally`, which stops every server and cluster it started; the signals
    that follow are ignored, so that they do not cut that short."""

    def stop(signum, _frame):
        for ignored in (signal.SIGINT, signal.SIGTERM):
            signal.signal(ignored, signal.SIG_IGN)
        say(f"{Path(sys.argv[0]).stem}: interrupted, stopping what it started")
        sys.exit(128 + signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)


# --- PostgreSQL -----------------------------------------------------------------


class Pg:
    """A cluster reached on its Unix socket directory and port, as `user`."""

    def __init__(self, host, port, user, log=None, data=None):
        self.host, self.port, self.user = str(host), int(port), user
        self.log, self.data = log, data

    def connect(self, db="postgres"):
        conn = psycopg2.connect(
            host=self.host, port=self.port, user=self.user, dbname=db
        )
        conn.autocommit = True
        return conn

    def query(self, sql, params=(), db="postgres"):
        conn = self.connect(db)
        try:
            with conn.cursor() as cr:
                cr.execute(sql, params)
                return cr.fetchall() if cr.description else []
        finally:
            conn.close()

    def value(self, sql, params=(), db="postgres"):
        return self.query(sql, params, db)[0][0]


def primary_of(config_path):
    """The cluster of an Odoo configuration file, with its data directory and log
    when it is the harness's own cluster (socket directory/data, /postgresql.log)."""
    parser = configparser.ConfigParser()
    parser.read(config_path)
    options = parser["options"]
    host = options.get("db_host") or "/var/run/postgresql"
    port = int(options.get("db_port") or 5432)
    user = options.get("db_user") or os.environ.get("USER", "postgres")
    pg = Pg(host, port, user)
    data = Path(host) / "data"
    pg.data = data if (data / "PG_VERSION").exists() else None
    log = pg.value("SELECT pg_current_logfile()")
    if log and not os.path.isabs(log):
        log = pg.value("SHOW data_directory") + "/" + log
    pg.log = Path(log) if log else Path(host) / "postgresql.log"
    return pg


def as_postgres(cmd):
    """PostgreSQL's tools refuse to run as root: root runs them as `postgres`."""
    cmd = [str(c) for c in cmd]
    if os.geteuid() == 0:
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        return [runuser, "-u", "postgres", "--", *cmd]
    return cmd


def pg_ctl(bindir, *args, check=True):
    """pg_ctl, its output nowhere: a server it starts would hold a pipe open."""
    return subprocess.run(
        as_postgres([bindir / "pg_ctl", *args]),
        cwd="/",
        env=harness().child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=check,
    )


def ensure_primary(pg, bindir):
    """wal_level replica and a `local replication` line: set them when missing
    (a restart of the primary for wal_level)."""
    if (
        pg.value("SHOW wal_level") == "minimal"
        or int(pg.value("SHOW max_wal_senders")) < 1
    ):
        if not pg.data:
            sys.exit(
                "replica: the primary needs wal_level = replica and max_wal_senders "
                "> 0: set them in its postgresql.conf and restart it"
            )
        pg.query("ALTER SYSTEM SET wal_level = replica")
        pg.query("ALTER SYSTEM SET max_wal_senders = 10")
        pg_ctl(bindir, "restart", "-w", "-m", "fast", "-D", pg.data, "-l", pg.log)
    rules = pg.value(
        "SELECT count(*) FROM pg_hba_file_rules"
        " WHERE type = 'local' AND 'replication' = ANY(database)"
    )
    if not rules:
        hba = Path(pg.value("SHOW hba_file"))
        with hba.open("a") as out:
            out.write("local replication all trust\n")
        pg.query("SELECT pg_reload_conf()")


def start_replica(primary, bindir, directory, port):
    """A hot standby of `primary`, streaming, on its own socket and port."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres")
    data = directory / "data"
    subprocess.run(
        as_postgres(
            [
                bindir / "pg_basebackup",
                "-D", data, "-R", "-X", "stream", "-c", "fast",
                "-h", primary.host, "-p", primary.port, "-U", primary.user,
            ]
        ),
        cwd="/",
        env=harness().child_env(),
        check=True,
        capture_output=True,
    )  # fmt: skip
    log = directory / "postgresql.log"
    options = (
        f"-k {directory} -p {port} -c listen_addresses='' -c hot_standby=on"
        " -c logging_collector=off -c jit=off"
    )
    pg_ctl(bindir, "start", "-w", "-D", data, "-o", options, "-l", log)
    replica = Pg(directory, port, primary.user, log=log, data=data)
    if not replica.value("SELECT pg_is_in_recovery()"):
        sys.exit("replica: the second cluster is not a standby")
    return replica


def stop_cluster(bindir, data):
    pg_ctl(bindir, "stop", "-w", "-m", "fast", "-D", data, check=False)


def copy_database(pg, source, target):
    pg.query(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    pg.query(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def wait_replayed(primary, replica, timeout=60):
    """Until the replica has replayed everything the primary wrote so far."""
    lsn = primary.value("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if replica.value("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,)):
            return
        time.sleep(0.2)
    sys.exit("replica: the replica did not catch up within a minute")


def log_size(path):
    try:
        return path.stat().st_size
    except OSError:
        return 0


def log_since(path, offset):
    with open(path, errors="replace") as log:
        log.seek(offset)
        return log.read()


def statements(text):
    """The statements a log holds, one per `LOG:  duration: ...` entry, each with
    its continuation lines."""
    entries, current = [], None
    for line in text.splitlines():
        if " LOG:  duration: " in line or " LOG:  statement: " in line:
            if current is not None:
                entries.append(current)
            current = line
        elif current is not None and not re.match(r"^\d{4}-\d\d-\d\d ", line):
            current += "\n" + line
    if current is not None:
        entries.append(current)
    return entries


def table_stats(pg, db):
    rows = pg.query(
        "SELECT relname, COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0),"
        " n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables"
        " WHERE relname = ANY(%s)",
        (list(BASE_TABLES) + ["pos_order"],),
        db=db,
    )
    return {name: (scans, writes) for name, scans, writes in rows}


# --- Odoo over HTTP ----------------------------------------------------------------


class OdooServer:
    """`odoo` run as a separate process, stopped with SIGTERM like a service."""

    def __init__(self, config, db, port, log, *extra):
        self.port, self.log, self.db = port, log, db
        self.cmd = [
            sys.executable, "-m", "odoo", "-c", config, "-d", db,
            "--db-filter", f"^{db}$", "--http-port", str(port),
            "--max-cron-threads", "0", "--logfile", log, *extra,
        ]  # fmt: skip
        self.process = None
        self.stopping = False
        self.restarts = 0

    def supervise(self):
        """Start it again whenever it stops, as a service manager does
        (systemd's Restart=always)."""

        def watch():
            while not self.stopping:
                if self.process.poll() is not None and not self.stopping:
                    self.restarts += 1
                    try:
                        self.start()
                    except SystemExit:  # PostgreSQL not back yet: again
                        time.sleep(1)
                time.sleep(1)

        threading.Thread(target=watch, daemon=True).start()
        return self

    def start(self, timeout=180):
        # Its output beside its log: the prefork server's gevent process (the
        # bus) cannot start from `python -m odoo`, and says so, harmlessly here.
        self.stopping = False
        with open(f"{self.log}.out", "a") as out:
            self.process = subprocess.Popen(
                [str(c) for c in self.cmd],
                start_new_session=True,
                env=harness().child_env(),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"Odoo stopped at start: see {self.log}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/web/login", timeout=5
                ):
                    return self
            except (OSError, urllib.error.URLError):
                time.sleep(1)
        self.stop()
        sys.exit(f"Odoo did not answer within {timeout} s: see {self.log}")

    def workers(self):
        """The pids of the HTTP workers the main process forked."""
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            check=False,
            capture_output=True,
            text=True,
        ).stdout
        return [int(pid) for pid in out.split()]

    def stop(self):
        self.stopping = True
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class RpcError(Exception):
    pass


class Client:
    """A browser's session: its own cookie, JSON-RPC calls as the web client makes
    them."""

    def __init__(self, base, db):
        self.base, self.db = base, db
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def _post(self, path, params, timeout):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        ).encode()
        request = urllib.request.Request(
            self.base + path, body, {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=timeout) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            error = answer["error"]
            raise RpcError(error.get("data", {}).get("message") or error["message"])
        return answer["result"]

    def login(self, login, password, timeout=60):
        params = {"db": self.db, "login": login, "password": password}
        result = self._post("/web/session/authenticate", params, timeout)
        self.uid = result["uid"]
        allowed = (result.get("user_companies") or {}).get("allowed_companies")
        # A user of one company has no list: the caller names the studio then.
        self.companies = [int(c) for c in allowed or ()]
        return self

    def call(self, model, method, *args, timeout=120, **kwargs):
        if self.companies:
            kwargs.setdefault("context", {"allowed_company_ids": self.companies})
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self._post(f"/web/dataset/call_kw/{model}/{method}", params, timeout)

    def get(self, path, timeout=300):
        with self.opener.open(self.base + path, timeout=timeout) as response:
            return response.read()


@functools.cache
def payload_module():
    """The addon's tests/pos_payload.py, read from its file: importing the addon's
    `tests` package would load Odoo's test framework."""
    path = ROOT / "skinpro_needling" / "tests" / "pos_payload.py"
    spec = importlib.util.spec_from_file_location("skinpro_pos_payload", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pos_order(session, partner_id, product, uid):
    """A paid order of one line as the POS sends it, from the values read over
    HTTP."""
    return payload_module().order_payload(
        session_id=session["id"],
        user_id=session["user_id"],
        pricelist_id=session["pricelist_id"],
        payment_method_id=session["payment_method_id"],
        partner_id=partner_id,
        product_id=product["id"],
        price=product["lst_price"],
        uid=uid,
    )


def manager_reads(manager, studio_id):
    """Every read a chain manager makes of the reports, named: the dashboard
    (graph and pivot), each report's pivot, grouped list and list, and the
    monthly studio report's PDF."""
    reads = {
        "dashboard graph": lambda: manager.call(
            "skinpro.report.session.month",
            "formatted_read_group",
            [["state", "=", "done"]],
            ["date:month", "company_id"],
            ["session_count:sum"],
        ),
        "dashboard pivot": lambda: manager.call(
            "skinpro.report.session.month",
            "formatted_read_grouping_sets",
            [["state", "=", "done"]],
            [["date:month", "company_id"], ["date:month"], ["company_id"], []],
            ["session_count:sum", "revenue:sum", "consumables_cost:sum"],
        ),
    }
    for model in REPORT_MODELS:
        reads[f"{model} pivot"] = lambda model=model: manager.call(
            model,
            "formatted_read_grouping_sets",
            [],
            [["company_id"], []],
            ["__count"],
        )
        reads[f"{model} grouped list"] = lambda model=model: manager.call(
            model, "web_read_group", [], ["company_id"], ["__count"]
        )
        reads[f"{model} list"] = lambda model=model: manager.call(
            model, "web_search_read", [], {"display_name": {}}, limit=80
        )

    def pdf():
        content = manager.get(
            f"/report/pdf/skinpro_needling.report_studio_month/{studio_id}"
        )
        if not content.startswith(b"%PDF"):
            raise RpcError("the monthly report is no PDF")
        return len(content)

    reads["monthly studio report (PDF)"] = pdf
    return reads


def pos_context(admin, studio_xmlid="skinpro_needling.studio_salt_lake"):
    """The open POS session of a studio, a cleared client and a treatment, read as
    the administrator (opening the register when it is closed)."""
    studio_id = admin.call(
        "ir.model.data", "check_object_reference", *studio_xmlid.split(".", 1)
    )[1]
    admin.companies = sorted({studio_id, *admin.companies})
    configs = admin.call(
        "pos.config",
        "search_read",
        [["company_id", "=", studio_id]],
        ["id", "current_session_id", "payment_method_ids", "pricelist_id"],
        limit=1,
    )
    config = configs[0]
    if not config["current_session_id"]:
        admin.call("pos.config", "open_ui", [config["id"]])
        config |= admin.call(
            "pos.config", "read", [config["id"]], ["current_session_id"]
        )[0]
    client = admin.call(
        "ir.model.data",
        "check_object_reference",
        "skinpro_needling",
        "client_slc_cleared",
    )[1]
    template = admin.call(
        "ir.model.data", "check_object_reference", "skinpro_needling",
        "product_full_face",
    )[1]  # fmt: skip
    treatment = admin.call(
        "product.product",
        "search_read",
        [["product_tmpl_id", "=", template], ["skinpro_depth_mm", "=", 0.5]],
        ["id", "lst_price"],
        limit=1,
    )[0]
    session = {
        "id": config["current_session_id"][0],
        "user_id": admin.uid,
        "pricelist_id": config["pricelist_id"] and config["pricelist_id"][0],
        "payment_method_id": config["payment_method_ids"][0],
    }
    return studio_id, session, client, treatment


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--http-port", type=int, default=8079)
    parser.add_argument("--replica-port", type=int, default=5433)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    stop_on_signals()
    tools = harness()
    bindir = tools.pg_bindir()
    primary = primary_of(args.config)
    db = f"{args.database}_replica_bench"
    workdir = Path(tempfile.mkdtemp(prefix="skinpro-replica-"))
    workdir.chmod(0o755)
    replica_dir = workdir / "replica"
    replica = server = None
    try:
        ensure_primary(primary, bindir)
        say(f"copying {args.database} to {db} on the primary ({primary.host})")
        copy_database(primary, args.database, db)
        # Every statement of the copy, in each cluster's own log.
        primary.query(f'ALTER DATABASE "{db}" SET log_min_duration_statement = 0')
        say("making the replica: pg_basebackup -R, hot standby streaming")
        replica = start_replica(primary, bindir, replica_dir, args.replica_port)
        receiver = replica.value("SELECT status FROM pg_stat_wal_receiver")
        say(
            f"replica on {replica.host} port {replica.port}, in recovery, WAL "
            f"receiver {receiver}"
        )
        # Known before it starts: stopped even when interrupted while starting.
        server = OdooServer(
            args.config, db, args.http_port, workdir / "odoo.log",
            "--workers", str(args.workers),
            "--db_replica_host", replica.host,
            "--db_replica_port", str(replica.port),
        )  # fmt: skip
        server.start()
        base = f"http://127.0.0.1:{args.http_port}"
        admin = Client(base, db).login("admin", "admin")
        studio_id, session, client, treatment = pos_context(admin)
        manager = Client(base, db).login("admin", "admin")
        wait_replayed(primary, replica)
        before = {
            "primary": table_stats(primary, db),
            "replica": table_stats(replica, db),
        }
        offsets = {"primary": log_size(primary.log), "replica": log_size(replica.log)}
        say("the chain manager reads, while the front desk's POS syncs orders:")
        reads = manager_reads(manager, studio_id)
        orders = 0
        for name, read in reads.items():
            start = time.perf_counter()
            read()
            elapsed = (time.perf_counter() - start) * 1000
            uid = f"{os.urandom(4).hex()}-0000-4000-8000-{os.urandom(6).hex()}"
            admin.call(
                "pos.order",
                "sync_from_ui",
                [pos_order(session, client, treatment, uid)],
            )
            orders += 1
            say(f"  {name:<45} {elapsed:8.0f} ms")
        # Backends flush their table statistics when they end: stop Odoo first.
        server.stop()
        time.sleep(1)
        logs = {
            name: statements(log_since(cluster.log, offsets[name]))
            for name, cluster in (("primary", primary), ("replica", replica))
        }
        report_reads = {
            name: sum(1 for s in entries if REPORT_STATEMENT.search(s))
            for name, entries in logs.items()
        }
        writes = {
            name: sum(1 for s in entries if WRITE_STATEMENT.search(s))
            for name, entries in logs.items()
        }
        pos_inserts = {
            name: sum(1 for s in entries if 'INSERT INTO "pos_order"' in s)
            for name, entries in logs.items()
        }
        after = {
            "primary": table_stats(primary, db),
            "replica": table_stats(replica, db),
        }
        say("each cluster's own log, statements of the copy while the reads ran:")
        for name in ("primary", "replica"):
            say(
                f"  {name:<8} {len(logs[name]):6d} statements, {report_reads[name]:4d}"
                f" on the report views, {writes[name]:5d} writes,"
                f" {pos_inserts[name]:3d} INSERT INTO pos_order"
            )
        say(
            "pg_stat_user_tables of each cluster during the reads (scans, rows written)"
        )
        for table in (*BASE_TABLES, "pos_order"):
            cells = []
            for name in ("primary", "replica"):
                b = before[name].get(table, (0, 0))
                a = after[name].get(table, (0, 0))
                cells.append(f"{name} {a[0] - b[0]:5d} scans {a[1] - b[1]:4d} written")
            say(f"  {table:<27} " + "   ".join(cells))
        retried = log_since(server.log, 0).count("retrying with a read/write cursor")
        say(
            f"the POS synced {orders} orders meanwhile; read-only requests retried "
            f"on the primary because they tried to write: {retried}"
        )

        # A replica that lags: replay paused, the POS keeps writing, the manager reads.
        server.start()
        manager = Client(base, db).login("admin", "admin")
        admin = Client(base, db).login("admin", "admin")
        admin.companies = sorted({studio_id, *admin.companies})
        replica.query("SELECT pg_wal_replay_pause()")
        for _n in range(3):
            uid = f"{os.urandom(4).hex()}-0000-4000-8000-{os.urandom(6).hex()}"
            admin.call(
                "pos.order",
                "sync_from_ui",
                [pos_order(session, client, treatment, uid)],
            )
        lag = replica.value(
            "SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(),"
            " pg_last_wal_replay_lsn())"
        )
        start = time.perf_counter()
        manager_reads(manager, studio_id)["dashboard pivot"]()
        elapsed = (time.perf_counter() - start) * 1000
        paused = replica.value("SELECT pg_get_wal_replay_pause_state()")
        say(
            f"replay {paused}, {int(lag or 0)} bytes of WAL received and not replayed:"
            f" the manager's dashboard read answered in {elapsed:.0f} ms"
        )
        replica.query("SELECT pg_wal_replay_resume()")
        say(
            f"replica: report_reads_on_replica={report_reads['replica']} "
            f"writes_on_replica={writes['replica']} "
            f"report_reads_on_primary={report_reads['primary']}"
        )
    finally:
        if server:
            server.stop()
        # Started or being started: pg_basebackup's copy holds its PG_VERSION.
        if (replica_dir / "data" / "PG_VERSION").exists():
            stop_cluster(bindir, replica_dir / "data")
        try:
            primary.query(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        except psycopg2.Error as error:
            say(f"(the copy {db} was not dropped: {error})")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
