# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The addon installed with its demo data, and its install log is free of WARNING and
ERROR lines (OCA CI's rule)."""

import os
from pathlib import Path

import pytest


def test_install_log_has_no_warning_or_error(harness):
    log = os.environ.get("SKINPRO_INSTALL_LOG")
    if not log:
        pytest.skip("no install was run: ./skinpro test runs one where Odoo 19.0 is")
    assert "Modules loaded." in Path(log).read_text(errors="replace")
    assert harness.install_problems(log) == []
