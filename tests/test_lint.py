# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""OCA's 19.0 checks are clean on the whole tree: pre-commit runs the hooks of
.pre-commit-config.yaml (oca-checks-odoo-module, oca-checks-po, pylint-odoo's mandatory
set failing and its optional set reported, ruff, the pre-commit-hooks checks, prettier,
eslint), offline, from the tools installed for the tests: the Python ones in this
environment, prettier and eslint where ./skinpro put them (SKINPRO_NODE_MODULES).
pre-commit looks at the files git tracks: `git add` a new file before the run."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_HOOKS = ("prettier", "eslint")
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
NODE_MODULES = Path(
    os.environ.get("SKINPRO_NODE_MODULES")
    or CACHE / "skinpro_needling" / "19.0" / "node" / "node_modules"
)


@pytest.fixture(scope="module")
def pre_commit(tmp_path_factory):
    """Runs `pre-commit run [HOOK] --all-files`; returns its exit code and output."""
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit checks the files of a git checkout; this is none")
    home = tmp_path_factory.mktemp("pre-commit")
    path = [str(Path(sys.executable).parent), str(NODE_MODULES / ".bin")]
    env = dict(
        os.environ,
        PATH=os.pathsep.join([*path, os.environ.get("PATH", "")]),
        # prettier.config.cjs and eslint.config.cjs require their plugins by name
        NODE_PATH=str(NODE_MODULES),
        PRE_COMMIT_HOME=str(home),
        PRE_COMMIT_COLOR="never",
    )

    def run(*hook, skip=()):
        cmd = [sys.executable, "-m", "pre_commit", "run", *hook, "--all-files"]
        result = subprocess.run(
            cmd,
            cwd=ROOT,
            env=dict(env, SKIP=",".join(skip)),
            capture_output=True,
            text=True,
            check=False,
        )
        return result.returncode, result.stdout + result.stderr

    return run


def node_tools_missing():
    """Why prettier and eslint cannot run here, or None."""
    if not shutil.which("node"):
        return "node is not installed"
    if not (NODE_MODULES / ".bin" / "prettier").exists():
        return (
            f"prettier and eslint are not in {NODE_MODULES}: ./skinpro test installs "
            "them with npm"
        )
    return None


def test_oca_python_and_odoo_checks_are_clean(pre_commit):
    code, output = pre_commit(skip=NODE_HOOKS)
    print(output)  # pylint-odoo's optional checks are reported here, not failing
    assert code == 0, output


@pytest.mark.parametrize("hook", NODE_HOOKS)
def test_oca_javascript_and_xml_checks_are_clean(pre_commit, hook):
    reason = node_tools_missing()
    if reason:
        pytest.skip(reason)
    code, output = pre_commit(hook)
    assert code == 0, output


def test_readme_and_index_are_generated_from_the_fragments():
    cmd = [
        sys.executable,
        "tools/gen_addon_readme.py",
        "--addons-dir=.",
        "--branch=19.0",
        "--org-name=skinpro-studio",
        "--repo-name=skinpro_needling",
        "--check",
    ]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        result.stderr + "write them with the same command without --check"
    )


def test_the_mandatory_pylint_set_fails_on_a_finding(tmp_path):
    """The blocking run is blocking: an untranslated-through-env string in an addon
    file fails .pylintrc-mandatory."""
    addon = tmp_path / "skinpro_probe"
    addon.mkdir()
    (addon / "__init__.py").write_text("")
    (addon / "__manifest__.py").write_text(
        '{"name": "Probe", "version": "19.0.1.0.0", "license": "LGPL-3",'
        ' "author": "SkinPro Studio", "website": "https://example.com",'
        ' "development_status": "Beta", "maintainers": ["skinpro-studio"]}\n'
    )
    (addon / "probe.py").write_text(
        "from odoo import _, models\n\n\n"
        "class Probe(models.Model):\n"
        '    _name = "skinpro.probe"\n'
        '    _description = "Probe"\n\n'
        "    def message(self):\n"
        '        return _("A message")\n'
    )
    cmd = [
        sys.executable,
        "-m",
        "pylint",
        f"--rcfile={ROOT / '.pylintrc-mandatory'}",
        "--output-format=text",
        str(addon / "probe.py"),
    ]
    result = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "prefer-env-translation" in result.stdout
