# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a client may ask of the studio: their health record as one PDF, and that
screenings are not kept longer than the chain's retention period."""

import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SIGNATURE, ExampleChain, SkinproCase, table_digests, users_of

# What retention must leave exactly as it was.
KEPT = [
    "skinpro_treatment_session",
    "stock_picking",
    "stock_move",
    "stock_move_line",
    "stock_quant",
    "pos_order",
    "pos_order_line",
    "account_move",
    "account_move_line",
]


@tagged("post_install", "-at_install")
class TestClientRequests(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.example = ExampleChain(cls.env)
        cls.slc = cls.example.studio_salt_lake
        cls.session = cls.example.session_emma_done
        cls.client = cls.session.partner_id
        cls.users = users_of(
            cls.env,
            cls.slc,
            {
                "record_practitioner": "skinpro_needling.group_practitioner",
                "record_front_desk": "skinpro_needling.group_front_desk",
            },
        )

    def health_record(self, login):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.users[login])
            .with_context(allowed_company_ids=self.slc.ids)
            ._render_qweb_html("skinpro_needling.report_health_record", self.client.ids)
        )
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))

    def test_the_health_record_holds_screenings_sessions_and_referrals(self):
        screening = self.env["skinpro.screening"].search(
            [("partner_id", "=", self.client.id)], limit=1
        )
        self.assertTrue(screening)
        text = self.health_record("record_practitioner")
        self.assertIn(f"Health record: {self.client.name}", text)
        self.assertIn(screening.answer_ids[:1].question, text)
        self.assertIn(
            dict(screening._fields["outcome"].selection)[screening.outcome], text
        )
        self.assertIn(self.session.product_id.display_name, text)
        for lot in self.session.consumed_lot_ids:
            self.assertIn(lot.name, text)
        self.assertTrue(self.session.consumed_lot_ids)

    def test_the_front_desk_cannot_print_a_health_record(self):
        report = self.env.ref("skinpro_needling.action_report_skinpro_health_record")
        self.assertEqual(
            report.group_ids, self.env.ref("skinpro_needling.group_practitioner")
        )
        with self.assertRaises(AccessError):
            self.health_record("record_front_desk")

    def test_retention_archives_old_screenings_and_nothing_else(self):
        chain = self.slc.parent_id
        old = self.env["skinpro.screening"].create(
            {
                "partner_id": self.client.id,
                "company_id": self.slc.id,
                "consent_signature": SIGNATURE,
                "date": fields.Date.today() - relativedelta(years=3, days=1),
            }
        )
        old.answer_ids.write({"answer": "no"})
        old.action_confirm()
        recent = self.session.screening_id or self.env["skinpro.screening"].search(
            [("partner_id", "=", self.client.id), ("id", "!=", old.id)], limit=1
        )
        self.assertTrue(recent)
        before = table_digests(self.env, KEPT)

        chain.skinpro_retention_years = 0
        self.env["skinpro.screening"]._cron_archive_past_retention()
        self.assertTrue(old.active, "0 years keeps every screening")

        chain.skinpro_retention_years = 3
        cron = self.env.ref("skinpro_needling.ir_cron_skinpro_screening_retention")
        with self.enter_registry_test_mode():  # the job runs on a cursor of its own
            cron.method_direct_trigger()
        self.assertFalse(old.active)
        self.assertTrue(recent.active)
        self.assertEqual(old.state, "confirmed")
        self.assertEqual(table_digests(self.env, KEPT), before)
        # Still in the client's health record, marked archived.
        self.assertIn("(archived)", self.health_record("record_practitioner"))
