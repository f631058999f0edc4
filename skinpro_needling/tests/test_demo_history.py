# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo chain's generated year: three studios that differ, as the chain
dashboard and the reports show them."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import skip_without_demo


@tagged("post_install", "-at_install")
class TestDemoHistory(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skip_without_demo(cls.env)
        ref = cls.env.ref
        cls.slc = ref("skinpro_needling.studio_salt_lake")
        cls.phx = ref("skinpro_needling.studio_phoenix")
        cls.san = ref("skinpro_needling.studio_san_diego")
        cls.today = fields.Date.context_today(cls.env.user)

    def monthly_sessions(self, studio):
        """Done sessions in each of the last twelve 30-day months, oldest first."""
        sessions = self.env["skinpro.report.session"].search(
            [("company_id", "=", studio.id), ("state", "=", "done")]
        )
        months = [0] * 12
        for session in sessions:
            age = (self.today - session.date).days
            if 0 < age <= 360:
                months[11 - (age - 1) // 30] += 1
        return months

    def referral_rate(self, studio):
        screened = self.env["skinpro.report.screening"].search_count(
            [("company_id", "=", studio.id)]
        )
        referred = self.env["skinpro.report.referral"].search_count(
            [("company_id", "=", studio.id)]
        )
        return referred / screened

    def test_a_year_of_sessions_screenings_and_referrals(self):
        year_ago = self.today - timedelta(days=330)
        for model in (
            "skinpro.report.session",
            "skinpro.report.screening",
            "skinpro.report.consumption",
            "skinpro.report.funnel",
        ):
            with self.subTest(model=model):
                self.assertTrue(
                    self.env[model].search_count(
                        [("company_id", "=", self.slc.id), ("date", "<=", year_ago)]
                    )
                )
        restocks = self.env["stock.picking"].search(
            [
                ("picking_type_id", "=", self.slc.skinpro_warehouse_id.in_type_id.id),
                ("location_id", "=", self.env.ref("stock.warehouse0").lot_stock_id.id),
                ("state", "=", "done"),
            ]
        )
        self.assertGreaterEqual(len(restocks), 11)

    def test_salt_lake_city_grows(self):
        months = self.monthly_sessions(self.slc)
        self.assertGreater(sum(months[-3:]), 2 * sum(months[:3]))

    def test_phoenix_ran_out_of_cartridges(self):
        months = self.monthly_sessions(self.phx)
        usual = sorted(months)[6]
        self.assertEqual(len([m for m in months if m < usual / 2]), 2)

    def test_san_diego_refers_most_of_its_clients(self):
        san = self.referral_rate(self.san)
        self.assertGreater(san, 0.5)
        self.assertGreater(san, 3 * self.referral_rate(self.slc))
        self.assertFalse(self.monthly_sessions(self.san)[:11] != [0] * 11)

    def test_the_history_transfers_name_no_client(self):
        # Inventory staff read transfers: who was treated is none of theirs.
        sessions = self.env["skinpro.treatment.session"].search(
            [("company_id", "=", self.slc.id), ("consumption_picking_id", "!=", False)]
        )
        self.assertGreater(len(sessions), 100)
        for session in sessions:
            picking = session.consumption_picking_id
            self.assertFalse(picking.partner_id)
            self.assertEqual(picking.origin, f"SESSION/{session.id}")
