# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The client shares her health record with a named studio from her portal: its
practitioners read it, no break-glass needed; she stops sharing and it closes."""

import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .privacy_common import PrivacyCase


@tagged("post_install", "-at_install")
class TestPortalSharing(PrivacyCase, HttpCase):
    def setUp(self):
        super().setUp()
        self.treat_client_a()
        self.env["res.users"].create(
            {
                "login": "philippa",
                "password": "philippa-portal",
                "partner_id": self.client_a.id,
                "group_ids": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )

    def share(self, studios):
        self.authenticate("philippa", "philippa-portal")
        page = self.url_open("/my/skinpro/sharing")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.studio_b.name, page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        saved = self.url_open(
            "/my/skinpro/sharing",
            data={"csrf_token": token, "studio_ids": [s.id for s in studios]},
        )
        self.assertEqual(saved.status_code, 200)
        self.assertIn("o_skinpro_sharing_saved", saved.text)
        self.env.invalidate_all()

    def as_b(self, login, records):
        return records.with_user(self.users[login]).with_context(
            allowed_company_ids=self.studio_b.ids
        )

    def test_a_studio_she_shares_with_reads_her_record_until_she_stops(self):
        with self.assertRaises(AccessError):
            self.as_b("b_practitioner", self.screening_a).read(["outcome"])
        self.share(self.studio_b)
        self.assertEqual(self.client_a.skinpro_shared_with_ids, self.studio_b)
        self.assertEqual(
            self.as_b("b_practitioner", self.screening_a).read(["outcome"])[0][
                "outcome"
            ],
            self.screening_a.outcome,
        )
        self.assertIn(
            self.session_a,
            self.as_b("b_practitioner", self.env["skinpro.treatment.session"]).search(
                [("partner_id", "=", self.client_a.id)]
            ),
        )
        # Read-only, and for clinical roles only.
        with self.assertRaises(AccessError):
            self.as_b("b_practitioner", self.session_a).write({"note": "changed"})
        with self.assertRaises(AccessError):
            self.as_b("b_front_desk", self.screening_a).read(["outcome"])
        self.assertFalse(self.env["skinpro.break.glass"].search([]))
        self.share(self.env["res.company"])
        self.assertFalse(self.client_a.skinpro_shared_with_ids)
        with self.assertRaises(AccessError):
            self.as_b("b_practitioner", self.screening_a).read(["outcome"])
