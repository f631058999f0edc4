# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A chain that runs the last release upgrades to this tree and loses nothing.

The last release is the highest `19.0.*` tag reachable from HEAD. In a clone without
tags, it is the last commit before the manifest took the version of the newest
`migrations/` folder; with no migrations at all, HEAD's own version is the release
being prepared, and HEAD is upgraded to the working tree.

The release's addon (`git archive`) is installed with its demo data (a year of the
chain's history) on a fresh database of the test cluster; its figures are read; the
working tree's addon upgrades it (`-u`); the figures must be the same, and the
upgrade's log free of WARNING and ERROR lines. A release whose stored fields differ
from this tree's needs a higher manifest version and its `migrations/<version>/`."""

import ast
import configparser
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDON = "skinpro_needling"
SERIES = "19.0"
MANIFEST = f"{ADDON}/__manifest__.py"
# The chain's data an upgrade must keep, and the chain dashboard's monthly figures.
FIGURES = (
    "skinpro_treatment_session",
    "skinpro_screening",
    "skinpro_screening_answer",
    "stock_lot",
    "skinpro_recall",
    "stock_quant",
    "skinpro_report_session_month",
)
# What an upgrade may change on a row without changing its data.
UNCOMPARED_COLUMNS = {"write_date", "write_uid"}
# A report view's rows are figures, not records: their ids may change, and a release
# may add rows of new figures beside the ones compared (the dashboard's service
# rows carry no session).
VIEW_ROWS = {
    "skinpro_report_session_month": ("id", "session_count > 0"),
}


def version(text):
    return tuple(int(part) for part in text.split("."))


def git(*args, root=ROOT):
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout


def manifest_version(ref=None, root=ROOT):
    """The manifest's version at `ref`, or in the working tree."""
    if ref:
        text = git("show", f"{ref}:{MANIFEST}", root=root)
    else:
        text = (root / MANIFEST).read_text()
    return ast.literal_eval(text)["version"]


def migration_versions(ref=None, root=ROOT):
    """The versions of the migrations/ folders at `ref`, or in the working tree."""
    if ref:
        tree = f"{ref}:{ADDON}/migrations"
        names = git("ls-tree", "--name-only", tree, root=root).split()
    else:
        folder = root / ADDON / "migrations"
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    return sorted(
        (n for n in names if n.startswith(f"{SERIES}.")), key=version, reverse=True
    )


def last_release(root=ROOT):
    """(git ref, its version, how it was found) of the last release."""
    tags = [
        tag
        for tag in git(
            "tag", "--merged", "HEAD", "--list", f"{SERIES}.*", root=root
        ).split()
        if all(part.isdigit() for part in tag.split("."))
    ]
    if tags:
        tag = max(tags, key=version)
        return tag, manifest_version(tag, root), f"tag {tag}"
    try:
        migrations = migration_versions("HEAD", root)
    except subprocess.CalledProcessError:
        migrations = []
    if not migrations:
        # No migration yet: HEAD carries the first release.
        found = "HEAD (no tag, no migration yet)"
        return "HEAD", manifest_version("HEAD", root), found
    newest = version(migrations[0])
    bump = None
    for commit in git("log", "--format=%H", "HEAD", "--", MANIFEST, root=root).split():
        if version(manifest_version(commit, root)) < newest:
            if bump:
                ref = f"{bump}^"
                return ref, manifest_version(ref, root), f"{ref} (no tag)"
            break
        bump = commit
    pytest.fail(
        f"no release of {ADDON} found: no {SERIES}.* tag reachable from HEAD and no "
        f"commit before the version {migrations[0]} of the newest migration; fetch "
        "the tags (git fetch --tags)"
    )


