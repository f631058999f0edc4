# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from pathlib import Path

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import create_studios

SIGNATURE = base64.b64encode(
    (Path(__file__).parent.parent / "demo" / "consent_signature.png").read_bytes()
)


@tagged("post_install", "-at_install")
class TestPosTours(HttpCase):
    """The front desk at the POS, in headless Chromium."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        chain = cls.env.ref("base.main_company")
        cls.studio = create_studios(
            cls.env,
            {
                "name": "Tour studio",
                "parent_id": chain.id,
                "skinpro_code": "TOUR",
                "email": "tour@studio.example",
                "country_id": chain.country_id.id,
            },
        )
        cls.studio.action_skinpro_setup_studio()
        cls.config = cls.studio.skinpro_pos_config_ids
        cls.front_desk = new_test_user(
            cls.env,
            login="tourdesk",
            groups="base.group_user,skinpro_needling.group_front_desk",
            company_id=cls.studio.id,
            company_ids=[cls.studio.id],
        )
        treatments = cls.env.ref("skinpro_needling.pos_category_treatments")
        cls.env["product.product"].create(
            {
                "name": "Express micro-needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "available_in_pos": True,
                "pos_categ_ids": [Command.link(treatments.id)],
                "list_price": 120,
                "skinpro_aftercare_text": "No makeup for 24 hours. SPF 30+ after.",
            }
        )
        cls.env["product.product"].create(
            {
                "name": "Deep micro-needling 2.0 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 2.0,
                "available_in_pos": True,
                "pos_categ_ids": [Command.link(treatments.id)],
                "list_price": 400,
            }
        )
        # One treatment, a cosmetic and a medical depth: the variant is chosen in
        # the POS.
        depths = cls.env.ref("skinpro_needling.needle_depth_0_50") | cls.env.ref(
            "skinpro_needling.needle_depth_2_00"
        )
        cls.env["product.template"].create(
            {
                "name": "Tour full-face micro-needling",
                "type": "service",
                "skinpro_is_needling": True,
                "available_in_pos": True,
                "pos_categ_ids": [Command.link(treatments.id)],
                "list_price": 250,
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": depths.attribute_id.id,
                            "value_ids": [Command.set(depths.ids)],
                        }
                    )
                ],
            }
        )
        cls.provider = cls.env["res.partner"].create(
            {
                "name": "Tour Dermatology Clinic",
                "skinpro_is_medical_provider": True,
                "skinpro_speciality": "Dermatology",
            }
        )
        for name, yes in (("Cleared Client", []), ("Refer Client", ["pregnancy"])):
            client = cls.env["res.partner"].create({"name": name})
            screening = cls.env["skinpro.screening"].create(
                {
                    "partner_id": client.id,
                    "company_id": cls.studio.id,
                    "consent_signature": SIGNATURE,
                    "date": fields.Date.today(),
                }
            )
            for line in screening.answer_ids:
                line.answer = "yes" if line.contraindication_id.code in yes else "no"
            screening.action_confirm()
        cls.config.with_user(cls.front_desk).open_ui()

    def start_pos_tour(self, tour):
        self.start_tour(f"/pos/ui/{self.config.id}", tour, login="tourdesk")

    def test_no_client_selected_is_refused(self):
        self.start_pos_tour("skinpro_refused_without_client")

    def test_a_client_to_refer_is_refused(self):
        self.start_pos_tour("skinpro_refused_refer_client")

    def test_a_cleared_client_buys_a_cosmetic_treatment(self):
        self.start_pos_tour("skinpro_cleared_client_buys")
        order = self.env["pos.order"].search([("config_id", "=", self.config.id)])
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.skinpro_needs_review)
        self.assertEqual(
            order.lines.skinpro_session_ids.partner_id.name, "Cleared Client"
        )

    def test_a_medical_depth_treatment_is_refused_and_referred(self):
        self.start_pos_tour("skinpro_refused_medical_depth")
        self.assertFalse(
            self.env["pos.order"].search([("config_id", "=", self.config.id)])
        )
        referral = self.env["crm.lead"].search(
            [("skinpro_is_referral", "=", True), ("company_id", "=", self.studio.id)]
        )
        self.assertEqual(referral.partner_id.name, "Cleared Client")
        self.assertEqual(referral.skinpro_provider_id, self.provider)
        self.assertEqual(referral.skinpro_referral_reason, "depth")
        self.assertEqual(referral.skinpro_depth_requested_mm, 2.0)
        self.assertEqual(
            referral.stage_id,
            self.env.ref("skinpro_needling.crm_stage_referral_to_send"),
        )

    def test_a_medical_depth_chosen_in_the_configurator_is_refused(self):
        self.start_pos_tour("skinpro_medical_depth_variant_refused")

    def test_the_client_list_filters_the_clients_cleared_today(self):
        self.start_pos_tour("skinpro_cleared_today_filter")

    def test_the_status_is_read_again_when_the_client_is_selected(self):
        self.start_pos_tour("skinpro_status_refreshed_on_select")
