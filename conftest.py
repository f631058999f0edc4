# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared by all tests. Where Odoo is not loaded (no pytest-odoo), the addon's Odoo
tests are listed one by one as skipped, with the reason, instead of failing to import
or vanishing."""

import ast
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

import pytest

ODOO_TESTS = Path(__file__).parent / "skinpro_needling" / "tests"
RULES = Path(__file__).parent / "skinpro_needling" / "rules"
SKIP_REASON = (
    "needs Odoo 19.0 and PostgreSQL: run ./skinpro test with ODOO_SRC set to an "
    "Odoo 19.0 source tree (or after ./skinpro demo)"
)


def load_rules():
    """The addon's plain-Python rules as package `skinpro_rules`, importable by the
    tests without Odoo (importing the addon itself needs Odoo)."""
    spec = importlib.util.spec_from_file_location(
        "skinpro_rules", RULES / "__init__.py", submodule_search_locations=[str(RULES)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["skinpro_rules"] = module
    spec.loader.exec_module(module)


load_rules()


def odoo_loaded(config):
    return config.pluginmanager.hasplugin("odoo") and bool(
        config.getoption("--odoo-database", None)
    )


class SkippedOdooTest(pytest.Item):
    def runtest(self):
        pytest.skip(SKIP_REASON)

    def reportinfo(self):
        return self.path, None, self.name


class OdooTestModule(pytest.File):
    """The test methods of an Odoo test module, read without importing it."""

    def collect(self):
        tree = ast.parse(self.path.read_text())
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name.startswith("test"):
                    yield SkippedOdooTest.from_parent(
                        self, name=f"{node.name}::{item.name}"
                    )


class OdooTestDirectory(pytest.Directory):
    def collect(self):
        for path in sorted(self.path.glob("test_*.py")):
            yield OdooTestModule.from_parent(self, path=path)


def pytest_collect_directory(path, parent):
    """Without Odoo, walk the addon as plain folders: importing it needs Odoo."""
    if odoo_loaded(parent.config):
        return None
    if path == ODOO_TESTS:
        return OdooTestDirectory.from_parent(parent, path=path)
    if path == ODOO_TESTS.parent:
        return pytest.Dir.from_parent(parent, path=path)
    return None


def load_harness():
    """The ./skinpro script as a module (it has no .py suffix)."""
    path = str(Path(__file__).parent / "skinpro")
    loader = importlib.machinery.SourceFileLoader("skinpro_harness", path)
    spec = importlib.util.spec_from_loader("skinpro_harness", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def harness():
    return load_harness()


@pytest.fixture
def odoo_python():
    """The interpreter running the tests, when it can import Odoo 19.0."""
    if importlib.util.find_spec("odoo") is None:
        pytest.skip(SKIP_REASON)
    return sys.executable
