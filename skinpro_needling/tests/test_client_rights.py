# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The client's rights, handled by a studio manager from her form: her data (a
PDF and a JSON file of every record of hers in the chain) and erasure."""

import json

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import table_digests
from .privacy_common import CLIENT_NAME, PrivacyCase
from .test_privacy_boundary import client_paths

CLINICAL = [
    "skinpro_screening",
    "skinpro_screening_answer",
    "skinpro_screening_clearance",
    "skinpro_treatment_session",
    "skinpro_session_depth",
    "skinpro_session_reconfirmation",
    "skinpro_recall_notice",
]


@tagged("post_install", "-at_install")
class TestClientRights(PrivacyCase):
    def setUp(self):
        super().setUp()
        self.treat_client_a()
        self.manager = self.users["a_manager"]

    def as_user(self, login, records):
        user = self.users[login]
        return records.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def files(self, request):
        return {
            att.name.rsplit(".", 1)[1]: att.raw
            for att in self.env["ir.attachment"].search(
                [("res_model", "=", request._name), ("res_id", "=", request.id)]
            )
        }

    def test_her_data_holds_every_record_of_hers_in_the_chain(self):
        # A session at studio B too: the chain's, not the studio's.
        session_b = self.started_session(self.studio_b, self.client_a)
        action = self.as_user("a_manager", self.client_a).action_skinpro_export_data()
        request = self.env["skinpro.client.request"].browse(action["res_id"])
        self.assertEqual(request.kind, "export")
        files = self.files(request)
        self.assertEqual(set(files), {"json", "pdf"})
        exported = json.loads(files["json"])["records"]
        # Every model that points to a client, found in the registry as the
        # boundary's sweep finds them, with what the database holds for her.
        for model, path in client_paths(self.env).items():
            held = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([(path or "id", "=", self.client_a.id)])
            )
            if model == "skinpro.client.request":
                continue  # this very request is made as the data is read
            with self.subTest(model=model):
                self.assertEqual(
                    sorted(row["id"] for row in exported.get(model, [])),
                    sorted(held.ids),
                )
        self.assertIn(
            session_b.id, [r["id"] for r in exported["skinpro.treatment.session"]]
        )
        answers = exported["skinpro.screening.answer"]
        self.assertEqual(
            sorted(a["answer"] for a in answers),
            sorted(
                self.env["skinpro.screening.answer"]
                .search([("screening_id.partner_id", "=", self.client_a.id)])
                .mapped("answer")
            ),
        )
        self.assertEqual(exported["res.partner"][0]["email"], "philippa@example.com")
        # No secret token travels in the file.
        self.assertNotIn("access_token", files["json"].decode())
        pdf = files["pdf"]
        if not pdf.startswith(b"%PDF"):  # tests render the report's HTML
            self.assertIn(CLIENT_NAME, pdf.decode())
            self.assertIn(self.treatment.name, pdf.decode())

    def test_only_a_studio_manager_handles_a_request(self):
        for login in ("a_practitioner", "a_front_desk", "a_inventory"):
            with self.subTest(login=login):
                with self.assertRaises(AccessError):
                    self.as_user(login, self.client_a).action_skinpro_export_data()
                with self.assertRaises(AccessError):
                    self.as_user(login, self.client_a).action_skinpro_erase_data()
        request = self.env["skinpro.client.request"].browse(
            self.as_user("a_manager", self.client_a).action_skinpro_export_data()[
                "res_id"
            ]
        )
        with self.assertRaises(AccessError):
            self.as_user("b_manager", request).read(["answer"])

    def test_erasure_keeps_the_health_record_and_lets_the_rest_go(self):
        consultation = self.env["crm.lead"].create(
            {
                "name": "Consultation",
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
            }
        )
        self.session_a.message_subscribe(self.client_a.ids)
        before = table_digests(self.env, CLINICAL)
        action = self.as_user("a_manager", self.client_a).action_skinpro_erase_data()
        request = self.env["skinpro.client.request"].browse(action["res_id"])
        self.assertEqual(table_digests(self.env, CLINICAL), before)
        self.assertTrue(self.referral_a.exists())
        self.assertFalse(consultation.exists())
        self.assertFalse(
            self.env["mail.followers"].search([("partner_id", "=", self.client_a.id)])
        )
        self.assertEqual(self.client_a.name, CLIENT_NAME, "the record's name is kept")
        self.assertFalse(self.client_a.email)
        self.assertFalse(self.client_a.phone)
        self.assertIn("health record", request.answer)
        self.assertIn("retention", request.answer)
        self.assertIn("recall notice", request.answer)

    def test_erasure_of_a_client_never_treated_leaves_nothing_of_her(self):
        prospect = self.env["res.partner"].create(
            {
                "name": "Ottilie Prospect-Vane",
                "email": "ottilie@example.com",
                "phone": "555-0199",
                "street": "1 Main St",
                "city": "Phoenix",
            }
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Consultation",
                "partner_id": prospect.id,
                "company_id": self.studio_b.id,
            }
        )
        action = self.as_user("b_manager", prospect).action_skinpro_erase_data()
        request = self.env["skinpro.client.request"].browse(action["res_id"])
        self.assertFalse(lead.exists())
        prospect.invalidate_recordset()
        self.assertFalse(prospect.active)
        for fname in ("email", "phone", "street", "city"):
            self.assertFalse(prospect[fname], fname)
        self.assertNotIn("Ottilie", prospect.name)
        self.assertNotIn("Kept", request.answer)
        self.assertFalse(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search(["|", ("name", "ilike", "Ottilie"), ("email", "ilike", "ottilie")])
        )
        self.assertFalse(
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search([("partner_id", "=", prospect.id)])
        )
