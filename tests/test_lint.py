# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""ruff and pylint-odoo's mandatory checks (OCA 19.0 configuration) are clean."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*args):
    result = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_ruff_check_is_clean():
    code, output = run_tool("ruff", "check", "--no-cache", ".")
    assert code == 0, output


def test_ruff_format_is_clean():
    code, output = run_tool("ruff", "format", "--no-cache", "--check", ".")
    assert code == 0, output


def test_pylint_odoo_mandatory_checks_are_clean():
    code, output = run_tool(
        "pylint", "--rcfile=.pylintrc", "--output-format=text", "skinpro_needling"
    )
    assert code == 0, output
