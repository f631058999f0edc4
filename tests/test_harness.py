# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The set-up and test commands refuse bad input with one line that says what to do,
a non-zero exit, and nothing left behind; they run on what they set up, whatever the
caller's environment holds; an interrupted benchmark stops what it started.

Every test sets the environment it depends on: the caller's ODOO_SRC, PG*, XDG_*
or HOME change nothing here. The harness keeps its cache in the user's home, which no
variable moves: the tests run it as a module with its cache patched instead."""

import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKINPRO = ROOT / "skinpro"
BENCHMARKS = ROOT / "benchmarks"

# The harness with its cache (and, when asked, its root, interpreter and cluster
# folder) patched, then its command line: argv[1] is the patches, as JSON.
LAUNCHER = """
import importlib.machinery, importlib.util, json, sys
from pathlib import Path

loader = importlib.machinery.SourceFileLoader("skinpro_harness", {skinpro!r})
spec = importlib.util.spec_from_loader("skinpro_harness", loader)
h = importlib.util.module_from_spec(spec)
loader.exec_module(h)
patches = json.loads(sys.argv[1])
h.CACHE = Path(patches["cache"])
h.VENV = h.CACHE / "venv"
h.VENV_PYTHON = h.VENV / "bin" / "python"
h.REMEMBERED_SRC = h.CACHE / "odoo_src"
if "root" in patches:
    h.ROOT = Path(patches["root"])
if "python" in patches:
    h.VENV_PYTHON = Path(patches["python"])
    h.odoo_addons_paths = lambda: []
if "clusters" in patches:
    h.cluster_dir = lambda name: Path(patches["clusters"]) / name
