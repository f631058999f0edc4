# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import skip_without_demo


@tagged("post_install", "-at_install")
class TestDemoLogins(HttpCase):
    """Each demo login does its job on the demo chain as installed, in headless
    Chromium, logged in as that user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skip_without_demo(cls.env)

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

    def test_the_front_desk_mails_a_client_the_screening_form(self):
        client = self.env.ref("skinpro_needling.client_slc_deferred")
        self.start_tour(
            "/odoo", "skinpro_demo_front_desk_invitation", login="frontdesk"
        )
        draft = self.env["skinpro.screening"].search(
            [("partner_id", "=", client.id), ("state", "=", "draft")]
        )
        self.assertEqual(draft.company_id.name, "SkinPro Salt Lake City")
        self.assertTrue(draft.access_token)
        # Made by the front desk, and the client mailed the link.
        self.assertEqual(draft.create_uid.login, "frontdesk")
        self.assertIn(client, draft.message_ids.partner_ids)

    def test_the_chain_manager_opens_the_dashboard_on_every_studio(self):
        if not self.env.ref(
            "skinpro_needling.studio_san_diego", raise_if_not_found=False
        ):
            self.skipTest("the demo chain is not installed")
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

    def test_inventory_staff_restock_for_the_sessions_booked(self):
        slc = self.env.ref("skinpro_needling.studio_salt_lake")
        kit = self.env.ref("skinpro_needling.consumable_aftercare_kit")
        Cover = self.env["skinpro.report.stock.cover"]
        row = Cover.search([("company_id", "=", slc.id), ("product_id", "=", kit.id)])
        # The sessions booked for the next days need more kits than Salt Lake holds.
        self.assertTrue(row.shortfall_date)
        self.assertGreater(row.booked_sessions, row.on_hand_qty)
        short_by = row.shortfall_qty
        self.start_tour("/odoo", "skinpro_demo_inventory_shortfall", login="inventory")
        stock = slc.skinpro_warehouse_id.lot_stock_id
        receipt = self.env["stock.move"].search(
            [
                ("product_id", "=", kit.id),
                ("location_dest_id", "=", stock.id),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        # At least the shortfall: the studio's reordering rule refills up to its
        # maximum, counting the booked sessions.
        self.assertGreaterEqual(receipt.product_uom_qty, short_by)
        self.assertEqual(receipt.picking_id.state, "waiting")
        # The central warehouse ships the kits.
        delivery = receipt.move_orig_ids.picking_id
        self.assertEqual(delivery.company_id, self.env.ref("base.main_company"))
        delivery.move_ids.picked = True
        delivery.button_validate()
        self.assertEqual(receipt.picking_id.state, "assigned")
        # The demo's cartridges are due another day: today, the kits arrive.
        self.env["stock.picking"].search(
            [
                ("company_id", "=", slc.id),
                ("picking_type_code", "=", "incoming"),
                ("state", "not in", ("done", "cancel")),
                ("id", "!=", receipt.picking_id.id),
            ]
        ).scheduled_date = fields.Datetime.add(fields.Datetime.now(), days=2)
        self.start_tour("/odoo", "skinpro_demo_inventory_receive", login="inventory")
        self.assertEqual(receipt.picking_id.state, "done")
        self.assertEqual(receipt.picking_id.write_uid.login, "inventory")
        self.env.invalidate_all()
        row = Cover.search([("company_id", "=", slc.id), ("product_id", "=", kit.id)])
        self.assertFalse(row.shortfall_date)