class Database:
    """A database of the test cluster, reached as the Odoo configuration does."""

    def __init__(self, config, name):
        # The test extra brings it where Odoo runs; the tests without Odoo never do.
        import psycopg2

        self.psycopg2 = psycopg2
        options = configparser.ConfigParser()
        options.read(config)
        section = options["options"]
        self.params = {
            key: section.get(f"db_{key}")
            for key in ("host", "port", "user", "password")
            if section.get(f"db_{key}") not in (None, "", "False")
        }
        self.name = name

    def execute(self, dbname, sql, params=None):
        """The rows of `sql` on `dbname`, each statement committed on its own."""
        connection = self.psycopg2.connect(dbname=dbname, **self.params)
        connection.autocommit = True
        try:
            with connection.cursor() as cr:
                cr.execute(sql, params)
                return cr.fetchall() if cr.description else []
        finally:
            connection.close()

    def create(self):
        self.drop()
        self.execute(
            "postgres",
            f"CREATE DATABASE \"{self.name}\" ENCODING 'UTF8' TEMPLATE template0",
        )

    def drop(self):
        self.execute("postgres", f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def query(self, sql, params=None):
        return self.execute(self.name, sql, params)

    def columns(self, table):
        return [
            name
            for (name,) in self.query(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s ORDER BY ordinal_position",
                (table,),
            )
            if name not in UNCOMPARED_COLUMNS
        ]

    def figures(self, columns):
        """{table: (rows, digest of the given columns of every row)}."""
        figures = {}
        for table, names in columns.items():
            row_id, where = VIEW_ROWS.get(table, (None, "TRUE"))
            listed = ", ".join(f'"{name}"' for name in names if name != row_id)
            figures[table] = self.query(
                "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text))"
                f' FROM (SELECT {listed} FROM "{table}" WHERE {where}) t'
            )[0]
        return figures

    def stored_fields(self):
        """{(model, field, type)} of the fields the addon declares, stored in a
        table (not an abstract model's, nor a report's view)."""
        return set(
            self.query(
                "SELECT f.model, f.name, f.ttype FROM ir_model_fields f"
                " JOIN ir_model_data d ON d.model = 'ir.model.fields'"
                " AND d.res_id = f.id AND d.module = %s"
                " JOIN pg_class c ON c.relname = replace(f.model, '.', '_')"
                " AND c.relkind = 'r' WHERE f.store",
                (ADDON,),
            )
        )


def odoo(config, addons_root, database, log, *args):
    """Odoo on `database` with the addon from `addons_root`; its log."""
    options = configparser.ConfigParser()
    options.read(config)
    odoo_paths = [
        path
        for path in options["options"]["addons_path"].split(",")
        if path and not (Path(path) / ADDON / "__manifest__.py").exists()
    ]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            config,
            "-d",
            database,
            "--addons-path",
            ",".join([*odoo_paths, str(addons_root)]),
            "--stop-after-init",
            "--no-http",
            "--logfile",
            str(log),
            *args,
        ],
        check=False,
        timeout=1800,
    )
    text = log.read_text(errors="replace")
    assert run.returncode == 0 and "Modules loaded." in text, text[-3000:]
    return log


@pytest.fixture(scope="module")
def upgrade(request, harness, tmp_path_factory):
    config = request.config.getoption("--odoo-config", None)
    if not config or not request.config.getoption("--odoo-database", None):
        pytest.skip(
            "needs Odoo 19.0 and PostgreSQL: run ./skinpro test with ODOO_SRC set to "
            "an Odoo 19.0 source tree (or after ./skinpro demo)"
        )
    if not (ROOT / ".git").exists():
        pytest.fail(f"{ROOT} is no git clone: the last release cannot be read")
    ref, release_version, found = last_release()
    tmp = tmp_path_factory.mktemp("release")
    archive = tmp / "release.tar"
    git("archive", "--format=tar", "-o", str(archive), ref, ADDON)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp / "addons", filter="data")
    database = Database(config, f"skinpro_upgrade_{os.getpid()}")
    try:
        database.create()
        odoo(
            config,
            tmp / "addons",
            database.name,
            tmp / "install.log",
            "-i",
            ADDON,
            "--with-demo",
        )
        columns = {table: database.columns(table) for table in FIGURES}
        before = database.figures(columns)
        fields_before = database.stored_fields()
        upgrade_log = odoo(
            config, ROOT, database.name, tmp / "upgrade.log", "-u", ADDON
        )
        yield {
            "release": (found, release_version),
            "before": before,
            "after": database.figures(columns),
            "fields_before": fields_before,
            "fields_after": database.stored_fields(),
            "problems": harness.install_problems(upgrade_log),
        }
    finally:
        database.drop()
        shutil.rmtree(tmp / "addons", ignore_errors=True)


