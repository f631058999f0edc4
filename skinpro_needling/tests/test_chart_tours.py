# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Charts in headless Chromium: the practitioner signs and adds an addendum; the
medical director approves one chart of the queue and returns another."""

from odoo.tests import HttpCase, new_test_user, tagged

from .chart_common import ChartCase
from .common import skip_without_demo


@tagged("post_install", "-at_install")
class TestChartTours(HttpCase, ChartCase):
    def test_the_practitioner_signs_then_adds_an_addendum(self):
        practitioner = new_test_user(
            self.env,
            login="tour_practitioner",
            groups="base.group_user,skinpro_needling.group_practitioner",
            company_id=self.studio_a.id,
            company_ids=[self.studio_a.id],
        )
        session = self.done_chart(practitioner=practitioner)
        self.start_tour(
            f"/odoo/skinpro.treatment.session/{session.id}",
            "skinpro_chart_sign",
            login="tour_practitioner",
        )
        self.assertEqual(session.signed_by_id, practitioner)
        self.assertEqual(session.addendum_ids.author_id, practitioner)
        self.assertEqual(session.signed_addenda, 1)
        self.assertTrue(session.signature_intact)

    def test_the_director_approves_one_chart_and_returns_another(self):
        director = new_test_user(
            self.env,
            login="tour_director",
            groups="base.group_user,skinpro_needling.group_skinpro_medical_director",
            company_id=self.studio_a.id,
            company_ids=[self.studio_a.id],
        )
        charts = self.signed_chart(depth_breach=True) | self.signed_chart(
            adverse_event=True,
            adverse_event_type="allergy",
            adverse_event_severity="mild",
        )
        self.start_tour("/odoo", "skinpro_chart_review", login="tour_director")
        self.assertEqual(
            sorted(charts.mapped("review_state")), ["approved", "returned"]
        )
        self.assertEqual(charts.reviewer_id, director)
        returned = charts.filtered(lambda c: c.review_state == "returned")
        self.assertEqual(returned.activity_ids.user_id, self.practitioner)


@tagged("post_install", "-at_install")
class TestChartDemoTours(HttpCase):
    """The demo's director works this month's queue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skip_without_demo(cls.env)

    def test_the_demo_director_works_the_queue(self):
        director = self.env.ref("skinpro_needling.user_medical_director")
        Session = self.env["skinpro.treatment.session"]
        queued = Session.search([("review_state", "=", "queued")])
        self.assertGreaterEqual(
            len(queued.with_user(director).search([("id", "in", queued.ids)])), 2
        )
        self.start_tour("/odoo", "skinpro_chart_review", login="director")
        reviewed = Session.search(
            [("reviewer_id", "=", director.id), ("id", "in", queued.ids)]
        )
        self.assertEqual(
            sorted(reviewed.mapped("review_state")), ["approved", "returned"]
        )
