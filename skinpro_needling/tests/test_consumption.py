# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import StockedStudiosCase


@tagged("post_install", "-at_install")
class TestConsumption(StockedStudiosCase):
    def test_completing_consumes_the_recipe_from_the_studios_lot_expiring_first(self):
        early, late, cream = self.stock_studio(self.studio_a, "A")
        b_early, _b_late, _b_cream = self.stock_studio(self.studio_b, "B")
        session = self.started_session(self.studio_a, self.client_a)
        session.action_done()
        self.assertEqual(session.state, "done")
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, early), 4)
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, late), 5)
        self.assertEqual(self.on_hand(self.studio_a, self.anaesthetic, cream), 28)
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 9)
        self.assertEqual(self.on_hand(self.studio_b, self.cartridge, b_early), 5)
        self.assertEqual(session.consumed_lot_ids, early | cream)
        picking = session.consumption_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(
            picking.picking_type_id.warehouse_id, self.studio_a.skinpro_warehouse_id
        )

    def test_the_grams_actually_used_are_consumed(self):
        _early, _late, cream = self.stock_studio(self.studio_a, "A")
        session = self.started_session(
            self.studio_a, self.client_a, anaesthetic_grams=3.5
        )
        session.action_done()
        self.assertEqual(self.on_hand(self.studio_a, self.anaesthetic, cream), 26.5)

    def test_a_course_session_consumes_as_a_paid_one(self):
        early, _late, _cream = self.stock_studio(self.studio_a, "A")
        self.treatment.product_tmpl_id.skinpro_course_sessions = 3
        course = self.env["skinpro.course"].create(
            {"partner_id": self.client_a.id, "company_id": self.studio_a.id,
             "product_id": self.treatment.id}
        )  # fmt: skip
        session = self.started_session(
            self.studio_a, self.client_a, course_id=course.id
        )
        session.action_done()
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, early), 4)
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 9)
        self.assertEqual(course.sessions_left, 2)

    def test_an_expired_lot_is_never_used_the_shortage_needs_a_manager(self):
        expired = self.stock(self.studio_a, self.cartridge, 5, "A-CART-OLD", 1)
        self.stock(self.studio_a, self.anaesthetic, 30, "A-LIDO", 90)
        self.stock(self.studio_a, self.kit, 10)
        expired.expiration_date = self.now - timedelta(days=1)
        session = self.started_session(self.studio_a, self.client_a)
        with self.assertRaisesRegex(UserError, "short of 1 Units 12-pin cartridge"):
            session.action_done()
        self.assertEqual(session.state, "in_progress")
        # The booked consumption stays as it was: demand, nothing reserved.
        booked = session.consumption_picking_id
        self.assertEqual(booked.state, "confirmed")
        self.assertFalse(booked.move_line_ids)
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 10)
        inventory = self.studio_user(
            "inv", self.studio_a, "skinpro_needling.group_inventory"
        )
        manager = self.studio_user(
            "mgr", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        with self.assertRaisesRegex(UserError, "Only a studio manager"):
            session.action_done_override_shortage()
        session.with_user(manager).action_done_override_shortage()
        self.assertEqual(session.state, "done")
        self.assertEqual(session.shortage_overridden_by_id, manager)
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, expired), 5)
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 9)
        activity = self.cartridge.product_tmpl_id.activity_ids
        self.assertEqual(activity.user_id, inventory)
        self.assertIn("Restock 12-pin cartridge at Studio A", activity.summary)

    def test_an_expired_lot_is_never_used_even_with_a_later_removal_date(self):
        expired = self.stock(self.studio_a, self.cartridge, 5, "A-CART-LAX", 1)
        self.stock(self.studio_a, self.anaesthetic, 30, "A-LIDO", 90)
        self.stock(self.studio_a, self.kit, 10)
        expired.write(
            {
                "expiration_date": self.now - timedelta(days=1),
                "removal_date": self.now + timedelta(days=30),
            }
        )
        session = self.started_session(self.studio_a, self.client_a)
        with self.assertRaisesRegex(UserError, "short of 1 Units 12-pin cartridge"):
            session.action_done()
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, expired), 5)

    def test_lots_leave_in_the_order_of_their_removal_dates(self):
        # Odoo's FEFO on the studio's stock: the lot to be removed first goes first,
        # even when another expires sooner.
        early, late, _cream = self.stock_studio(self.studio_a, "A")
        late.removal_date = early.removal_date - timedelta(days=1)
        session = self.started_session(self.studio_a, self.client_a)
        session.action_done()
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, late), 4)
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, early), 5)
        self.assertIn(late, session.consumed_lot_ids)

    def test_a_manager_completes_with_what_there_is(self):
        self.stock(self.studio_a, self.cartridge, 5, "A-CART", 30)
        cream = self.stock(self.studio_a, self.anaesthetic, 1.5, "A-LIDO", 90)
        self.stock(self.studio_a, self.kit, 10)
        manager = self.studio_user(
            "mgr", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        session = self.started_session(self.studio_a, self.client_a)
        with self.assertRaisesRegex(UserError, "short of 0.5 g Lidocaine 4% cream"):
            session.action_done()
        session.with_user(manager).action_done_override_shortage()
        self.assertEqual(self.on_hand(self.studio_a, self.anaesthetic, cream), 0)
        self.assertEqual(
            sorted(session.consumed_lot_ids.mapped("name")), ["A-CART", "A-LIDO"]
        )
        activity = self.anaesthetic.product_tmpl_id.activity_ids
        self.assertIn("Lidocaine 4% cream at Studio A: 0.5 g short", activity.summary)

    def test_a_recipe_line_named_for_the_variant_replaces_the_general_one(self):
        early, _late, _cream = self.stock_studio(self.studio_a, "A")
        self.treatment.product_tmpl_id.skinpro_recipe_ids = [
            Command.create(
                {
                    "kind": "cartridge",
                    "variant_id": self.treatment.id,
                    "component_id": self.cartridge.id,
                    "quantity": 2,
                }
            )
        ]
        session = self.started_session(self.studio_a, self.client_a)
        self.assertEqual(session.product_id._skinpro_recipe_needs()[self.cartridge], 2)
        session.action_done()
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, early), 3)
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 9)

    def test_each_warehouse_has_its_consumption_operation_type(self):
        warehouse = self.studio_a.skinpro_warehouse_id
        consumption = warehouse.skinpro_consumption_type_id
        self.assertEqual(consumption.default_location_src_id, warehouse.lot_stock_id)
        self.stock_studio(self.studio_a, "A")
        session = self.started_session(self.studio_a, self.client_a)
        session.action_done()
        picking = session.consumption_picking_id
        self.assertEqual(picking.picking_type_id, consumption)
        self.assertTrue(picking.name.startswith("STA/TC/"), picking.name)
        # A warehouse from before the addon gets its own at install.
        warehouse.skinpro_consumption_type_id = False
        self.env["stock.warehouse"]._skinpro_create_missing_consumption_types()
        self.assertTrue(warehouse.skinpro_consumption_type_id)
        self.assertNotEqual(warehouse.skinpro_consumption_type_id, consumption)

    def test_recall_finds_exactly_the_sessions_that_used_a_lot(self):
        # A manufacturer's lot, resupplied to both studios from the central warehouse.
        shared = self.env["stock.lot"].create(
            {
                "name": "CHAIN-CART-1",
                "product_id": self.cartridge.id,
                "expiration_date": self.now + timedelta(days=20),
            }
        )
        for studio in (self.studio_a, self.studio_b):
            self.env["stock.quant"]._update_available_quantity(
                self.cartridge,
                studio.skinpro_warehouse_id.lot_stock_id,
                2,
                lot_id=shared,
            )
        a_early, _a_late, _cream = self.stock_studio(self.studio_a, "A")
        self.stock_studio(self.studio_b, "B")
        first = self.started_session(self.studio_a, self.client_a)
        first.action_done()
        other = self.started_session(self.studio_b, self.client_b)
        other.action_done()
        untouched = self.started_session(
            self.studio_a, self.env["res.partner"].create({"name": "C"})
        )
        self.assertEqual(shared.skinpro_session_ids, first | other)
        self.assertFalse(a_early.skinpro_session_ids)  # the shared lot expires sooner
        recall = self.env["skinpro.treatment.session"].search(
            [("consumed_lot_ids.name", "=", "CHAIN-CART-1")]
        )
        self.assertEqual(recall, first | other)
        self.assertNotIn(untouched, recall)

    def test_the_last_cartridge_goes_to_one_session_the_other_reports_the_shortage(
        self,
    ):
        self.stock(self.studio_a, self.cartridge, 1, "A-LAST", 100)
        self.stock(self.studio_a, self.anaesthetic, 30, "A-LIDO", 90)
        self.stock(self.studio_a, self.kit, 10)
        first = self.started_session(self.studio_a, self.client_a)
        second = self.started_session(
            self.studio_a, self.env["res.partner"].create({"name": "Second client"})
        )
        first.action_done()
        with self.assertRaisesRegex(UserError, "short of 1 Units 12-pin cartridge"):
            second.action_done()
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge), 0)
        quants = self.env["stock.quant"].search(
            [("product_id", "=", self.cartridge.id), ("quantity", "<", 0)]
        )
        self.assertFalse(quants)

    def test_a_reordering_rule_below_minimum_is_resupplied_from_the_central_stock(self):
        central = self.env["stock.warehouse"].search(
            [("company_id", "=", self.chain.id)], order="sequence, id", limit=1
        )
        studio_wh = self.studio_a.skinpro_warehouse_id
        self.assertIn(central, studio_wh.resupply_wh_ids)
        self.env["stock.quant"]._update_available_quantity(
            self.kit, central.lot_stock_id, 100
        )
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.kit.id,
                "warehouse_id": studio_wh.id,
                "location_id": studio_wh.lot_stock_id.id,
                "company_id": self.studio_a.id,
                "route_id": studio_wh.resupply_route_ids[:1].id,
                "product_min_qty": 10,
                "product_max_qty": 30,
            }
        )
        orderpoint.action_replenish()
        moves = self.env["stock.move"].search([("product_id", "=", self.kit.id)])
        out_of_central = moves.filtered(lambda m: m.location_id == central.lot_stock_id)
        into_studio = moves.filtered(
            lambda m: m.location_dest_id == studio_wh.lot_stock_id
        )
        self.assertEqual(out_of_central.product_uom_qty, 30)
        self.assertEqual(into_studio.product_uom_qty, 30)
        self.assertEqual(into_studio.company_id, self.studio_a)

    def test_a_studio_shows_its_lots_past_their_expiry_alert(self):
        soon = self.stock(self.studio_a, self.cartridge, 5, "A-SOON", 10)
        self.stock(self.studio_a, self.cartridge, 5, "A-LATER", 300)
        self.stock(self.studio_b, self.cartridge, 5, "B-SOON", 10)
        (
            soon | self.env["stock.lot"].search([("name", "in", ["A-LATER", "B-SOON"])])
        ).write({"alert_date": fields.Datetime.now() + timedelta(days=300)})
        soon.alert_date = fields.Datetime.now() - timedelta(days=1)
        self.assertEqual(self.studio_a.skinpro_expiring_quant_count, 1)
        action = self.studio_a.action_skinpro_expiring_lots()
        self.assertEqual(self.env["stock.quant"].search(action["domain"]).lot_id, soon)
        self.assertEqual(self.studio_b.skinpro_expiring_quant_count, 0)
