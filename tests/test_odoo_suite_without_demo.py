# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The addon's whole Odoo suite, as OCA's CI runs it: Odoo's own runner on a fresh
database installed WITHOUT demo data (Odoo 19.0's default), in the test cluster.
Each test builds what it needs; the tests whose subject is the demo skip. The
install log has no WARNING or ERROR line there either."""

import re
import socket
import subprocess
import sys

import pytest

MINIMUM_TESTS = 170
# The install, then the suite: about twenty minutes on two busy cores.
INSTALL_TIMEOUT = 900
SUITE_TIMEOUT = 3600
LOGGED = re.compile(r"^\d{4}-\d\d-\d\d \S+ \d+ (\w+) ")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def failing_lines(text, limit=200):
    """The ERROR and CRITICAL lines of an Odoo log, each with the traceback
    that follows it."""
    kept, inside = [], False
    for line in text.splitlines():
        logged = LOGGED.match(line)
        if logged:
            inside = logged[1] in ("ERROR", "CRITICAL")
        if inside:
            kept.append(line)
    return "\n".join(kept[:limit])


def odoo(config, database, log, *args, timeout):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            config,
            "-d",
            database,
            *args,
            "--stop-after-init",
            "--http-port",
            str(free_port()),
            "--logfile",
            str(log),
        ],
        check=False,
        timeout=timeout,
    )


@pytest.fixture
def database_without_demo(request):
    """A database name of its own in the test cluster, dropped afterwards."""
    database = request.config.getoption("--odoo-database", None)
    if not database or not request.config.getoption("--odoo-http", False):
        pytest.skip(
            "needs Odoo 19.0, PostgreSQL and Chromium: run ./skinpro test with "
            "ODOO_SRC set to an Odoo 19.0 source tree (or after ./skinpro demo)"
        )
    config = request.config.getoption("--odoo-config")
    name = f"{database}_without_demo"
    drop = [sys.executable, "-m", "odoo", "db", "-c", config, "drop", name]
    subprocess.run(drop, check=False, capture_output=True, timeout=300)
    yield config, name
    subprocess.run(drop, check=False, capture_output=True, timeout=300)


def test_odoo_runner_passes_every_test_on_a_database_without_demo(
    database_without_demo, tmp_path, harness
):
    config, database = database_without_demo
    # Odoo creates the database and installs the addon, without demo data.
    install_log = tmp_path / "install_without_demo.log"
    run = odoo(
        config, database, install_log, "-i", "skinpro_needling", timeout=INSTALL_TIMEOUT
    )
    install = install_log.read_text(errors="replace")
    problems = harness.install_problems(install_log)
    assert run.returncode == 0 and "Modules loaded." in install, install[-3000:]
    assert problems == [], "\n".join(problems[:20])
    # The whole suite, through Odoo's runner.
    log = tmp_path / "tests_without_demo.log"
    run = odoo(
        config,
        database,
        log,
        "--test-enable",
        "--test-tags",
        "/skinpro_needling",
        timeout=SUITE_TIMEOUT,
    )
    text = log.read_text(errors="replace")
    result = re.search(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", text)
    failures = failing_lines(text)
    assert result, failures or text[-3000:]
    failed, errors, total = map(int, result.groups())
    assert (failed, errors) == (0, 0), failures
    assert run.returncode == 0, failures or text[-3000:]
    assert total >= MINIMUM_TESTS, f"only {total} of the addon's tests ran"
