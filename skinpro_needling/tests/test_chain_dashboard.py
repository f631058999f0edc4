# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The chain dashboard (skinpro.report.session.month) lists every studio the user
may see, every month, with its consultations, screenings by outcome, sessions,
referrals, revenue, consumables cost and margin; and a session's consumables cost
is what Odoo's stock valuation gave the moves that took its stock."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import StockedStudiosCase

MEASURES = [
    "lead_count:sum",
    "screening_count:sum",
    "screening_cleared_count:sum",
    "screening_refer_count:sum",
    "session_count:sum",
    "referral_count:sum",
    "referral_accepted_count:sum",
    "revenue:sum",
    "consumables_cost:sum",
    "margin:sum",
]


@tagged("post_install", "-at_install")
class TestChainDashboard(StockedStudiosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.studios = cls.studio_a | cls.studio_b
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.studios.ids)
        )
        cls.Month = cls.env["skinpro.report.session.month"]
        cls.this_month = fields.Date.context_today(cls.Month).replace(day=1)

    def figures(self, domain=(), env=None):
        """{(studio, month): {measure: total}} of the dashboard's studios A and B."""
        self.env.flush_all()
        rows = (env or self.env)["skinpro.report.session.month"]._read_group(
            [("company_id", "in", self.studios.ids), *domain],
            ["company_id", "date:month"],
            MEASURES,
        )
        return {
            (studio, month): dict(
                zip((m.split(":")[0] for m in MEASURES), values, strict=True)
            )
            for studio, month, *values in rows
        }

    def received(self, studio, product, quantity, unit_cost):
        """`quantity` of `product` received at `studio`'s stock, valued by Odoo at
        `unit_cost` (the studio's cost when it arrives)."""
        product = product.with_company(studio)
        product.with_context(disable_auto_revaluation=True).standard_price = unit_cost
        stock = studio.skinpro_warehouse_id.lot_stock_id
        move = (
            self.env["stock.move"]
            .with_company(studio)
            .create(
                {
                    "product_id": product.id,
                    "product_uom_qty": quantity,
                    "product_uom": product.uom_id.id,
                    "location_id": self.env.ref("stock.stock_location_suppliers").id,
                    "location_dest_id": stock.id,
                    "company_id": studio.id,
                }
            )
        )
        move._action_confirm()
        move.quantity = quantity
        move.picked = True
        move._action_done()
        return move

    def test_every_studio_shows_every_month_and_its_whole_service(self):
        # Studio A: a consultation, a screening that refers the client, the
        # referral sent and accepted; studio B: nothing at all.
        self.env["crm.lead"].create(
            {"name": "Consultation", "company_id": self.studio_a.id}
        )
        screening = self.screening(yes=["suspicious_lesion"])
        screening.action_confirm()
        self.assertEqual(screening.outcome, "refer")
        referral = self.env["crm.lead"].browse(
            screening.action_create_referral()["res_id"]
        )
        referral.skinpro_provider_id = self.env["res.partner"].create(
            {
                "name": "Dr. Dashboard",
                "skinpro_is_medical_provider": True,
                "email": "dr.dashboard@example.com",
            }
        )
        referral.action_skinpro_send()
        referral.action_skinpro_accept()
        figures = self.figures([("date", "=", self.this_month)])
        month = (self.studio_a, self.this_month)
        self.assertEqual(figures[month]["lead_count"], 1)
        self.assertEqual(figures[month]["screening_count"], 1)
        self.assertEqual(figures[month]["referral_count"], 1)
        self.assertEqual(figures[month]["referral_accepted_count"], 1)
        self.assertIn((self.studio_b, self.this_month), figures)
        self.assertEqual(
            set(figures[(self.studio_b, self.this_month)].values()),
            {0},
            "a studio with nothing this month shows zeros",
        )

    def test_a_studio_without_records_keeps_its_months_through_the_fold(self):
        # Studio A's consultation of four months ago: the chain's first month.
        lead = self.env["crm.lead"].create(
            {"name": "Consultation", "company_id": self.studio_a.id}
        )
        first = self.this_month - relativedelta(months=4)
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s", [first, lead.id]
        )
        self.env.invalidate_all()
        before = self.figures()
        months = {month for _studio, month in before}
        self.assertIn(first, months)
        for studio in self.studios:
            for month in months:
                self.assertIn((studio, month), before)
        self.Month._cron_fold()
        self.env.invalidate_all()
        self.assertEqual(self.figures(), before)
        self.assertEqual(before[(self.studio_a, first)]["lead_count"], 1)
        self.assertEqual(before[(self.studio_b, first)]["lead_count"], 0)
        # Moved to studio B after the fold: the folded month follows at once.
        lead.company_id = self.studio_b
        after = self.figures()
        self.assertEqual(after[(self.studio_a, first)]["lead_count"], 0)
        self.assertEqual(after[(self.studio_b, first)]["lead_count"], 1)

    def test_a_studio_user_sees_their_studio_a_chain_manager_every_studio(self):
        studio_user = self.studio_user(
            "dashboard_studio_a", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        chain_manager = self.studio_user(
            "dashboard_chain", self.studio_a, "skinpro_needling.group_chain_manager"
        )
        chain_manager.company_ids = self.studios
        # Each with only their current studio ticked in the company switcher.
        context = dict(self.env.context, allowed_company_ids=[self.studio_a.id])
        seen = {
            studio
            for studio, _month in self.figures(
                env=self.env(user=studio_user, context=context)
            )
        }
        self.assertEqual(seen, {self.studio_a})
        seen = {
            studio
            for studio, _month in self.figures(
                env=self.env(user=chain_manager, context=context)
            )
        }
        self.assertEqual(seen, set(self.studios))

    def test_the_consumables_cost_is_the_valuation_of_the_moves(self):
        # The kit is valued first in, first out at studio A: the session takes the
        # one received at 4.00, not the later one at 10.00.
        fifo = (
            self.env["product.category"]
            .with_company(self.studio_a)
            .create({"name": "FIFO consumables", "property_cost_method": "fifo"})
        )
        self.kit.categ_id = fifo
        self.received(self.studio_a, self.kit, 1, 4.0)
        self.received(self.studio_a, self.kit, 1, 10.0)
        # The cream and cartridge at their standard cost.
        self.stock_studio(self.studio_a, "A")
        self.anaesthetic.with_company(self.studio_a).standard_price = 0.5
        self.cartridge.with_company(self.studio_a).standard_price = 6.0
        session = self.started_session(self.studio_a, self.client_a)
        session.action_done()
        moves = session.consumption_picking_id.move_ids
        self.assertEqual(
            {move.product_id: move.value for move in moves},
            {self.anaesthetic: 1.0, self.cartridge: 6.0, self.kit: 4.0},
        )
        self.assertEqual(session.consumables_cost, sum(moves.mapped("value")))
        figures = self.figures([("date", "=", self.this_month)])[
            (self.studio_a, self.this_month)
        ]
        self.assertEqual(figures["session_count"], 1)
        self.assertEqual(figures["consumables_cost"], 11.0)
        self.assertEqual(figures["margin"], figures["revenue"] - 11.0)
        # The same after the night's fold.
        self.Month._cron_fold()
        self.assertEqual(
            self.figures([("date", "=", self.this_month)])[
                (self.studio_a, self.this_month)
            ]["consumables_cost"],
            11.0,
        )
