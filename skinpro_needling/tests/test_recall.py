# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import StockedStudiosCase, skip_without_demo
from .pos_payload import pos_order_payload

REASON = "Sterility of the pouches not assured"


@tagged("post_install", "-at_install")
class TestRecall(StockedStudiosCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inventory = cls.studio_user(
            "recall_inv", cls.studio_a, "skinpro_needling.group_inventory"
        )
        cls.front_desk = cls.studio_user(
            "recall_desk", cls.studio_a, "skinpro_needling.group_front_desk"
        )
        cls.practitioner = cls.studio_user(
            "recall_prac", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.chain_manager = cls.env["res.users"].create(
            {
                "name": "Chain manager",
                "login": "recall_chain",
                "company_id": cls.chain.id,
                "company_ids": [
                    Command.set((cls.chain | cls.studio_a | cls.studio_b).ids)
                ],
                "group_ids": [
                    Command.link(cls.env.ref("base.group_user").id),
                    Command.link(
                        cls.env.ref("skinpro_needling.group_chain_manager").id
                    ),
                ],
            }
        )

    def setUp(self):
        super().setUp()
        self.client_a.email = "client.a@example.com"
        self.client_b.email = "client.b@example.com"
        # One lot shared by the chain's studios, in both studios' stock, used
        # first (FEFO).
        self.lot = self.env["stock.lot"].create(
            {
                "name": "C-RECALL",
                "product_id": self.cartridge.id,
                "company_id": False,
                "expiration_date": self.now + timedelta(days=20),
            }
        )
        for studio, prefix, qty in ((self.studio_a, "A", 5), (self.studio_b, "B", 3)):
            self.stock_studio(studio, prefix)
            self.env["stock.quant"]._update_available_quantity(
                self.cartridge,
                studio.skinpro_warehouse_id.lot_stock_id,
                qty,
                lot_id=self.lot,
            )
        self.session_a = self.started_session(self.studio_a, self.client_a)
        self.session_a.action_done()
        self.session_b = self.started_session(self.studio_b, self.client_b)
        self.session_b.action_done()
        self.next_a = self.planned(self.client_a, self.studio_a, days=7)
        self.later_a = self.planned(self.client_a, self.studio_a, days=30)

    def planned(self, client, studio, days):
        return self.env["skinpro.treatment.session"].create(
            {
                "partner_id": client.id,
                "company_id": studio.id,
                "product_id": self.treatment.id,
                "planned_start": fields.Datetime.now() + timedelta(days=days),
            }
        )

    def quarantined(self, studio, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            self.cartridge,
            studio.skinpro_warehouse_id.skinpro_quarantine_location_id,
            lot_id=lot or self.lot,
            strict=True,
        )

    def recall(self, user=None):
        return self.lot.with_user(user or self.inventory).action_skinpro_recall(REASON)

    def test_the_recall_lists_every_session_and_client_by_studio(self):
        self.assertIn(self.lot, self.session_a.consumed_lot_ids)
        recall = self.recall()
        self.assertEqual(recall._name, "skinpro.recall")
        self.assertEqual(recall.lot_id, self.lot)
        self.assertEqual(recall.sudo().partner_ids, self.client_a | self.client_b)
        self.assertEqual(recall.sudo().session_ids, self.session_a | self.session_b)
        lines = recall.sudo().studio_ids
        self.assertEqual(lines.company_id, self.studio_a | self.studio_b)
        line_a = lines.filtered(lambda line: line.company_id == self.studio_a)
        self.assertEqual(
            (line_a.session_count, line_a.partner_count, line_a.held_count),
            (1, 1, 1),
        )
        self.assertTrue(self.lot.skinpro_recalled)
        # Inventory staff see the counts, neither clients nor sessions (who was
        # treated is health data); the studio's practitioner sees its own.
        with self.assertRaises(AccessError):
            recall.with_user(self.inventory).read(["session_ids"])
        with self.assertRaises(AccessError):
            recall.with_user(self.inventory).read(["partner_ids"])
        self.assertEqual(recall.with_user(self.inventory).partner_count, 2)
        self.assertEqual(recall.with_user(self.practitioner).partner_ids, self.client_a)

    def test_every_studios_stock_of_the_lot_moves_to_its_quarantine(self):
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, self.lot), 4)
        self.assertEqual(self.on_hand(self.studio_b, self.cartridge, self.lot), 2)
        recall = self.recall()
        for studio, qty in ((self.studio_a, 4), (self.studio_b, 2)):
            self.assertEqual(self.on_hand(studio, self.cartridge, self.lot), 0)
            self.assertEqual(self.quarantined(studio), qty)
            quarantine = studio.skinpro_warehouse_id.skinpro_quarantine_location_id
            self.assertFalse(
                quarantine._child_of(studio.skinpro_warehouse_id.lot_stock_id)
            )
        self.assertEqual(recall.quantity_quarantined, 6)
        line_b = recall.studio_ids.filtered(lambda l: l.company_id == self.studio_b)
        self.assertEqual(line_b.quantity_quarantined, 2)
        self.assertEqual(recall.quarantine_move_ids.mapped("state"), ["done", "done"])

    def test_a_recalled_lot_is_never_consumed_nor_reserved(self):
        self.recall()
        # Two more of the lot turn up in the studio's stock: still blocked.
        self.env["stock.quant"]._update_available_quantity(
            self.cartridge, self.studio_a.skinpro_warehouse_id.lot_stock_id, 2,
            lot_id=self.lot,
        )  # fmt: skip
        session = self.started_session(self.studio_a, self.client_b)
        session.action_done()
        self.assertNotIn(self.lot, session.consumed_lot_ids)
        self.assertIn(self.cartridge, session.consumed_lot_ids.product_id)
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, self.lot), 2)
        # Nor does any transfer reserve it.
        warehouse = self.studio_a.skinpro_warehouse_id
        picking = (
            self.env["stock.picking"]
            .with_company(self.studio_a)
            .create(
                {
                    "picking_type_id": warehouse.int_type_id.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": warehouse.lot_stock_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": self.cartridge.id,
                                "product_uom_qty": 20,
                                "location_id": warehouse.lot_stock_id.id,
                                "location_dest_id": warehouse.lot_stock_id.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.action_assign()
        self.assertTrue(picking.move_line_ids)
        self.assertNotIn(self.lot, picking.move_line_ids.lot_id)

    def test_with_only_the_recalled_lot_left_a_session_is_short(self):
        self.recall()
        self.env["stock.quant"]._update_available_quantity(
            self.cartridge, self.studio_b.skinpro_warehouse_id.lot_stock_id, 2,
            lot_id=self.lot,
        )  # fmt: skip
        early, late = self.env["stock.lot"].search(
            [("name", "in", ("B-CART-EARLY", "B-CART-LATE"))]
        )
        for lot in early | late:
            self.env["stock.quant"]._update_available_quantity(
                self.cartridge,
                self.studio_b.skinpro_warehouse_id.lot_stock_id,
                -self.on_hand(self.studio_b, self.cartridge, lot),
                lot_id=lot,
            )
        session = self.started_session(self.studio_b, self.client_a)
        with self.assertRaisesRegex(UserError, "short of 1 Units 12-pin cartridge"):
            session.action_done()

    def test_a_recalled_lot_cannot_be_sent_anywhere_but_quarantine(self):
        self.recall()
        warehouse = self.studio_a.skinpro_warehouse_id
        self.env["stock.quant"]._update_available_quantity(
            self.cartridge, warehouse.lot_stock_id, 1, lot_id=self.lot
        )
        picking = (
            self.env["stock.picking"]
            .with_company(self.studio_a)
            .create(
                {
                    "picking_type_id": warehouse.out_type_id.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": self.env.ref(
                        "stock.stock_location_customers"
                    ).id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": self.cartridge.id,
                                "product_uom_qty": 1,
                                "location_id": warehouse.lot_stock_id.id,
                                "location_dest_id": self.env.ref(
                                    "stock.stock_location_customers"
                                ).id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.move_ids.move_line_ids = [
            Command.create(
                {
                    "product_id": self.cartridge.id,
                    "lot_id": self.lot.id,
                    "quantity": 1,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": picking.location_dest_id.id,
                }
            )
        ]
        picking.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "C-RECALL .* is recalled"):
            picking.button_validate()

    def test_the_point_of_sale_refuses_a_recalled_lot(self):
        self.recall()
        self.cartridge.available_in_pos = True
        config = self.studio_a.skinpro_pos_config_ids[:1]
        config.with_company(self.studio_a).open_ui()
        payload = pos_order_payload(
            config.current_session_id, self.client_a, self.cartridge
        )
        payload["lines"][0][2]["pack_lot_ids"] = [[0, 0, {"lot_name": "C-RECALL"}]]
        with self.assertRaisesRegex(UserError, "C-RECALL .* is recalled"):
            self.env["pos.order"].sync_from_ui([payload])
        self.assertFalse(self.env["pos.order"].search([("uuid", "=", payload["uuid"])]))
        # Nor does the register offer it.
        self.env["stock.quant"]._update_available_quantity(
            self.cartridge, self.studio_a.skinpro_warehouse_id.lot_stock_id, 1,
            lot_id=self.lot,
        )  # fmt: skip
        lots = self.env["pos.order.line"].get_existing_lots(
            self.studio_a.id, config.id, self.cartridge.id
        )
        self.assertTrue(lots)
        self.assertNotIn(self.lot.id, [lot["id"] for lot in lots])

    def test_each_clients_next_session_is_held_until_a_practitioner_reviewed_it(self):
        recall = self.recall()
        self.assertEqual(self.next_a.recall_id, recall)
        self.assertFalse(self.later_a.recall_id)
        self.screening(client=self.client_a, studio=self.studio_a).action_confirm()
        self.next_a.reconfirmation_ids.write({"answer": "no"})
        with self.assertRaisesRegex(UserError, "held by Recall of C-RECALL"):
            self.next_a.action_start()
        self.assertEqual(self.next_a.state, "planned")
        with self.assertRaisesRegex(UserError, "Recall reviewed by"):
            self.next_a.write({"recall_reviewed_by_id": self.practitioner.id})
        with self.assertRaisesRegex(UserError, "Only a practitioner"):
            self.next_a.with_user(self.inventory).action_skinpro_review_recall()
        self.next_a.with_user(self.practitioner).action_skinpro_review_recall()
        self.assertEqual(self.next_a.recall_reviewed_by_id, self.practitioner)
        line_a = recall.studio_ids.filtered(lambda l: l.company_id == self.studio_a)
        self.assertEqual((line_a.held_count, line_a.reviewed_count), (1, 1))
        self.next_a.action_start()
        self.assertEqual(self.next_a.state, "in_progress")

    def test_each_client_gets_a_notice_without_health_details(self):
        recall = self.recall()
        notices = recall.sudo().notice_ids
        self.assertEqual(notices.partner_id, self.client_a | self.client_b)
        notice_a = notices.filtered(lambda n: n.partner_id == self.client_a)
        self.assertEqual(notice_a.company_id, self.studio_a)
        mail = self.env["mail.mail"].search(
            [("model", "=", "skinpro.recall.notice"), ("res_id", "=", notice_a.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.client_a)
        self.assertIn("C-RECALL", mail.body_html)
        self.assertIn(REASON, mail.body_html)
        self.assertIn("sta@studio.example", mail.email_from)
        body = mail.body_html.lower()
        questions = self.env["skinpro.contraindication"].search([]).mapped("name")
        for health in [q.lower() for q in questions] + [
            "screening",
            "0.5 mm",
            "depth",
            "adverse",
            "express micro-needling",
        ]:
            self.assertNotIn(health, body)
        self.assertEqual(notice_a.mail_state, "queued")
        with self.mock_mail_gateway():
            mail.send()
        self.assertEqual(len(self._mails), 1)
        self.assertEqual(
            self._mails[0]["email_to"], ['"Client of A" <client.a@example.com>']
        )
        notice_a.invalidate_recordset()
        self.assertEqual(notice_a.mail_state, "sent")
        line_a = recall.studio_ids.filtered(lambda l: l.company_id == self.studio_a)
        self.assertEqual((line_a.partner_count, line_a.notified_count), (1, 1))
        # The template is data the chain edits.
        template = self.env.ref("skinpro_needling.mail_template_recall_notice")
        self.assertEqual(template.model, "skinpro.recall.notice")

    def test_front_desk_cannot_recall_inventory_and_chain_manager_can(self):
        with self.assertRaises(AccessError):
            self.lot.with_user(self.front_desk).action_skinpro_recall(REASON)
        with self.assertRaises(AccessError):
            self.env["skinpro.recall"].with_user(self.front_desk).create(
                {"lot_id": self.lot.id, "reason": REASON}
            )
        self.assertFalse(self.lot.skinpro_recalled)
        recall = self.recall(self.chain_manager)
        self.assertEqual(recall.user_id, self.chain_manager)
        self.assertEqual(
            self.env["skinpro.recall"]
            .with_user(self.inventory)
            .search([("lot_id", "=", self.lot.id)]),
            recall,
        )
        with self.assertRaisesRegex(UserError, "already recalled"):
            self.recall(self.inventory)
        # The lot's form creates it: its Save is the recall.
        other = self.stock(self.studio_a, self.cartridge, 1, "C-OTHER", 100)
        created = (
            self.env["skinpro.recall"]
            .with_user(self.inventory)
            .create({"lot_id": other.id, "reason": REASON})
        )
        self.assertTrue(other.skinpro_recalled)
        self.assertEqual(created.lot_id, other)
        with self.assertRaisesRegex(UserError, "give the manufacturer's reason"):
            self.stock(self.studio_a, self.cartridge, 1, "C-3", 100).with_user(
                self.inventory
            ).action_skinpro_recall(" ")

    def test_a_new_studios_warehouse_has_its_quarantine(self):
        for warehouse in self.env["stock.warehouse"].search([]):
            quarantine = warehouse.skinpro_quarantine_location_id
            self.assertTrue(quarantine.skinpro_quarantine, warehouse.name)
            self.assertEqual(quarantine.location_id, warehouse.view_location_id)


@tagged("post_install", "-at_install")
class TestRecallTours(HttpCase):
    """The demo's inventory staff recall a lot from its form; its practitioner scans
    a cartridge on a session."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skip_without_demo(cls.env)

    def test_inventory_staff_recall_a_lot_from_its_form(self):
        lot = self.env.ref("skinpro_needling.lot_c_2602")
        slc = self.env.ref("skinpro_needling.studio_salt_lake")
        on_hand = sum(
            self.env["stock.quant"]
            .search(
                [
                    ("lot_id", "=", lot.id),
                    (
                        "location_id",
                        "=",
                        slc.skinpro_warehouse_id.lot_stock_id.id,
                    ),
                ]
            )
            .mapped("quantity")
        )
        self.assertTrue(on_hand)
        self.start_tour(
            f"/odoo/stock.lot/{lot.id}", "skinpro_recall_lot", login="inventory"
        )
        self.assertTrue(lot.skinpro_recalled)
        recall = lot.skinpro_recall_id
        self.assertEqual(recall.user_id.login, "inventory")
        self.assertEqual(recall.reason, "Sterility of the pouches not assured")
        self.assertEqual(
            recall.studio_ids.filtered(
                lambda l: l.company_id == slc
            ).quantity_quarantined,
            on_hand,
        )

    def test_the_practitioner_scans_the_cartridge(self):
        session = self.env["skinpro.treatment.session"].search(
            [
                (
                    "company_id",
                    "=",
                    self.env.ref("skinpro_needling.studio_salt_lake").id,
                ),
                ("state", "=", "in_progress"),
                ("partner_id.ref", "=", False),
            ],
            limit=1,
        )
        self.start_tour(
            f"/odoo/skinpro.treatment.session/{session.id}",
            "skinpro_scan_cartridge",
            login="practitioner",
        )
        self.assertEqual(
            session.cartridge_lot_id, self.env.ref("skinpro_needling.lot_c_2609")
        )
