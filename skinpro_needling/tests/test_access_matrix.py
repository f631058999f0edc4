# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The access matrix of docs/security.md is the one the code grants: computed here
for a user of each role, compared cell by cell with the document, and then
exercised on real records of the user's own studio."""

import re
from pathlib import Path

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SIGNATURE, ExampleChain, SkinproCase

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"

ROLES = {
    "front desk": "skinpro_needling.group_front_desk",
    "practitioner": "skinpro_needling.group_practitioner",
    "inventory": "skinpro_needling.group_inventory",
    "studio manager": "skinpro_needling.group_studio_manager",
    "chain manager": "skinpro_needling.group_chain_manager",
    "medical director": "skinpro_needling.group_skinpro_medical_director",
}
# Odoo's models the addon extends with health data or with the studio's work.
EXTENDED = ["crm.lead", "pos.order", "res.partner", "stock.lot"]
OPERATIONS = {"read": "r", "write": "w", "create": "c", "unlink": "u"}


def cell(model):
    return (
        "".join(letter for op, letter in OPERATIONS.items() if model.has_access(op))
        or "-"
    )


def matrix_rows(text):
    """{model: [cells]} of the access table of the document."""
    rows = {}
    for line in text.splitlines():
        found = re.match(r"\|\s*`([\w.]+)`\s*\|(.*)\|\s*$", line)
        if found:
            rows[found[1]] = [c.strip() for c in found[2].split("|")]
    return rows


@tagged("post_install", "-at_install")
class TestAccessMatrix(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: cls.studio_user(
                f"matrix_{role.replace(' ', '_')}", cls.studio_a, group
            )
            for role, group in ROLES.items()
        }

    def models(self):
        return (
            sorted(
                name
                for name, model in self.env.registry.items()
                if name.startswith("skinpro.") and not model._abstract
            )
            + EXTENDED
        )

    def code_matrix(self):
        return {
            model: [
                cell(self.env[model].with_user(user)) for user in self.users.values()
            ]
            for model in self.models()
        }

    def test_the_document_states_the_rights_the_code_grants(self):
        code = self.code_matrix()
        documented = matrix_rows(DOC.read_text())
        differences = [
            f"{model} / {role}: code {got!r}, document {want!r}"
            for model, cells in code.items()
            for role, got, want in zip(
                ROLES,
                cells,
                documented.get(model, ["(missing)"] * len(ROLES)),
                strict=True,
            )
            if got != want
        ] + [
            f"{model}: documented, not a model of the addon"
            for model in set(documented) - set(code)
        ]
        table = "\n".join(
            f"| `{model}` | " + " | ".join(cells) + " |"
            for model, cells in code.items()
        )
        self.assertFalse(
            differences,
            "docs/security.md differs from the code:\n"
            + "\n".join(differences)
            + "\n\nThe table as the code grants it:\n"
            + table,
        )
        # Every role, every model: the figure the note reports.
        self.assertEqual(len(code) * len(ROLES), sum(len(c) for c in code.values()))

    def test_health_records_obey_the_matrix_on_real_records(self):
        """Read, write and delete tried for real on a screening, its answers and
        clearance, and a session of the user's own studio."""
        screening = self.screening()
        clearance = self.env["skinpro.screening.clearance"].create(
            {
                "screening_id": screening.id,
                "physician": "Dr. Matrix",
                "contraindication_ids": self.contraindication("blood_thinner").ids,
                "expiry_date": fields.Date.add(fields.Date.today(), days=30),
                "document": SIGNATURE,
            }
        )
        treatment = self.env["product.product"].create(
            {
                "name": "Matrix treatment 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": treatment.id,
            }
        )
        records = {
            # Children first: deleting the screening takes its answers along.
            "skinpro.screening.answer": (screening.answer_ids[:1], {"answer": "no"}),
            "skinpro.screening.clearance": (clearance, {"physician": "Dr. Other"}),
            "skinpro.treatment.session": (session, {"note": "checked"}),
            "skinpro.screening": (screening, {"note": "checked"}),
        }
        code = self.code_matrix()
        self.env.flush_all()
        tried = 0
        for model, (record, values) in records.items():
            for (role, user), rights in zip(
                self.users.items(), code[model], strict=True
            ):
                for op in ("read", "write", "unlink"):
                    allowed = OPERATIONS[op] in rights
                    with self.subTest(model=model, role=role, op=op, allowed=allowed):
                        tried += 1
                        as_user = record.with_user(user)
                        call = {
                            "read": lambda r=as_user: r.read(["display_name"]),
                            "write": lambda r=as_user, v=values: r.write(v),
                            "unlink": lambda r=as_user: r.unlink(),
                        }[op]
                        with self.env.cr.savepoint() as savepoint:
                            if allowed:
                                call()
                                self.env.flush_all()
                            else:
                                with self.assertRaises(AccessError):
                                    call()
                            savepoint.rollback()
                            self.env.invalidate_all()
        self.assertEqual(tried, 4 * len(ROLES) * 3)

    def test_a_practitioner_opens_a_completed_session_with_its_lots(self):
        example = ExampleChain(self.env)
        slc = example.studio_salt_lake
        session = example.session_emma_done
        practitioner = self.studio_user(
            "matrix_slc_practitioner", slc, "skinpro_needling.group_practitioner"
        )
        # What the session's form reads: every field, the lots by name.
        form = session.with_user(practitioner).with_context(allowed_company_ids=slc.ids)
        fields_spec = {
            name: {"fields": {"display_name": {}}}
            if form._fields[name].relational
            else {}
            for name in form.get_views([(False, "form")])["models"][form._name][
                "fields"
            ]
        }
        [values] = form.web_read(fields_spec)
        self.assertEqual(
            {lot["display_name"] for lot in values["consumed_lot_ids"]},
            set(session.consumed_lot_ids.mapped("display_name")),
        )
        self.assertTrue(values["consumed_lot_ids"])