sys.exit(h.main(sys.argv[2:]))
"""


def poisoned_environment(tmp_path):
    """The caller's environment, with everything through which libpq, Odoo, the XDG
    base directories and Python could be pointed elsewhere pointing elsewhere."""
    elsewhere = tmp_path / "elsewhere"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PG", "ODOO_", "XDG_", "PYTHON"))
    }
    env.update(
        PGHOST=str(elsewhere),
        PGPORT="1",
        PGUSER="nobody",
        PGPASSWORD="wrong",
        PGDATABASE="nothing",
        PGSERVICE="nowhere",
        PGSERVICEFILE=str(elsewhere / "pg_service.conf"),
        PGSSLMODE="require",
        PGOPTIONS="-c search_path=nowhere",
        PGDATA=str(elsewhere / "data"),
        ODOO_RC=str(elsewhere / "odoo.conf"),
        ODOO_DEV="all",
        XDG_CACHE_HOME=str(elsewhere / "cache"),
        XDG_CONFIG_HOME=str(elsewhere / "config"),
        HOME=str(elsewhere / "home"),
        PYTHONPATH=str(elsewhere),
    )
    return env


def run_skinpro(args, tmp_path, patches=None, timeout=120, **env):
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    launcher = tmp_path / "launcher.py"
    launcher.write_text(LAUNCHER.format(skinpro=str(SKINPRO)))
    environ = poisoned_environment(tmp_path)
    environ.update(env)
    result = subprocess.run(
        [sys.executable, launcher, json.dumps({"cache": str(cache), **(patches or {})})]
        + args,
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result, cache


def fake_odoo_tree(path, version="(19, 0, 0, FINAL, 0)"):
    (path / "odoo").mkdir(parents=True)
    (path / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (path / "odoo" / "release.py").write_text(f"version_info = {version}\n")
    return path


def assert_one_line_error(result, *words):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def assert_nothing_created(cache):
    assert list(cache.iterdir()) == []


def test_odoo_src_that_is_not_odoo_is_refused(tmp_path):
    not_odoo = tmp_path / "not-odoo"
    not_odoo.mkdir()
    result, cache = run_skinpro(
        ["demo", "--port", "0"], tmp_path, ODOO_SRC=str(not_odoo)
    )
    assert_one_line_error(result, "ODOO_SRC", "not an Odoo 19.0 source tree")
    assert_nothing_created(cache)


def test_odoo_src_of_another_series_is_refused(tmp_path):
    odoo18 = fake_odoo_tree(tmp_path / "odoo18", "(18, 0, 0, FINAL, 0)")
    result, cache = run_skinpro(["test"], tmp_path, ODOO_SRC=str(odoo18))
    assert_one_line_error(result, "ODOO_SRC", "19.0")
    assert_nothing_created(cache)


def test_an_odoo_remembered_for_another_series_is_never_used(
    harness, tmp_path, monkeypatch, capsys
):
    # What an 18.0 set-up left in the cache: its remembered tree, at the cache's
    # top, and (as a stale copy) in 19.0's own place. No ODOO_SRC, whatever the
    # caller's shell holds.
    odoo18 = fake_odoo_tree(tmp_path / "odoo18", "(18, 0, 0, FINAL, 0)")
    cache = tmp_path / "cache" / "skinpro_needling"
    (cache / "19.0").mkdir(parents=True)
    (cache / "odoo_src").write_text(f"{odoo18}\n")
    (cache / "19.0" / "odoo_src").write_text(f"{odoo18}\n")
    monkeypatch.setattr(harness, "ODOO_SRC", None)
    monkeypatch.setattr(harness, "REMEMBERED_SRC", cache / "19.0" / "odoo_src")
    monkeypatch.setattr(harness, "importable_odoo", lambda *args: None)
    assert harness.find_odoo(download=False) is None
    assert "no Odoo 19.0 tree any more" in capsys.readouterr().out


def test_the_cache_is_in_the_users_home_whatever_the_shell_says(tmp_path):
    probe = (
        "import importlib.machinery as m, importlib.util as u; "
        f"loader = m.SourceFileLoader('h', {str(SKINPRO)!r}); "
        "h = u.module_from_spec(u.spec_from_loader('h', loader)); "
        "loader.exec_module(h); print(h.CACHE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env=poisoned_environment(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    assert result.stdout.strip() == str(home / ".cache" / "skinpro_needling" / "19.0")


def test_programs_started_see_none_of_the_callers_settings(
    harness, tmp_path, monkeypatch
):
    for name, value in poisoned_environment(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PG_BINDIR", "/elsewhere/bin")
    monkeypatch.setenv("ODOO_SRC", "/elsewhere/odoo")
    monkeypatch.setenv("OPENERP_SERVER", "/elsewhere/openerp.conf")
    env = harness.child_env(SKINPRO_INSTALL_LOG="/tmp/install.log")
    assert not [k for k in env if k.startswith(("PG", "ODOO_", "OPENERP_", "XDG_"))]
    assert "PYTHONPATH" not in env
    assert env["PATH"] == os.environ["PATH"]
    assert env["SKINPRO_INSTALL_LOG"] == "/tmp/install.log"


def test_odoo_is_told_every_connection_setting(harness, tmp_path, monkeypatch):
    monkeypatch.setattr(harness, "odoo_addons_paths", list)
    cluster = harness.Cluster(tmp_path / "pg", Path("/usr/lib/postgresql/15/bin"))
    config = harness.write_config(tmp_path / "odoo.conf", cluster, 18069).read_text()
    for line in (
        f"db_host = {tmp_path / 'pg'}",
        f"db_port = {harness.DB_PORT}",
        "db_user = odoo",
        "db_password = \n",
        "db_name = \n",
        "db_sslmode = disable",
        "pg_path = /usr/lib/postgresql/15/bin",
    ):
        assert line in config


def test_missing_postgresql_binaries_are_refused(tmp_path):
    odoo = fake_odoo_tree(tmp_path / "odoo19")
    result, cache = run_skinpro(
        ["demo", "--port", "0"], tmp_path, ODOO_SRC=str(odoo), PG_BINDIR="/nonexistent"
    )
    assert_one_line_error(result, "PG_BINDIR", "initdb")
    assert_nothing_created(cache)


def test_port_in_use_is_refused(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result, cache = run_skinpro(["demo", "--port", str(port)], tmp_path)
    assert_one_line_error(result, f"port {port} is already in use", "--port")
    assert_nothing_created(cache)


def test_serve_before_setup_says_to_run_demo(tmp_path):
    result, _cache = run_skinpro(["serve", "--port", "0"], tmp_path)
    assert_one_line_error(result, "./skinpro demo")


def test_a_benchmark_takes_its_own_options(tmp_path):
    # `bench load --no-faults` reaches the benchmark: before set-up, the harness
    # says what to run first, not that it does not know the option.
    result, _cache = run_skinpro(["bench", "load", "--no-faults"], tmp_path)
    assert_one_line_error(result, "./skinpro demo")


def test_an_unknown_benchmark_is_named_with_the_choices(tmp_path):
    result, _cache = run_skinpro(["bench", "nothing", "--duration", "5"], tmp_path)
    assert_one_line_error(result, "no benchmark 'nothing'", "load", "pos_sync")


# --- a real cluster, a real benchmark run, in a poisoned environment ----------------


@pytest.fixture
def pg_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    found = [shutil.which("initdb"), *found]
    bindir = next((Path(os.path.realpath(p)).parent for p in found if p), None)
    if not bindir or (os.geteuid() == 0 and not shutil.which("runuser")):
        pytest.skip("needs PostgreSQL's initdb and pg_ctl")
    return bindir


@pytest.fixture
def bench_root(pg_bindir):
    """A folder the cluster's user can reach (pytest's own are closed to it), as
    the harness's root: its benchmarks/ holds the benchmarks of these tests."""
    root = Path(tempfile.mkdtemp(prefix="skinpro-harness-"))
    root.chmod(0o755)
    (root / "benchmarks").mkdir()
    (root / "clusters").mkdir()
    yield root
    for data in (root / "clusters").glob("*/data"):
        if (data / "postmaster.pid").exists():  # a failed test: stop it anyway
            as_postgres = ["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0)
            subprocess.run(
                [*as_postgres, pg_bindir / "pg_ctl", "stop", "-m", "fast", "-D", data],
                cwd="/",
                capture_output=True,
                check=False,
            )
    shutil.rmtree(root, ignore_errors=True)


# Connects as the Odoo configuration the harness wrote says, with psql of the
# harness's PostgreSQL, and tells what of the caller's environment it sees.
PROBE_BENCHMARK = """
import configparser, os, subprocess, sys
config = configparser.ConfigParser()
config.read(sys.argv[sys.argv.index("-c") + 1])
options = config["options"]
database = sys.argv[sys.argv.index("-d") + 1]
answer = subprocess.run(
    [os.path.join(os.environ["PG_BINDIR"], "psql"), "-h", options["db_host"],
     "-p", options["db_port"], "-U", options["db_user"], "-d", "postgres", "-Atc",
     "SELECT current_setting('search_path'), count(*) FROM pg_database"
     " WHERE datname = '%s'" % database],
    capture_output=True, text=True, check=True,
).stdout.strip()
seen = sorted(k for k in os.environ if k.startswith(("PG", "ODOO_", "XDG_")))
print("probe:", answer, " ".join(seen))
"""


def test_a_benchmark_runs_on_the_harness_cluster_whatever_the_shell_says(
    tmp_path, pg_bindir, bench_root
):
    (bench_root / "benchmarks" / "probe.py").write_text(PROBE_BENCHMARK)
    result, _cache = run_skinpro(
        ["bench", "probe"],
        tmp_path,
        {
            "root": str(bench_root),
            "python": sys.executable,
            "clusters": str(bench_root / "clusters"),
        },
        PG_BINDIR=str(pg_bindir),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The demo's cluster answered, with its own settings, not PGOPTIONS's; the
    # benchmark saw PG_BINDIR, as the harness resolved it, and nothing else.
    assert '"$user", public' in result.stdout
    assert "probe: " in result.stdout and result.stdout.rstrip().endswith(
        "PG_BINDIR"
    ), result.stdout
    # bench started the demo's cluster: it stopped it.
    assert not (bench_root / "clusters" / "demo" / "data" / "postmaster.pid").exists()


# Starts a server as the benchmarks do (replica.OdooServer: its own session, so
# Ctrl-C does not reach it), an HTTP server answering /web/login standing for Odoo.
SERVER_BENCHMARK = """
import os, sys, time
sys.path.insert(0, {benchmarks!r})
from replica import OdooServer, stop_on_signals

stop_on_signals()
www, port, pidfile = sys.argv[-3:]
server = OdooServer("unused.conf", "db", int(port), os.path.join(www, "odoo.log"))
server.cmd = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
              "--directory", www, port]
try:
    server.start(timeout=60)
    with open(pidfile, "w") as out:
        out.write(str(server.process.pid))
    time.sleep(120)
finally:
    server.stop()
"""


def running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is no running server: its parent has not reaped it yet.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.parametrize(
    "stop, status",
    [
        # Ctrl-C: a SIGINT to the shell's process group of the command.
        (lambda harness: os.killpg(harness.pid, signal.SIGINT), 130),
        # `kill`: a SIGTERM to the harness alone.
        (lambda harness: os.kill(harness.pid, signal.SIGTERM), 143),
    ],
    ids=["ctrl-c", "kill"],
)
def test_a_stopped_benchmark_stops_its_server_and_the_cluster(
    tmp_path, pg_bindir, bench_root, stop, status
):
    www = bench_root / "www"
    (www / "web").mkdir(parents=True)
    (www / "web" / "login").write_text("login")
    (bench_root / "benchmarks" / "server.py").write_text(
        SERVER_BENCHMARK.format(benchmarks=str(BENCHMARKS))
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    pidfile = bench_root / "server.pid"
    (tmp_path / "cache").mkdir()
    launcher = tmp_path / "launcher.py"
    launcher.write_text(LAUNCHER.format(skinpro=str(SKINPRO)))
    patches = {
        "cache": str(tmp_path / "cache"),
        "root": str(bench_root),
        "python": sys.executable,
        "clusters": str(bench_root / "clusters"),
    }
    env = poisoned_environment(tmp_path)
    env["PG_BINDIR"] = str(pg_bindir)
    # In its own process group, as a shell runs a command.
    harness = subprocess.Popen(
        [sys.executable, launcher, json.dumps(patches), "bench", "server"]
        + [str(www), str(port), str(pidfile)],
        env=env,
        process_group=0,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        if not wait_for(pidfile.exists, 60):
            os.killpg(harness.pid, signal.SIGKILL)
            pytest.fail("the benchmark did not start: " + harness.communicate()[0])
        time.sleep(0.5)
        server = int(pidfile.read_text())
        assert running(server)
        postmaster = bench_root / "clusters" / "demo" / "data" / "postmaster.pid"
        assert postmaster.exists()
        stop(harness)
        output, _ = harness.communicate(timeout=60)
    finally:
        if harness.poll() is None:
            os.killpg(harness.pid, signal.SIGKILL)
    left_running = running(server)
    if left_running:  # not to leave it behind when the test fails
        os.kill(server, signal.SIGKILL)
    assert harness.returncode == status, output
    assert "interrupted, stopping what it started" in output
    assert not left_running, "the benchmark's server is still running"
    assert not postmaster.exists(), "the demo's cluster is still running"


@pytest.mark.parametrize(
    "line, problem",
    [
        ("2026-01-01 10:00:00,000 42 INFO db odoo.modules.loading: loading", False),
        ("2026-01-01 10:00:00,000 42 WARNING db odoo.models: field x", True),
        ("2026-01-01 10:00:00,000 42 ERROR db odoo.sql_db: bad query", True),
        ("2026-01-01 10:00:00,000 42 CRITICAL db odoo.service: failed", True),
        ("    a traceback line mentioning WARNING", False),
    ],
)
def test_install_log_check_flags_warnings_and_errors(harness, tmp_path, line, problem):
    log = tmp_path / "install.log"
    log.write_text(line + "\n")
    assert bool(harness.install_problems(log)) is problem


def test_odoo_tree_version_reads_release(harness, tmp_path):
    assert harness.odoo_tree_version(fake_odoo_tree(tmp_path / "o")) == (19, 0)
    assert harness.odoo_tree_version(tmp_path) is None
