# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import Command
from odoo.tests import tagged

from .common import StockedStudiosCase


@tagged("post_install", "-at_install")
class TestForecast(StockedStudiosCase):
    """A booked session is demand Odoo's own forecast sees, at its planned start,
    without reserving anything; completed, it is consumed once."""

    def setUp(self):
        super().setUp()
        self.stock_studio(self.studio_a, "A")  # 10 cartridges, 30 g, 10 kits
        self.stock(self.studio_b, self.kit, 10)
        self.in_3_days = self.now + timedelta(days=3)

    def forecast(self, studio, product, days=7):
        """Odoo's forecasted quantity in the studio's warehouse `days` from now."""
        return product.with_context(
            warehouse_id=studio.skinpro_warehouse_id.id,
            to_date=self.now + timedelta(days=days),
        ).virtual_available

    def book(self, studio=None, client=None, **vals):
        return self.env["skinpro.treatment.session"].create(
            {
                "partner_id": (client or self.client_a).id,
                "company_id": (studio or self.studio_a).id,
                "product_id": self.treatment.id,
                "planned_start": self.in_3_days,
                **vals,
            }
        )

    def cover(self, studio, product):
        return self.env["skinpro.report.stock.cover"].search(
            [("company_id", "=", studio.id), ("product_id", "=", product.id)]
        )

    def test_a_booked_session_is_forecasted_demand_at_its_planned_start(self):
        self.assertEqual(self.forecast(self.studio_a, self.kit), 10)
        session = self.book()
        self.assertEqual(self.forecast(self.studio_a, self.kit), 9)
        self.assertEqual(self.forecast(self.studio_a, self.anaesthetic), 28)
        # Not before the day it is planned for, and never reserved.
        self.assertEqual(self.forecast(self.studio_a, self.kit, days=2), 10)
        self.assertEqual(self.kit.with_company(self.studio_a).qty_available, 20 - 10)
        picking = session.consumption_picking_id
        self.assertEqual(picking.state, "confirmed")
        self.assertEqual(picking.scheduled_date, self.in_3_days)
        self.assertEqual(
            set(picking.move_ids.mapped("date_deadline")), {self.in_3_days}
        )
        self.env["stock.rule"].sudo()._run_scheduler_tasks(company_id=self.studio_a.id)
        self.assertFalse(picking.move_line_ids)
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 10)
        # Odoo's Forecasted report lists it as the transfer taking a kit.
        report = (
            self.env["stock.forecasted_product_product"]
            .with_context(warehouse_id=self.studio_a.skinpro_warehouse_id.id)
            .get_report_values(docids=self.kit.ids)["docs"]
        )
        self.assertEqual(report["product"][self.kit.id]["virtual_available"], 9)
        kit_move = picking.move_ids.filtered(lambda move: move.product_id == self.kit)
        self.assertIn(
            kit_move.id,
            [line["move_out"]["id"] for line in report["lines"] if line["move_out"]],
        )
        # Odoo's replenishment sees it: the studio's reordering rule plans for it.
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.kit.id,
                "warehouse_id": self.studio_a.skinpro_warehouse_id.id,
                "location_id": self.studio_a.skinpro_warehouse_id.lot_stock_id.id,
                "company_id": self.studio_a.id,
                "trigger": "manual",
                "product_min_qty": 0,
                "product_max_qty": 0,
            }
        )
        self.assertEqual(orderpoint.qty_forecast, 9)

    def test_the_demand_follows_the_date_treatment_and_studio(self):
        session = self.book()
        session.planned_start = self.now + timedelta(days=10)
        self.assertEqual(self.forecast(self.studio_a, self.kit), 10)
        self.assertEqual(self.forecast(self.studio_a, self.kit, days=11), 9)
        # Another treatment: its recipe, two cartridges and no kit.
        other = self.env["product.product"].create(
            {
                "name": "Neck micro-needling",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "skinpro_recipe_ids": [
                    Command.create(
                        {"kind": "cartridge", "component_id": self.cartridge.id,
                         "quantity": 2}
                    )
                ],
            }
        )  # fmt: skip
        session.product_id = other
        self.assertEqual(self.forecast(self.studio_a, self.kit, days=11), 10)
        self.assertEqual(self.forecast(self.studio_a, self.cartridge, days=11), 8)
        # Another studio: the demand leaves A for B.
        session.company_id = self.studio_b
        self.assertEqual(self.forecast(self.studio_a, self.cartridge, days=11), 10)
        self.assertEqual(self.forecast(self.studio_b, self.cartridge, days=11), -2)
        self.assertEqual(
            session.consumption_picking_id.picking_type_id,
            self.studio_b.skinpro_warehouse_id.skinpro_consumption_type_id,
        )
        # The treatment's recipe changes: the booked session books the new one.
        other.product_tmpl_id.skinpro_recipe_ids.quantity = 3
        self.assertEqual(self.forecast(self.studio_b, self.cartridge, days=11), -3)

    def test_a_cancelled_session_is_no_demand(self):
        session = self.book()
        session.action_cancel()
        self.assertEqual(self.forecast(self.studio_a, self.kit), 10)
        self.assertEqual(session.consumption_picking_id.state, "cancel")

    def test_a_deleted_booking_is_no_demand(self):
        self.book().unlink()
        self.assertEqual(self.forecast(self.studio_a, self.kit), 10)

    def test_completed_the_booked_demand_is_consumed_once(self):
        self.screening(client=self.client_a, studio=self.studio_a).action_confirm()
        session = self.book(anaesthetic_grams=3.5)
        booked = session.consumption_picking_id
        self.assertEqual(self.forecast(self.studio_a, self.anaesthetic), 26.5)
        session.reconfirmation_ids.write({"answer": "no"})
        session.action_start()
        session.action_done()
        self.assertEqual(session.consumption_picking_id, booked)
        self.assertEqual(booked.state, "done")
        self.assertEqual(self.on_hand(self.studio_a, self.kit), 9)
        self.assertEqual(self.forecast(self.studio_a, self.kit), 9)
        self.assertEqual(self.on_hand(self.studio_a, self.anaesthetic), 26.5)
        self.assertEqual(self.forecast(self.studio_a, self.anaesthetic), 26.5)
        consumption_type = (
            self.studio_a.skinpro_warehouse_id.skinpro_consumption_type_id
        )
        self.assertEqual(
            self.env["stock.picking"].search_count(
                [("picking_type_id", "=", consumption_type.id)]
            ),
            1,
        )

    def test_sessions_remaining_from_the_recipes_on_day_one(self):
        # No session ever done, none booked: the recipe says what one needs.
        cover = self.cover(self.studio_a, self.anaesthetic)
        self.assertEqual(cover.on_hand_qty, 30)
        self.assertEqual(cover.need_per_session, 2)
        self.assertEqual(cover.sessions_remaining, 15)
        self.assertFalse(cover.shortfall_date)
        self.assertEqual(self.cover(self.studio_b, self.kit).sessions_remaining, 10)
        self.assertEqual(
            self.cover(self.studio_b, self.cartridge).sessions_remaining, 0
        )

    def test_an_expired_lot_is_no_session_remaining(self):
        cover = self.cover(self.studio_a, self.cartridge)
        self.assertEqual(cover.on_hand_qty, 10)
        self.stock(self.studio_a, self.cartridge, 5, "C-OLD", expires_in_days=-1)
        self.stock(self.studio_a, self.cartridge, 3, "C-NEW", expires_in_days=90)
        self.env.invalidate_all()
        cover = self.cover(self.studio_a, self.cartridge)
        self.assertEqual(cover.on_hand_qty, 13)
        self.assertEqual(cover.sessions_remaining, 13)

    def test_a_shortfall_falls_on_the_studios_own_day(self):
        # Seven hours behind UTC all year: 20:00 at the studio is the next day in UTC.
        self.studio_a.partner_id.tz = "America/Phoenix"
        studio_day = (self.now - timedelta(hours=7)).date() + timedelta(days=3)
        evening = datetime.combine(studio_day, time(20)) + timedelta(hours=7)
        clients = self.env["res.partner"].create(
            [{"name": f"Booked {n}"} for n in range(11)]
        )
        for client in clients[:10]:
            self.book(client=client, planned_start=self.now + timedelta(days=1))
        self.book(client=clients[10], planned_start=evening)
        self.env.invalidate_all()
        kit = self.cover(self.studio_a, self.kit)
        self.assertEqual(kit.booked_sessions, 11)
        self.assertEqual(kit.shortfall_date, studio_day)

    def test_the_first_shortfall_of_the_sessions_booked_ahead(self):
        clients = self.env["res.partner"].create(
            [{"name": f"Booked {n}"} for n in range(12)]
        )
        for day, client in enumerate(clients, start=1):
            self.book(client=client, planned_start=self.now + timedelta(days=day))
        self.env.invalidate_all()
        kit = self.cover(self.studio_a, self.kit)
        # The studio looks 14 days ahead: 12 sessions, 10 kits, short on day 11.
        self.assertEqual(kit.booked_sessions, 12)
        self.assertEqual(kit.booked_qty, 12)
        self.assertEqual(kit.sessions_remaining, 10)
        self.assertEqual(kit.shortfall_date, (self.now + timedelta(days=11)).date())
        self.assertEqual(kit.shortfall_qty, 2)
        self.assertEqual(kit.forecast_qty, -2)
        anaesthetic = self.cover(self.studio_a, self.anaesthetic)
        self.assertFalse(anaesthetic.shortfall_date)  # 24 g of 30
        # Looking 7 days ahead, 7 sessions: enough.
        self.studio_a.skinpro_forecast_days = 7
        self.env.invalidate_all()
        kit = self.cover(self.studio_a, self.kit)
        self.assertEqual(kit.booked_sessions, 7)
        self.assertFalse(kit.shortfall_date)

    def test_transfer_from_central_covers_the_shortfall(self):
        clients = self.env["res.partner"].create(
            [{"name": f"Booked {n}"} for n in range(12)]
        )
        for day, client in enumerate(clients, start=1):
            self.book(client=client, planned_start=self.now + timedelta(days=day))
        self.env.invalidate_all()
        central = self.env.ref("stock.warehouse0")
        self.env["stock.quant"]._update_available_quantity(
            self.kit, central.lot_stock_id, 50
        )
        self.cover(self.studio_a, self.kit).action_transfer_from_central()
        stock = self.studio_a.skinpro_warehouse_id.lot_stock_id
        into_studio = self.env["stock.move"].search(
            [
                ("product_id", "=", self.kit.id),
                ("location_dest_id", "=", stock.id),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        self.assertEqual(into_studio.product_uom_qty, 2)
        self.assertEqual(into_studio.picking_id.company_id, self.studio_a)
