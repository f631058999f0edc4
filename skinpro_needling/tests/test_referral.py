# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SkinproCase, create_full_face_catalogue, skip_without_demo


@tagged("post_install", "-at_install")
class TestReferral(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider, cls.other_provider = cls.env["res.partner"].create(
            [
                {"name": name, "skinpro_is_medical_provider": True}
                for name in ("Dr. Amelia Hart", "Desert Skin Clinic")
            ]
        )
        cls.full_face, _course = create_full_face_catalogue(cls.env)
        cls.team = cls.env.ref("skinpro_needling.crm_team_medical_referrals")
        cls.accepted = cls.env.ref("skinpro_needling.crm_stage_referral_accepted")
        cls.sent = cls.env.ref("skinpro_needling.crm_stage_referral_sent")

    def referral_of(self, action):
        return self.env["crm.lead"].browse(action["res_id"])

    def test_a_refer_screening_becomes_a_referral_and_its_clearance_clears(self):
        screening = self.screening(yes=["suspicious_lesion"])
        screening.action_confirm()
        self.assertEqual(screening.outcome, "refer")
        referral = self.referral_of(screening.action_create_referral())
        self.assertTrue(referral.skinpro_is_referral)
        self.assertEqual(referral.team_id, self.team)
        self.assertEqual(
            referral.stage_id,
            self.env.ref("skinpro_needling.crm_stage_referral_to_send"),
        )
        self.assertEqual(referral.skinpro_referral_reason, "contraindication")
        self.assertEqual(referral.partner_id, self.client_a)
        self.assertEqual(referral.company_id, self.studio_a)
        self.assertEqual(
            referral.skinpro_contraindication_ids.mapped("code"), ["suspicious_lesion"]
        )
        with self.assertRaisesRegex(ValidationError, "medical provider"):
            referral.action_skinpro_send()
        referral.skinpro_provider_id = self.provider
        referral.action_skinpro_send()
        self.assertEqual(referral.stage_id, self.sent)
        # The provider's clearance arrives with the acceptance, and counts at once.
        expiry = fields.Date.today() + timedelta(days=90)
        referral.write(
            {
                "skinpro_clearance_document": base64.b64encode(b"%PDF-1.4 clearance"),
                "skinpro_clearance_document_name": "clearance.pdf",
                "skinpro_clearance_expiry": expiry,
            }
        )
        self.assertEqual(screening.outcome, "refer")
        referral.action_skinpro_accept()
        self.assertEqual(referral.stage_id, self.accepted)
        clearance = screening.clearance_ids
        self.assertEqual(clearance.physician, self.provider.name)
        self.assertEqual(
            (clearance.state, clearance.approved_by_id), ("approved", self.env.user)
        )
        self.assertEqual(screening.outcome, "cleared")
        self.assertEqual(self.status(self.client_a, self.studio_a), "cleared")
        self.assertIn("who accepted the referral", screening.message_ids[0].body)
        # Accepted, the referral keeps the clearance it filed.
        with self.assertRaisesRegex(UserError, "Provider's clearance: .* locked"):
            referral.skinpro_clearance_document = base64.b64encode(b"%PDF-1.4 other")

    def test_a_referral_moves_only_through_its_actions(self):
        screening = self.screening(yes=["keloid"])
        screening.action_confirm()
        referral = self.referral_of(screening.action_create_referral())
        referral.skinpro_provider_id = self.provider
        for stage in (self.sent, self.accepted):
            with (
                self.subTest(stage=stage.name),
                self.assertRaisesRegex(
                    UserError, "Stage: .* only Send or Decline change it"
                ),
            ):
                referral.stage_id = stage
        self.assertEqual(
            referral.stage_id,
            self.env.ref("skinpro_needling.crm_stage_referral_to_send"),
        )
        with self.assertRaisesRegex(UserError, "cannot move to Treated"):
            referral.action_skinpro_treated()
        referral.action_skinpro_send()
        with self.assertRaisesRegex(UserError, "Medical provider: .* Use Decline"):
            referral.skinpro_provider_id = self.other_provider
        referral.action_skinpro_decline()
        self.assertEqual(
            referral.stage_id,
            self.env.ref("skinpro_needling.crm_stage_referral_declined"),
        )

    def test_the_referrals_pipeline_offers_no_drag_between_stages(self):
        # Dragging a card would only meet the refusal above: the board offers the
        # referral's buttons instead.
        action = self.env.ref("skinpro_needling.crm_lead_action_skinpro_referrals")
        kanban = action.view_ids.filtered(lambda v: v.view_mode == "kanban").view_id
        arch = self.env["crm.lead"].get_views([(kanban.id, "kanban")])["views"][
            "kanban"
        ]["arch"]
        for attribute in ('records_draggable="0"', 'quick_create="0"'):
            self.assertIn(attribute, arch)

    def test_a_clearance_required_screening_can_be_referred(self):
        screening = self.screening(yes=["blood_thinner"])
        screening.action_confirm()
        referral = self.referral_of(screening.action_create_referral())
        self.assertEqual(referral.skinpro_screening_id, screening)
        self.assertEqual(
            referral.skinpro_contraindication_ids.mapped("code"), ["blood_thinner"]
        )

    def test_a_medical_depth_session_is_referred_for_its_depth(self):
        product = self.full_face.product_variant_ids.filtered(
            lambda p: p.skinpro_depth_mm == 2.0
        )
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": product.id,
            }
        )
        self.assertEqual(session.depth_class, "medical")
        referral = self.referral_of(session.action_create_referral())
        self.assertEqual(referral.skinpro_referral_reason, "depth")
        self.assertEqual(referral.skinpro_depth_requested_mm, 2.0)
        self.assertEqual(referral.skinpro_session_id, session)

    def test_a_consultation_lead_becomes_a_screened_client(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "New client consultation",
                "type": "lead",
                "contact_name": "Chloe Bennett",
                "email_from": "chloe@example.com",
                "company_id": self.studio_a.id,
            }
        )
        action = lead.action_skinpro_start_screening()
        screening = self.env["skinpro.screening"].browse(action["res_id"])
        self.assertEqual(lead.partner_id.name, "Chloe Bennett")
        self.assertEqual(screening.partner_id, lead.partner_id)
        self.assertEqual(screening.company_id, self.studio_a)
        self.assertEqual(lead.skinpro_consultation_screening_ids, screening)


@tagged("post_install", "-at_install")
class TestReferralDemo(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skip_without_demo(cls.env)

    def test_demo_has_providers_referrals_in_each_stage_and_sessions_in_each_state(
        self,
    ):
        providers = self.env["res.partner"].search(
            [("skinpro_is_medical_provider", "=", True)]
        )
        self.assertGreaterEqual(len(providers), 2)
        referrals = self.env["crm.lead"].search([("skinpro_is_referral", "=", True)])
        self.assertEqual(
            set(referrals.stage_id.mapped("name")),
            {"To send", "Sent", "Accepted", "Treated", "Declined"},
        )
        sessions = self.env["skinpro.treatment.session"].search([])
        self.assertEqual(
            set(sessions.mapped("state")),
            {"planned", "in_progress", "done", "cancelled"},
        )
