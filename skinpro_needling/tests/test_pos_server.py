# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from uuid import uuid4

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SIGNATURE, SkinproCase
from .pos_payload import pos_order_payload


@tagged("post_install", "-at_install")
class TestPosServer(SkinproCase):
    """What the server does with the orders the front desk's POS sends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.studio_a.action_skinpro_setup_studio()
        cls.config = cls.studio_a.skinpro_pos_config_ids
        cls.manager = cls.studio_user(
            "mgr", cls.studio_a, "skinpro_needling.group_studio_manager"
        )
        cls.treatment = cls.env["product.product"].create(
            {
                "name": "Express micro-needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "available_in_pos": True,
                "list_price": 120,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.course = cls.env["product.product"].create(
            {
                "name": "Express course of three",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "skinpro_course_sessions": 3,
                "available_in_pos": True,
                "list_price": 300,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.config.with_company(cls.studio_a).open_ui()
        cls.pos_session = cls.config.current_session_id

    def order_data(self, partner, product, uid=None):
        return pos_order_payload(self.pos_session, partner, product, uid)

    def sync(self, data):
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def test_an_unchecked_order_for_a_non_cleared_client_is_kept_and_flagged(self):
        order = self.sync(self.order_data(self.client_a, self.treatment))
        self.assertTrue(order.exists())
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.skinpro_needs_review)
        self.assertIn("was not cleared", order.skinpro_review_reason)
        self.assertEqual(order.activity_ids.user_id, self.manager)
        session = order.lines.skinpro_session_ids
        self.assertEqual(len(session), 1)
        self.assertEqual(session.state, "planned")
        # Even once the client is cleared, the session waits for the review.
        self.screening().action_confirm()
        session.reconfirmation_ids.write({"answer": "no"})
        with self.assertRaisesRegex(UserError, "flagged for review"):
            session.action_start()
        self.assertEqual(session.state, "planned")
        order.with_user(self.manager).action_skinpro_review_done()
        session.action_start()
        self.assertEqual(session.state, "in_progress")

    def test_a_cleared_clients_order_links_the_planned_session(self):
        self.screening().action_confirm()
        planned = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.treatment.id,
            }
        )
        order = self.sync(self.order_data(self.client_a, self.treatment))
        self.assertFalse(order.skinpro_needs_review)
        self.assertFalse(order.activity_ids)
        self.assertEqual(order.lines.skinpro_session_ids, planned)

    def test_a_paid_course_gives_its_credits(self):
        self.screening().action_confirm()
        order = self.sync(self.order_data(self.client_a, self.course))
        course = order.lines.skinpro_course_ids
        self.assertEqual(course.partner_id, self.client_a)
        self.assertEqual(course.sessions_left, 3)

    def test_the_same_order_synced_twice_books_once(self):
        self.screening().action_confirm()
        data = self.order_data(self.client_a, self.treatment, uid=str(uuid4()))
        first = self.sync(dict(data))
        second = self.sync(
            self.order_data(self.client_a, self.treatment, uid=data["uuid"])
        )
        self.assertEqual(first, second)
        sessions = self.env["skinpro.treatment.session"].search(
            [("partner_id", "=", self.client_a.id)]
        )
        self.assertEqual(len(sessions), 1)

    def test_a_treatment_sold_without_client_is_flagged(self):
        order = self.sync(self.order_data(False, self.treatment))
        self.assertTrue(order.skinpro_needs_review)
        self.assertIn("without a client", order.skinpro_review_reason)

    def test_the_pos_receives_the_status_never_the_answers(self):
        self.screening(yes=["pregnancy"]).action_confirm()
        front_desk = self.studio_user(
            "fd", self.studio_a, "skinpro_needling.group_front_desk"
        )
        self.env.invalidate_all()
        session = self.pos_session.with_user(front_desk)
        # The POS reads which fields each model has, then the records themselves.
        params = session.load_data_params()
        data = session.load_data([])
        fields = params["res.partner"]["fields"]
        self.assertIn("skinpro_screening_status", fields)
        self.assertFalse(
            [
                f
                for f in fields
                if f.startswith("skinpro_screening_")
                and f
                not in ("skinpro_screening_status", "skinpro_screening_valid_until")
            ]
        )
        row = next(r for r in data["res.partner"] if r["id"] == self.client_a.id)
        self.assertEqual(row["skinpro_screening_status"], "refer")
        payload = str(params) + str(data)
        for secret in ("pregnan", "answer", "Are you", "consent_signature"):
            self.assertNotIn(secret, payload)

    def test_the_aftercare_kit_handed_over_is_recorded_on_the_session(self):
        kit = self.env["product.product"].create(
            {"name": "Aftercare kit", "type": "consu", "is_storable": True}
        )
        self.treatment.skinpro_recipe_ids = [
            Command.create({"kind": "kit", "component_id": kit.id, "quantity": 1})
        ]
        self.screening().action_confirm()
        session = (
            self.sync(self.order_data(self.client_a, self.treatment))
            .lines[:1]
            .skinpro_session_ids
        )
        self.assertTrue(session.aftercare_handed)
        self.assertEqual(session.aftercare_kit_id, kit)

    def test_the_kit_handed_over_leaves_through_the_pos_picking_once(self):
        kit = self.env["product.product"].create(
            {"name": "Aftercare kit", "type": "consu", "is_storable": True,
             "available_in_pos": True, "list_price": 20,
             "taxes_id": [Command.clear()]}
        )  # fmt: skip
        self.treatment.skinpro_recipe_ids = [
            Command.create({"kind": "kit", "component_id": kit.id, "quantity": 1})
        ]
        warehouse = self.studio_a.skinpro_warehouse_id
        self.env["stock.quant"]._update_available_quantity(
            kit, warehouse.lot_stock_id, 10
        )
        kit_here = kit.with_context(warehouse_id=warehouse.id)
        self.screening().action_confirm()
        order = self.sync(self.order_data(self.client_a, self.treatment))
        session = order.lines.skinpro_session_ids
        # The till is answered at once; the stock follows from the scheduler the
        # sale triggered.
        self.assertFalse(order.picking_ids)
        self.assertFalse(session.consumption_picking_id)
        trigger = self.env["ir.cron.trigger"].search(
            [
                (
                    "cron_id",
                    "=",
                    self.env.ref("skinpro_needling.ir_cron_skinpro_pos_stock").id,
                )
            ]
        )
        self.assertTrue(trigger)
        self.env["skinpro.treatment.session"]._cron_skinpro_pos_stock()
        self.assertFalse(session.pos_stock_due)
        pos_picking = order.picking_ids
        self.assertEqual(pos_picking.picking_type_id, self.config.picking_type_id)
        self.assertEqual(pos_picking.state, "done")
        self.assertEqual(pos_picking.move_ids.product_id, kit)
        # Out of the stock once: the session's booked consumption has no kit left.
        self.assertEqual(kit_here.qty_available, 9)
        self.assertEqual(kit_here.virtual_available, 9)
        self.assertNotIn(kit, session.consumption_picking_id.move_ids.product_id)
        # A kit sold on its own leaves through the POS's picking, in the forecast.
        self.sync(self.order_data(self.client_b, kit))
        self.env.invalidate_all()
        self.assertEqual(kit_here.qty_available, 8)
        self.assertEqual(kit_here.virtual_available, 8)

    def test_a_retail_aftercare_product_sells_as_usual(self):
        serum = self.env["product.product"].create(
            {
                "name": "Retail recovery serum",
                "type": "consu",
                "is_storable": True,
                "available_in_pos": True,
                "list_price": 35,
                "taxes_id": [Command.clear()],
            }
        )
        order = self.sync(self.order_data(False, serum))
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.skinpro_needs_review)
        self.assertFalse(order.activity_ids)
        self.assertFalse(order.lines.skinpro_session_ids)

    def test_the_pos_reads_todays_status_for_its_own_studio_only(self):
        self.screening(yes=["pregnancy"]).action_confirm()
        front_desk = self.studio_user(
            "fd", self.studio_a, "skinpro_needling.group_front_desk"
        )
        rows = self.config.with_user(front_desk).skinpro_screening_statuses(
            [self.client_a.id, self.client_b.id]
        )
        by_id = {row["id"]: row for row in rows}
        self.assertEqual(by_id[self.client_a.id]["skinpro_screening_status"], "refer")
        self.assertEqual(by_id[self.client_b.id]["skinpro_screening_status"], "none")
        self.assertEqual(
            set(by_id[self.client_a.id]),
            {"id", "skinpro_screening_status", "skinpro_screening_valid_until"},
        )
        self.studio_b.action_skinpro_setup_studio()
        with self.assertRaises(AccessError):
            self.studio_b.skinpro_pos_config_ids.with_user(
                front_desk
            ).skinpro_screening_statuses([self.client_a.id])

    def test_the_pos_refers_only_medical_depth_to_a_provider(self):
        front_desk = self.studio_user(
            "fd", self.studio_a, "skinpro_needling.group_front_desk"
        )
        provider = self.env["res.partner"].create(
            {"name": "Dr. Derm", "skinpro_is_medical_provider": True}
        )
        deep = self.env["product.product"].create(
            {
                "name": "Deep micro-needling 2.0 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 2.0,
            }
        )
        config = self.config.with_user(front_desk)
        self.assertIn(
            "Dr. Derm", [p["name"] for p in config.skinpro_referral_providers()]
        )
        Lead = self.env["crm.lead"]
        before = Lead.search_count([("skinpro_is_referral", "=", True)])
        with self.assertRaisesRegex(UserError, "can be performed at Studio A"):
            config.skinpro_create_referral(
                self.client_a.id, self.treatment.id, provider.id
            )
        with self.assertRaisesRegex(UserError, "Choose the medical provider"):
            config.skinpro_create_referral(self.client_a.id, deep.id, self.client_b.id)
        self.assertEqual(
            Lead.search_count([("skinpro_is_referral", "=", True)]), before
        )
        name = config.skinpro_create_referral(self.client_a.id, deep.id, provider.id)
        referral = Lead.search([("name", "=", name)])
        self.assertEqual(referral.skinpro_provider_id, provider)
        self.assertEqual(referral.company_id, self.studio_a)
        self.assertIn("Referred from the POS", referral.message_ids[0].body)

    def queries_to_sync_one_order(self, product=None):
        """Counted as `assertQueryCount` counts: from cold caches, flushed."""
        data = self.order_data(self.client_a, product or self.treatment)
        self.env.invalidate_all()
        self.env.cr.flush()
        before = self.env.cr.sql_log_count
        self.sync(data)
        self.env.flush_all()
        self.env.cr.flush()
        return self.env.cr.sql_log_count - before

    def prior_history(self, count):
        """`count` other clients of the studio, each with a screening and a
        planned session."""
        clients = self.env["res.partner"].create(
            [{"name": f"Prior client {n}"} for n in range(count)]
        )
        self.env["skinpro.screening"].create(
            [
                {
                    "partner_id": client.id,
                    "company_id": self.studio_a.id,
                    "consent_signature": SIGNATURE,
                }
                for client in clients
            ]
        )
        self.env["skinpro.treatment.session"].create(
            [
                {
                    "partner_id": client.id,
                    "company_id": self.studio_a.id,
                    "product_id": self.treatment.id,
                    "reconfirmation_ids": [],
                }
                for client in clients
            ]
        )

    def test_sync_queries_do_not_grow_with_prior_screenings_and_sessions(self):
        self.screening().action_confirm()
        self.sync(self.order_data(self.client_a, self.treatment))  # warm the caches
        self.prior_history(10)
        with_ten = self.queries_to_sync_one_order()
        self.prior_history(990)
        data = self.order_data(self.client_a, self.treatment)
        self.env.invalidate_all()
        with self.assertQueryCount(with_ten):
            self.sync(data)

    def test_a_paid_treatment_costs_at_most_six_queries_more_than_a_plain_order(self):
        """Each POS request starts with empty record caches; a worker's registry
        caches stay warm from the orders it served before."""
        self.screening().action_confirm()
        plain = self.env["product.product"].create(
            {
                "name": "Plain facial",
                "type": "service",
                "available_in_pos": True,
                "list_price": 120,
                "taxes_id": [Command.clear()],
            }
        )
        for product in (plain, self.treatment) * 2:
            self.sync(self.order_data(self.client_a, product))

        def cold_sync(product):
            """The previous request committed: its work done, its caches gone."""
            data = self.order_data(self.client_a, product)
            self.env.flush_all()
            self.env.cr.flush()
            self.env.invalidate_all()
            return lambda: self.sync(data)

        sync = cold_sync(plain)
        before = self.env.cr.sql_log_count
        sync()
        self.env.flush_all()
        self.env.cr.flush()
        plain_queries = self.env.cr.sql_log_count - before
        sync = cold_sync(self.treatment)
        with self.assertQueryCount(plain_queries + 6):
            order = sync()
        session = order.lines.skinpro_session_ids
        self.assertEqual(session.state, "planned")
        questions = self.env["skinpro.contraindication"].search(
            [("reconfirm_each_session", "=", True)]
        )
        self.assertTrue(questions)
        self.assertEqual(session.reconfirmation_ids.contraindication_id, questions)
        self.assertEqual(session.reconfirmation_ids.company_id, self.studio_a)
        self.assertEqual(
            session.reconfirmation_ids.mapped("sequence"), questions.mapped("sequence")
        )
