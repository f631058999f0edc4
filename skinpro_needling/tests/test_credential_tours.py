# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Credentials in headless Chromium: the practitioner's refused start names the
lapsed certificate; the studio manager renews it, and the session starts."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SIGNATURE


@tagged("post_install", "-at_install")
class TestCredentialTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        chain = ref("base.main_company")
        cls.studio = cls.env["res.company"].create(
            {
                "name": "Tour Studio",
                "parent_id": chain.id,
                "skinpro_code": "TOUR",
                "country_id": chain.country_id.id,
            }
        )
        licence = ref("skinpro_needling.skill_esthetician_licence")
        certificate = ref("skinpro_needling.skill_needling_certificate")
        cls.studio.skinpro_requirement_ids = [
            Command.create({"skill_id": licence.id, "depth_above_mm": 0}),
            Command.create({"skill_id": certificate.id, "depth_above_mm": 0.3}),
        ]
        users = {}
        for login, group in (
            ("tour_practitioner", "group_practitioner"),
            ("tour_manager", "group_studio_manager"),
        ):
            users[login] = new_test_user(
                cls.env,
                login=login,
                name="Tina Tour" if login == "tour_practitioner" else "Manny Tour",
                groups=f"base.group_user,skinpro_needling.{group}",
                company_id=cls.studio.id,
                company_ids=[cls.studio.id],
            )
        cls.practitioner = users["tour_practitioner"]
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Tina Tour",
                "user_id": cls.practitioner.id,
                "company_id": cls.studio.id,
            }
        )
        today = fields.Date.today()
        cls.old_certificate = None
        for skill, reference, valid_to in (
            (licence, "EST-1", today + timedelta(days=300)),
            (certificate, "MN-OLD", today + timedelta(days=2)),
        ):
            line = cls.env["hr.employee.skill"].create(
                {
                    "employee_id": cls.employee.id,
                    "skill_type_id": skill.skill_type_id.id,
                    "skill_id": skill.id,
                    "skill_level_id": ref(
                        "skinpro_needling.skill_level_credential_held"
                    ).id,
                    "skinpro_reference": reference,
                    "valid_from": today - timedelta(days=360),
                    "valid_to": valid_to,
                }
            )
        cls.old_certificate = line
        treatment = cls.env["product.product"].create(
            {
                "name": "Tour needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        client = cls.env["res.partner"].create({"name": "Tour Client"})
        screening = cls.env["skinpro.screening"].create(
            {
                "partner_id": client.id,
                "company_id": cls.studio.id,
                "consent_signature": SIGNATURE,
                "date": today,
            }
        )
        screening.answer_ids.write({"answer": "no"})
        screening.action_confirm()
        cls.booked = cls.env["skinpro.treatment.session"].create(
            {
                "partner_id": client.id,
                "company_id": cls.studio.id,
                "practitioner_id": cls.practitioner.id,
                "product_id": treatment.id,
            }
        )
        cls.booked.reconfirmation_ids.write({"answer": "no"})

    def test_refused_start_then_renewal(self):
        # The certificate lapsed two days ago.
        self.old_certificate.valid_to = fields.Date.today() - timedelta(days=2)
        self.start_tour(
            f"/odoo/skinpro.treatment.session/{self.booked.id}",
            "skinpro_credential_refused_start",
            login="tour_practitioner",
        )
        self.assertEqual(self.booked.state, "planned")
        self.start_tour(
            "/odoo/action-skinpro_needling.hr_employee_skill_action_skinpro_credential",
            "skinpro_credential_renewal",
            login="tour_manager",
        )
        renewal = self.employee.employee_skill_ids.filtered(
            lambda line: line.skinpro_reference == "MN-NEW"
        )
        self.assertTrue(renewal, "the studio manager recorded the renewal")
        self.booked.with_user(self.practitioner).action_start()
        self.assertEqual(self.booked.state, "in_progress")
