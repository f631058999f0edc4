# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDemoLogins(HttpCase):
    """Each demo login does its job on the demo chain as installed, in headless
    Chromium, logged in as that user."""

    def test_the_front_desk_sells_a_treatment_and_emails_the_receipt(self):
        self.start_tour(
            "/odoo/point-of-sale", "skinpro_demo_front_desk", login="frontdesk"
        )
        order = self.env["pos.order"].search(
            [
                (
                    "partner_id",
                    "=",
                    self.env.ref("skinpro_needling.client_slc_cleared").id,
                )
            ]
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.user_id.login, "frontdesk")
        mail = self.env["mail.mail"].search(
            [("email_to", "=", "emma.larsen@example.com")]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("saltlake@skinpro.example", mail.email_from)

    def test_the_practitioner_screens_a_new_client_and_performs_a_session(self):
        self.start_tour("/odoo", "skinpro_demo_practitioner", login="practitioner")
        client = self.env["res.partner"].search([("name", "=", "Nora Quinn")])
        self.assertEqual(len(client), 1)
        screening = client.skinpro_screening_ids
        self.assertEqual(
            (screening.state, screening.outcome, screening.create_uid.login),
            ("confirmed", "cleared", "practitioner"),
        )
        session = self.env["skinpro.treatment.session"].search(
            [("partner_id", "=", client.id)]
        )
        self.assertEqual(session.state, "done")
        self.assertEqual(session.screening_id, screening)
        self.assertEqual(session.company_id.name, "SkinPro Salt Lake City")
        self.assertEqual(session.depth_line_ids.depth_mm, 0.5)
        # It used the studio's consumables, lots recorded.
        self.assertEqual(session.consumption_picking_id.state, "done")
        self.assertTrue(session.consumed_lot_ids)

    def test_the_chain_manager_opens_the_dashboard_on_every_studio(self):
        admin = self.env.ref("base.user_admin")
        # The chain manager works from the chain's company, no studio ticked.
        self.assertEqual(admin.company_id, self.env.ref("base.main_company"))
        self.start_tour("/odoo", "skinpro_demo_chain_manager", login="admin")

    def test_inventory_staff_see_what_to_restock_and_receive_a_transfer(self):
        self.start_tour("/odoo", "skinpro_demo_inventory", login="inventory")
        receipt = self.env["stock.picking"].search(
            [
                (
                    "company_id",
                    "=",
                    self.env.ref("skinpro_needling.studio_salt_lake").id,
                ),
                ("picking_type_code", "=", "incoming"),
                ("name", "not like", "/H"),
            ]
        )
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.write_uid.login, "inventory")
