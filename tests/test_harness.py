# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The set-up and test commands refuse bad input with one line that says what to do,
a non-zero exit, and nothing left behind."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_skinpro(args, tmp_path, **env):
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    environ = {
        k: v for k, v in os.environ.items() if k not in ("ODOO_SRC", "PG_BINDIR")
    }
    environ.update(XDG_CACHE_HOME=str(cache), **env)
    result = subprocess.run(
        [sys.executable, str(ROOT / "skinpro"), *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
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


def test_an_odoo_remembered_for_another_series_is_never_used(tmp_path):
    # What an 18.0 set-up left in the cache: its remembered tree, at the cache's
    # top, and (as a stale copy) in 19.0's own place.
    odoo18 = fake_odoo_tree(tmp_path / "odoo18", "(18, 0, 0, FINAL, 0)")
    cache = tmp_path / "cache" / "skinpro_needling"
    (cache / "19.0").mkdir(parents=True)
    (cache / "odoo_src").write_text(f"{odoo18}\n")
    (cache / "19.0" / "odoo_src").write_text(f"{odoo18}\n")
    probe = (
        "import importlib.machinery as m, importlib.util as u; "
        f"loader = m.SourceFileLoader('h', {str(ROOT / 'skinpro')!r}); "
        "h = u.module_from_spec(u.spec_from_loader('h', loader)); "
        "loader.exec_module(h); h.importable_odoo = lambda *a: None; "
        "print(h.CACHE, h.find_odoo(download=False))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == f"{cache / '19.0'} None"
    assert "no Odoo 19.0 tree any more" in result.stdout


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
