# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""`pip install .` puts the addon into the odoo.addons namespace, where Odoo finds it
without --addons-path."""

import ast
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_pip_install_makes_the_addon_visible_to_odoo(odoo_python, tmp_path, harness):
    target = tmp_path / "site"
    subprocess.run(
        [odoo_python, "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-build-isolation", "--target", str(target), str(ROOT)],
        check=True,
    )  # fmt: skip
    installed = target / "odoo" / "addons" / "skinpro_needling"
    parts = (
        "__manifest__.py",
        "models/res_company.py",
        "security/ir.model.access.csv",
        "demo/skinpro_chain_demo.xml",
        "demo/history.py",
        "report/skinpro_studio_month_report.xml",
        "wizards/skinpro_depth_breach_review_views.xml",
        "static/description/icon.png",
        "tests/common.py",
    )
    for part in parts:
        assert (installed / part).is_file(), part
    probe = (
        "from odoo.tools import config; config.parse_config([]); "
        "from odoo.modules.module import get_module_path, get_manifest; "
        "print(get_module_path('skinpro_needling')); "
        "print(get_manifest('skinpro_needling')['version'])"
    )
    # Odoo's own tree goes on the path as a plain directory, as a regular install has
    # it, so that its `odoo` package is the one the installed addon lands in.
    where = "import odoo, os; print(os.path.dirname(odoo.__path__[0]))"
    odoo_root = subprocess.run(
        [odoo_python, "-c", where],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # Odoo's defaults, whatever ODOO_RC or PG* the shell holds.
    env = harness.child_env(PYTHONPATH=os.pathsep.join([str(target), odoo_root]))
    out = subprocess.run(
        [odoo_python, "-c", probe], env=env, cwd=tmp_path,
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    manifest = ast.literal_eval(
        (ROOT / "skinpro_needling" / "__manifest__.py").read_text()
    )
    assert out == [str(installed), manifest["version"]]
