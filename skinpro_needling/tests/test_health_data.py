# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Health data (answers, photos, signatures, clearance documents, adverse events)
refused to the front desk and inventory staff on every path they could take, and
readable by the practitioner of the same studio, so that each refusal can fail."""

import base64
from pathlib import Path

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import users_of

PHOTO = base64.b64encode(
    (Path(__file__).parent.parent / "demo" / "consent_signature.png").read_bytes()
)
NOT_CLINICAL = ("frontdesk_hd", "inventory_hd")
EXPORT = "base.group_allow_export"


@tagged("post_install", "-at_install")
class TestHealthData(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.studio = cls.env["res.company"].create(
            {
                "name": "Health data studio",
                "parent_id": cls.env.ref("base.main_company").id,
                "skinpro_code": "HDS",
                "country_id": cls.env.ref("base.main_company").country_id.id,
            }
        )
        # Allowed to export, so that the export is refused for the data.
        cls.users = users_of(
            cls.env,
            cls.studio,
            {
                "frontdesk_hd": f"{EXPORT},skinpro_needling.group_front_desk",
                "inventory_hd": f"{EXPORT},skinpro_needling.group_inventory",
                "practitioner_hd": "skinpro_needling.group_practitioner",
            },
        )
        cls.client = cls.env["res.partner"].create({"name": "Private Client"})
        cls.screening = cls.env["skinpro.screening"].create(
            {
                "partner_id": cls.client.id,
                "company_id": cls.studio.id,
                "consent_signature": PHOTO,
                "photo_consent_signature": PHOTO,
            }
        )
        answers = cls.screening.answer_ids
        answers.write({"answer": "no"})
        blood_thinner = answers.filtered(
            lambda a: a.contraindication_id.code == "blood_thinner"
        )
        blood_thinner.answer = "yes"
        cls.photo = cls.env["ir.attachment"].create(
            {
                "name": "before.png",
                "datas": PHOTO,
                "res_model": "skinpro.screening",
                "res_id": cls.screening.id,
            }
        )
        cls.screening.before_photo_ids = [Command.link(cls.photo.id)]
        cls.screening.action_confirm()
        cls.clearance = cls.env["skinpro.screening.clearance"].create(
            {
                "screening_id": cls.screening.id,
                "physician": "Dr. Private",
                "contraindication_ids": blood_thinner.contraindication_id.ids,
                "expiry_date": fields.Date.add(fields.Date.today(), days=60),
                "document": PHOTO,
                "document_name": "clearance.png",
            }
        )
        treatment = cls.env["product.product"].create(
            {
                "name": "Private treatment 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        cls.treatment_session = cls.env["skinpro.treatment.session"].create(
            {
                "partner_id": cls.client.id,
                "company_id": cls.studio.id,
                "product_id": treatment.id,
                "before_photo": PHOTO,
                "adverse_event": True,
                "adverse_event_type": "bleeding",
                "adverse_event_severity": "mild",
                "adverse_event_description": "Pinpoint bleeding for two hours.",
            }
        )
        cls.env.flush_all()
        Attachment = cls.env["ir.attachment"]
        cls.clearance_document = Attachment.search(
            [
                ("res_model", "=", "skinpro.screening.clearance"),
                ("res_id", "=", cls.clearance.id),
                ("res_field", "=", "document"),
            ]
        )
        cls.signature = Attachment.search(
            [
                ("res_model", "=", "skinpro.screening"),
                ("res_id", "=", cls.screening.id),
                ("res_field", "=", "consent_signature"),
            ]
        )

        cls.session_photo = Attachment.search(
            [
                ("res_model", "=", "skinpro.treatment.session"),
                ("res_id", "=", cls.treatment_session.id),
                ("res_field", "=", "before_photo"),
            ]
        )

    def as_user(self, login, records):
        return records.with_user(self.users[login]).with_company(self.studio)

    def test_models_holding_health_data_refuse_every_read(self):
        records = {
            self.screening: "outcome",
            self.screening.answer_ids: "answer",
            self.clearance: "physician",
            self.treatment_session: "adverse_event_description",
        }
        for login in NOT_CLINICAL:
            for record, field in records.items():
                with self.subTest(login=login, model=record._name):
                    as_user = self.as_user(login, record)
                    with self.assertRaises(AccessError):
                        as_user.read(["display_name"])
                    with self.assertRaises(AccessError):
                        as_user.search_read([], ["display_name"])
                    with self.assertRaises(AccessError):
                        as_user.export_data([field])
        answered = self.as_user("practitioner_hd", self.screening.answer_ids)
        self.assertIn("yes", answered.mapped("answer"))

    def test_the_client_form_and_export_show_no_screening(self):
        for login in NOT_CLINICAL:
            with self.subTest(login=login):
                client = self.as_user(login, self.client)
                fields_seen = client.fields_get()
                # The front desk reads the status; inventory staff nothing of it.
                self.assertEqual(
                    "skinpro_screening_status" in fields_seen, login == "frontdesk_hd"
                )
                self.assertNotIn("skinpro_screening_ids", fields_seen)
                arch = client.get_views([(False, "form")])["views"]["form"]["arch"]
                self.assertNotIn("skinpro_screening_ids", arch)
                with self.assertRaises(AccessError):
                    client.export_data(["skinpro_screening_ids/answer_ids/answer"])
        self.assertIn(
            "skinpro_screening_ids",
            self.as_user("practitioner_hd", self.client).fields_get(),
        )

    def test_chatter_and_followers_of_a_screening_stay_clinical(self):
        domain = [
            ("model", "=", "skinpro.screening"),
            ("res_id", "=", self.screening.id),
        ]
        self.assertTrue(
            self.as_user("practitioner_hd", self.env["mail.message"]).search(domain)
        )
        for login in NOT_CLINICAL:
            with self.subTest(login=login):
                messages = self.as_user(login, self.env["mail.message"])
                self.assertFalse(messages.search(domain))
                message = self.env["mail.message"].search(domain, limit=1)
                with self.assertRaises(AccessError):
                    self.as_user(login, message).read(["body"])
                with self.assertRaises(AccessError):
                    self.as_user(login, self.screening).message_follower_ids  # noqa: B018

    def test_photos_signatures_and_clearance_documents_are_not_downloadable(self):
        attachments = (
            self.photo | self.signature | self.clearance_document | self.session_photo
        )
        self.assertEqual(len(attachments), 4)
        self.authenticate("practitioner_hd", "practitioner_hd")
        for attachment in attachments:
            response = self.url_open(f"/web/content/{attachment.id}?download=true")
            self.assertEqual(response.status_code, 200, attachment.name)
        for login in NOT_CLINICAL:
            self.authenticate(login, login)
            for attachment in attachments:
                with self.subTest(login=login, attachment=attachment.name):
                    with self.assertRaises(AccessError):
                        self.as_user(login, attachment).read(["datas"])
                    found = self.as_user(login, self.env["ir.attachment"]).search(
                        [("id", "=", attachment.id)]
                    )
                    self.assertFalse(found)
                    response = self.url_open(
                        f"/web/content/{attachment.id}?download=true"
                    )
                    self.assertIn(response.status_code, (403, 404))
            response = self.url_open(
                f"/web/content/skinpro.screening.clearance/{self.clearance.id}/document"
            )
            self.assertIn(response.status_code, (403, 404))
