# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""19.0.1.1.0 carries a database of 19.0.1.0.0 over: a recall's chain-wide lists
of clients and sessions are split onto its studio lines, consumption transfers
lose their client, and the clinical records' reads open to break-glass."""

import importlib.util
from pathlib import Path

from odoo.tests import tagged
from odoo.tools import SQL, sql

from .privacy_common import PrivacyCase

SCRIPTS = Path(__file__).parent.parent / "migrations" / "19.0.1.1.0"
# 19.0.1.0.0's tables: (table, recall column, other column, 19.0.1.1.0 table)
LEGACY = [
    (
        "res_partner_skinpro_recall_rel",
        "res_partner_id",
        "skinpro_recall_studio_partner_rel",
        "partner_id",
    ),
    (
        "skinpro_recall_session_rel",
        "skinpro_treatment_session_id",
        "skinpro_recall_studio_session_rel",
        "session_id",
    ),
    (
        "skinpro_recall_held_session_rel",
        "skinpro_treatment_session_id",
        "skinpro_recall_studio_held_session_rel",
        "session_id",
    ),
]
READ_RULES = [
    "rule_screening_company",
    "rule_screening_answer_company",
    "rule_screening_clearance_company",
    "rule_treatment_session_company",
    "rule_session_depth_company",
]


def run(script, cr):
    spec = importlib.util.spec_from_file_location(script, SCRIPTS / f"{script}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(cr, "19.0.1.0.0")


@tagged("post_install", "-at_install")
class TestMigrationPrivacy(PrivacyCase):
    def lines(self):
        self.env.invalidate_all()
        return {
            line.company_id.id: (
                line.partner_ids.ids,
                line.session_ids.ids,
                line.held_session_ids.ids,
            )
            for line in self.recall.sudo().studio_ids
        }

    def test_a_database_of_19_0_1_0_0_is_carried_over(self):
        self.treat_client_a()
        expected = self.lines()
        self.assertIn(self.studio_a.id, expected)
        cr = self.env.cr
        self.env.flush_all()
        # 19.0.1.0.0 as it was: the lists on the recall, the client's name on
        # the consumption transfer, the studio rules holding the reads.
        for legacy, column, table, new_column in LEGACY:
            cr.execute(
                SQL(
                    "CREATE TABLE %(legacy)s (skinpro_recall_id int, %(column)s int);"
                    " INSERT INTO %(legacy)s SELECT line.recall_id, rel.%(new)s"
                    "   FROM %(table)s rel JOIN skinpro_recall_studio line"
                    "     ON line.id = rel.recall_studio_id;"
                    " DELETE FROM %(table)s",
                    legacy=SQL.identifier(legacy),
                    column=SQL.identifier(column),
                    table=SQL.identifier(table),
                    new=SQL.identifier(new_column),
                )
            )
        picking = self.session_a.consumption_picking_id
        cr.execute(
            "UPDATE stock_picking SET origin = %s, partner_id = %s WHERE id = %s",
            [self.session_a.name, self.client_a.id, picking.id],
        )
        rules = self.env["ir.rule"].browse(
            self.env.ref(f"skinpro_needling.{xmlid}").id for xmlid in READ_RULES
        )
        rules.perm_read = True
        self.env.flush_all()
        self.assertNotEqual(self.lines(), expected)

        run("pre-migrate", cr)
        # What the update does between the two: the tables and views made anew.
        self.env["skinpro.report.session.month"].init()
        run("post-migrate", cr)

        self.assertEqual(self.lines(), expected)
        for legacy, *_rest in LEGACY:
            self.assertFalse(sql.table_exists(cr, legacy))
        picking.invalidate_recordset()
        self.assertEqual(picking.origin, f"SESSION/{self.session_a.id}")
        self.assertFalse(picking.partner_id)
        rules.invalidate_recordset()
        self.assertEqual(set(rules.mapped("perm_read")), {False})
