# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Installs the addon into Odoo's `odoo.addons` namespace: after `pip install .` next
to an Odoo 19.0, Odoo finds `skinpro_needling` without --addons-path."""

import ast
from pathlib import Path

from setuptools import setup

ADDON = "skinpro_needling"
HERE = Path(__file__).resolve().parent
MANIFEST = ast.literal_eval((HERE / ADDON / "__manifest__.py").read_text())


def addon_packages():
    """The addon's Python packages and, per package, its other files (data, views,
    static assets), so that the installed addon is complete."""
    packages, package_data = [], {}
    for init in sorted((HERE / ADDON).rglob("__init__.py")):
        relative = init.parent.relative_to(HERE)
        packages.append("odoo.addons." + ".".join(relative.parts))
    for package in packages:
        folder = HERE / Path(*package.split(".")[2:])
        # Its files, but not those of the packages inside it.
        inner = {
            sub
            for sub in (HERE / Path(*p.split(".")[2:]) for p in packages)
            if folder in sub.parents
        }
        files = [
            str(path.relative_to(folder))
            for path in folder.rglob("*")
            if path.is_file()
            and path.suffix not in (".py", ".pyc")
            and not any(sub in path.parents for sub in inner)
        ]
        if files:
            package_data[package] = files
    return packages, package_data


packages, package_data = addon_packages()

setup(
    name=f"odoo-addon-{ADDON}",
    version=MANIFEST["version"],
    description=MANIFEST["summary"],
    author=MANIFEST["author"],
    license="LGPL-3.0-or-later",
    url=MANIFEST["website"],
    python_requires=">=3.10",
    packages=packages,
    package_dir={p: str(Path(*p.split(".")[2:])) for p in packages},
    package_data=package_data,
    extras_require={
        "test": [
            *filter(None, (HERE / "requirements-test.txt").read_text().splitlines()),
            "psycopg2>=2.9",
        ]
    },
    classifiers=[
        "Framework :: Odoo",
        "Framework :: Odoo :: 19.0",
        "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
        "Programming Language :: Python :: 3",
    ],
    zip_safe=False,
)
