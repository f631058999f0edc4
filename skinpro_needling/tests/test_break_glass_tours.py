# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Break-glass in the demo, in headless Chromium: Phoenix's practitioner asks,
reads and sees the access lapse; Salt Lake City's studio manager reviews it."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged


def has_demo(env):
    return bool(env.ref("skinpro_needling.user_phoenix_practitioner", False))


@tagged("post_install", "-at_install")
class TestBreakGlassTours(HttpCase):
    def setUp(self):
        super().setUp()
        if not has_demo(self.env):
            self.skipTest("the demo's logins: a database with demo data")
        self.client = self.env.ref("skinpro_needling.client_slc_cleared")
        self.practitioner = self.env.ref("skinpro_needling.user_phoenix_practitioner")

    def grant(self):
        return self.env["skinpro.break.glass"].search(
            [
                ("partner_id", "=", self.client.id),
                ("user_id", "=", self.practitioner.id),
            ]
        )

    def test_phoenix_asks_reads_sees_it_lapse_and_salt_lake_city_reviews(self):
        self.start_tour(
            "/odoo", "skinpro_break_glass_ask", login="phoenix_practitioner"
        )
        grant = self.grant()
        self.assertEqual(len(grant), 1)
        self.assertIn("Salt Lake City", grant.reason)
        self.assertEqual(grant.owner_company_ids.name, "SkinPro Salt Lake City")
        self.assertIn("skinpro.screening", grant.read_ids.mapped("res_model"))

        self.start_tour("/odoo", "skinpro_break_glass_review", login="saltlake_manager")
        self.assertEqual(grant.review_state, "accepted")
        self.assertEqual(grant.reviewed_by_id.login, "saltlake_manager")

        # A day later.
        grant.sudo().expires_on = fields.Datetime.now() - timedelta(minutes=1)
        self.start_tour(
            "/odoo", "skinpro_break_glass_lapsed", login="phoenix_practitioner"
        )
        screening = self.env.ref("skinpro_needling.screening_slc_cleared")
        with self.assertRaises(AccessError):
            screening.with_user(self.practitioner).read(["outcome"])
