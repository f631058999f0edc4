# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A paid order never fails on credentials: the session it books with the cashier
as practitioner notes who lacks what, and starts only with an eligible one."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SkinproCase
from .pos_payload import pos_order_payload


@tagged("post_install", "-at_install")
class TestCredentialsAtThePos(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.studio_a.action_skinpro_setup_studio()
        licence = cls.env.ref("skinpro_needling.skill_esthetician_licence")
        cls.studio_a.skinpro_requirement_ids = [
            Command.create({"skill_id": licence.id, "depth_above_mm": 0})
        ]
        cls.treatment = cls.env["product.product"].create(
            {
                "name": "Express micro-needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "available_in_pos": True,
                "list_price": 120,
                "taxes_id": [Command.clear()],
            }
        )
        config = cls.studio_a.skinpro_pos_config_ids
        config.with_company(cls.studio_a).open_ui()
        cls.pos_session = config.current_session_id
        cls.uncredentialed = cls.studio_user(
            "pos_uncredentialed", cls.studio_a, "skinpro_needling.group_practitioner"
        )

    def test_paid_order_books_and_notes_the_gap(self):
        self.screening().action_confirm()
        result = self.env["pos.order"].sync_from_ui(
            [pos_order_payload(self.pos_session, self.client_a, self.treatment)]
        )
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(order.state, "paid")
        session = order.lines.skinpro_session_ids
        self.assertEqual(len(session), 1)
        self.assertTrue(
            session.message_ids.filtered(
                lambda message: "Assign an eligible practitioner" in message.body
            )
        )
        session.reconfirmation_ids.write({"answer": "no"})
        with self.assertRaisesRegex(UserError, "Esthetician licence missing"):
            session.action_start()
        with self.assertRaisesRegex(ValidationError, "Esthetician licence missing"):
            session.practitioner_id = self.uncredentialed