def test_the_upgrade_keeps_every_figure(upgrade):
    before, after = upgrade["before"], upgrade["after"]
    # A year of history: the comparison below could fail.
    assert before["skinpro_treatment_session"][0] > 300, before
    assert before["skinpro_report_session_month"][0] > 12, before
    changed = {t: (before[t], after[t]) for t in FIGURES if before[t] != after[t]}
    assert not changed, f"upgrading {upgrade['release']} changed {changed}"


def test_the_upgrade_log_has_no_warning_or_error(upgrade):
    assert upgrade["problems"] == []


def test_a_change_of_stored_data_bumps_the_version_with_its_migration(upgrade):
    found, release_version = upgrade["release"]
    added = upgrade["fields_after"] - upgrade["fields_before"]
    removed = upgrade["fields_before"] - upgrade["fields_after"]
    if not (added or removed):
        return
    head_version = manifest_version()
    assert version(head_version) > version(release_version), (
        f"stored fields differ from the release ({found}, {release_version}): "
        f"added {sorted(added)}, removed {sorted(removed)}; raise the manifest's "
        f"version (now {head_version}) and add migrations/<version>/"
    )
    assert head_version in migration_versions(), (
        f"stored fields differ from the release ({found}): added {sorted(added)}, "
        f"removed {sorted(removed)}; add {ADDON}/migrations/{head_version}/ "
        "(pre-migrate.py / post-migrate.py)"
    )


def test_the_last_release_is_the_highest_tag_or_the_commit_before_a_migration(
    tmp_path,
):
    def commit(version_text, migration=None, tag=None):
        manifest = tmp_path / MANIFEST
        manifest.parent.mkdir(exist_ok=True)
        manifest.write_text(repr({"name": "x", "version": version_text}))
        if migration:
            folder = tmp_path / ADDON / "migrations" / migration
            folder.mkdir(parents=True)
            (folder / "post-migrate.py").write_text("def migrate(cr, version):\n")
        git("add", "-A", root=tmp_path)
        git("commit", "--allow-empty", "-qm", version_text, root=tmp_path)
        if tag:
            git("tag", tag, root=tmp_path)
        return git("rev-parse", "HEAD", root=tmp_path).strip()

    git("init", "-q", root=tmp_path)
    git("config", "user.email", "ci@example.com", root=tmp_path)
    git("config", "user.name", "CI", root=tmp_path)
    first = commit("19.0.1.0.0")
    # Before any tag or migration, HEAD is the release being prepared.
    assert last_release(tmp_path)[:2] == ("HEAD", "19.0.1.0.0")
    commit("19.0.1.0.0")
    commit("19.0.1.1.0", migration="19.0.1.1.0")
    commit("19.0.1.1.0")
    # Without tags: the commit before the manifest took the newest migration's.
    ref, found_version, _how = last_release(tmp_path)
    assert found_version == "19.0.1.0.0"
    assert git("rev-parse", ref, root=tmp_path).strip() != first
    assert git("show", "-s", "--format=%s", ref, root=tmp_path).strip() == (
        "19.0.1.0.0"
    )
    # With tags: the highest reachable from HEAD.
    git("tag", "19.0.1.0.0", first, root=tmp_path)
    git("tag", "18.0.3.0.0", first, root=tmp_path)
    assert last_release(tmp_path)[:2] == ("19.0.1.0.0", "19.0.1.0.0")
    git("tag", "19.0.1.1.0", root=tmp_path)
    git("checkout", "-q", "-b", "old", first, root=tmp_path)
    assert last_release(tmp_path)[:2] == ("19.0.1.0.0", "19.0.1.0.0")
