# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo's own Point of Sale tests, run by Odoo's runner on the test database where
the addon is installed: the addon must leave Odoo's POS working as it does without
it. A subset that runs in a few minutes: Odoo's basic POS configuration
(`TestPoSBasicConfig`, whole) and the front desk's everyday tours of `TestUi`
(an order, the product, payment and receipt screens, the receipt by email)."""

import re
import socket
import subprocess
import sys

import pytest

TAGS = (
    "/point_of_sale:TestPoSBasicConfig",
    "/point_of_sale:TestUi.test_01_pos_basic_order",
    "/point_of_sale:TestUi.test_product_screen_tour",
    "/point_of_sale:TestUi.test_payment_screen_tour",
    "/point_of_sale:TestUi.test_receipt_screen_tour",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_odoo_point_of_sale_tests_pass_with_the_addon_installed(
    request, tmp_path, harness
):
    database = request.config.getoption("--odoo-database", None)
    if not database or not request.config.getoption("--odoo-http", False):
        pytest.skip(
            "needs Odoo 19.0, PostgreSQL and Chromium: run ./skinpro test with "
            "ODOO_SRC set to an Odoo 19.0 source tree (or after ./skinpro demo)"
        )
    log = tmp_path / "odoo_pos_tests.log"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            request.config.getoption("--odoo-config"),
            "-d",
            database,
            "--test-tags",
            ",".join(TAGS),
            "--stop-after-init",
            "--http-port",
            str(free_port()),
            "--logfile",
            str(log),
        ],
        # The configuration's database, whatever PG* or ODOO_RC the shell holds.
        env=harness.child_env(),
        check=False,
        timeout=1200,
    )
    text = log.read_text()
    result = re.search(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", text)
    failures = "\n".join(
        line for line in text.splitlines() if " ERROR " in line or " FAIL" in line
    )
    assert run.returncode == 0 and result, failures or text[-3000:]
    failed, errors, total = map(int, result.groups())
    assert (failed, errors) == (0, 0), failures
    assert total >= 20, f"only {total} of Odoo's POS tests ran"
