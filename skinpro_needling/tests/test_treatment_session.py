# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SkinproCase, create_full_face_catalogue


@tagged("post_install", "-at_install")
class TestTreatmentSession(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Without recipes: starting and completing, not stock (test_consumption
        # covers the recipes).
        cls.full_face, cls.course_product = create_full_face_catalogue(cls.env)
        cls.practitioner = cls.studio_user(
            "pra", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.manager = cls.studio_user(
            "mgr", cls.studio_a, "skinpro_needling.group_studio_manager"
        )

    def variant(self, depth_mm):
        return self.full_face.product_variant_ids.filtered(
            lambda p: p.skinpro_depth_mm == depth_mm
        )

    def session(self, product=None, reconfirm="no", **vals):
        session = (
            self.env["skinpro.treatment.session"]
            .with_user(self.practitioner)
            .create(
                {
                    "partner_id": self.client_a.id,
                    "company_id": self.studio_a.id,
                    "product_id": (product or self.variant(1.0)).id,
                    **vals,
                }
            )
        )
        if reconfirm:
            session.reconfirmation_ids.write({"answer": reconfirm})
        return session

    def assert_refused(self, session, message):
        """Refused with `message`, and nothing written."""
        with self.assertRaisesRegex(UserError, message):
            session.action_start()
        self.assertEqual(session.state, "planned")
        self.assertFalse(session.date_start)
        self.assertFalse(session.screening_id)

    def test_depth_class_against_the_studio(self):
        self.assertEqual(
            self.variant(1.25).skinpro_depth_class(self.studio_a), "cosmetic"
        )
        self.assertEqual(
            self.variant(1.5).skinpro_depth_class(self.studio_a), "medical"
        )
        self.studio_a.skinpro_max_depth_mm = 0.5
        self.assertEqual(
            self.variant(0.5).skinpro_depth_class(self.studio_a), "medical"
        )
        self.assertEqual(
            self.variant(0.25).skinpro_depth_class(self.studio_a), "cosmetic"
        )
        self.studio_a.skinpro_max_depth_mm = 0
        for variant in self.full_face.product_variant_ids:
            self.assertEqual(variant.skinpro_depth_class(self.studio_a), "medical")
        self.assertEqual(self.full_face.skinpro_depth_class(self.studio_a), "medical")

    def test_a_studio_user_reads_the_class_without_access_to_the_chain(self):
        session = self.session(product=self.variant(1.5))
        self.env.invalidate_all()  # nothing read as superuser stays in the cache
        self.assertEqual(session.with_user(self.practitioner).depth_class, "medical")
        self.assertEqual(
            self.variant(1.0)
            .with_user(self.practitioner)
            .skinpro_depth_class(self.studio_a.with_user(self.practitioner)),
            "cosmetic",
        )

    def test_depth_attribute_ships_every_quarter_millimetre(self):
        depths = self.env.ref("skinpro_needling.attribute_needle_depth").value_ids
        self.assertEqual(
            sorted(depths.mapped("skinpro_depth_mm")), [0.25 * i for i in range(1, 11)]
        )

    def test_a_cleared_client_starts_and_completes_a_session(self):
        screening = self.screening()
        screening.action_confirm()
        session = self.session()
        session.action_start()
        self.assertEqual(session.state, "in_progress")
        self.assertEqual(session.screening_id, screening)
        session.action_done()
        self.assertEqual(session.state, "done")
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            session.action_cancel()

    def test_start_without_screening_is_refused(self):
        self.assert_refused(self.session(), "no confirmed screening")

    def test_start_with_an_expired_screening_is_refused(self):
        self.screening(date=fields.Date.today() - timedelta(days=40)).action_confirm()
        self.assert_refused(self.session(), "expired")

    def test_start_with_a_deferred_screening_is_refused(self):
        self.screening(yes={"chemical_peel": fields.Date.today()}).action_confirm()
        self.assert_refused(self.session(), "deferred until")

    def test_start_with_a_refer_screening_is_refused(self):
        self.screening(yes=["pregnancy"]).action_confirm()
        self.assert_refused(self.session(), "referred to a medical provider")

    def test_start_with_a_clearance_required_screening_is_refused(self):
        self.screening(yes=["keloid"]).action_confirm()
        self.assert_refused(self.session(), "needs a physician's clearance")

    def test_start_with_a_reconfirmation_answered_yes_is_refused(self):
        self.screening().action_confirm()
        session = self.session()
        pregnancy = session.reconfirmation_ids.filtered(
            lambda r: r.contraindication_id.code == "pregnancy"
        )
        pregnancy.answer = "yes"
        self.assert_refused(session, "answered yes to Are you pregnant")
        pregnancy.answer = False
        self.assert_refused(session, "Ask the client again")

    def test_start_with_a_medical_variant_is_refused(self):
        self.screening().action_confirm()
        self.assert_refused(self.session(product=self.variant(1.5)), "is medical at")

    def test_start_with_a_recorded_depth_at_the_limit_is_refused(self):
        self.screening().action_confirm()
        cheeks = self.env.ref("skinpro_needling.area_cheeks_chin")
        session = self.session(
            depth_line_ids=[(0, 0, {"area_id": cheeks.id, "depth_mm": 1.5})]
        )
        self.assert_refused(session, "at or above the studio's limit of 1.5 mm")

    def test_a_session_keeps_the_class_and_limit_it_started_under(self):
        """A 1.25 mm session done under a 1.5 mm limit stays cosmetic, in its record
        and in the sessions report, after the studio lowers its limit to 1.0 mm; a
        planned one follows the new limit."""
        self.screening().action_confirm()
        done = self.session(product=self.variant(1.25))
        done.action_start()
        done.action_done()
        planned = self.session(product=self.variant(1.25))
        self.studio_a.skinpro_max_depth_mm = 1.0
        self.env.flush_all()
        report = self.env["skinpro.report.session"]
        self.assertEqual(report.browse(done.id).depth_class, "cosmetic")
        self.assertEqual((done.depth_class, done.depth_limit_mm), ("cosmetic", 1.5))
        self.assertEqual(report.browse(planned.id).depth_class, "medical")
        self.assertEqual(planned.depth_limit_mm, 1.0)
        self.assert_refused(planned, "is medical at")

    def test_a_course_of_three_gives_three_credits_and_spacing(self):
        self.chain.skinpro_screening_validity_days = 120  # one screening for the course
        self.screening().action_confirm()
        course = self.env["skinpro.course"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.course_product.id,
            }
        )
        self.assertEqual((course.sessions_total, course.sessions_left), (3, 3))
        start = fields.Datetime.now()
        for n in range(3):
            with freeze_time(start + timedelta(days=28 * n)):
                session = self.session(product=self.course_product, course_id=course.id)
                session.action_start()
                session.action_done()
        self.assertEqual(course.sessions_left, 0)
        with freeze_time(start + timedelta(days=90)):
            self.assert_refused(
                self.session(product=self.course_product, course_id=course.id),
                "no session credit left",
            )

    def test_spacing_is_enforced_unless_a_manager_overrides(self):
        self.chain.skinpro_screening_validity_days = 60
        self.screening().action_confirm()
        course = self.env["skinpro.course"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.course_product.id,
            }
        )
        first = self.session(product=self.course_product, course_id=course.id)
        first.action_start()
        first.action_done()
        with freeze_time(fields.Datetime.now() + timedelta(days=10)):
            second = self.session(product=self.course_product, course_id=course.id)
            self.assert_refused(second, "Only 10 days since the last session")
            with self.assertRaisesRegex(UserError, "Only a studio manager"):
                second.action_start_override_spacing()
            second.with_user(self.manager).action_start_override_spacing()
        self.assertEqual(second.state, "in_progress")
        self.assertEqual(second.spacing_overridden_by_id, self.manager)
        self.assertIn("Spacing override by", second.message_ids[0].body)
        self.assertIn("10 days", second.message_ids[0].body)

    def test_an_adverse_event_schedules_a_follow_up(self):
        session = self.session()
        session.write(
            {
                "adverse_event": True,
                "adverse_event_type": "infection",
                "adverse_event_severity": "moderate",
            }
        )
        self.assertEqual(len(session.activity_ids), 1)
        self.assertEqual(session.activity_ids.user_id, self.practitioner)

    def test_a_depth_at_the_limit_recorded_during_a_session_needs_a_managers_review(
        self,
    ):
        """At Studio A (limit 1.5 mm), a 1.0 mm session records 2.0 mm on the cheeks:
        kept as evidence, the session completes only once a studio manager reviewed
        it, with a reason, and the breach shows in the sessions report."""
        self.screening().action_confirm()
        session = self.session()
        session.action_start()
        forehead = self.env.ref("skinpro_needling.area_forehead")
        cheeks = self.env.ref("skinpro_needling.area_cheeks_chin")
        session.write(
            {
                "depth_line_ids": [
                    Command.create({"area_id": forehead.id, "depth_mm": 1.0}),
                    Command.create({"area_id": cheeks.id, "depth_mm": 2.0}),
                ]
            }
        )
        self.assertTrue(session.depth_breach)
        breach = session.depth_line_ids.filtered("is_breach")
        self.assertEqual(breach.area_id, cheeks)
        [activity] = session.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("Cheeks", activity.note)

        # Kept as recorded.
        with self.assertRaisesRegex(UserError, r"Depth \(mm\): .* evidence"):
            breach.depth_mm = 1.0
        with self.assertRaisesRegex(UserError, "evidence and locked"):
            breach.unlink()
        # Neither completed, cancelled nor written done without the review.
        for attempt in (
            session.action_done,
            session.action_cancel,
            lambda: session.write({"state": "done"}),
            lambda: session.write({"depth_breach": False}),
        ):
            with self.assertRaises(UserError):
                attempt()
        self.assertEqual(session.state, "in_progress")
        with self.assertRaisesRegex(UserError, "Only a studio manager"):
            session.action_review_depth_breach()

        action = session.with_user(self.manager).action_review_depth_breach()
        review = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Pen calibration checked; cheeks at 2.0 mm by error."})
        )
        review.action_review()
        self.assertEqual(session.depth_breach_reviewed_by_id, self.manager)
        self.assertIn("Pen calibration", session.depth_breach_reason)
        self.assertIn("Depth breach reviewed by mgr", session.message_ids[0].body)
        self.assertFalse(session.activity_ids)
        session.action_done()
        self.assertEqual(session.state, "done")
        self.assertTrue(session.depth_breach)

        self.env.flush_all()
        breaches = self.env["skinpro.report.session"]._read_group(
            [("company_id", "=", self.studio_a.id)],
            ["company_id", "practitioner_id"],
            ["depth_breach_count:sum"],
        )
        self.assertEqual(breaches, [(self.studio_a, self.practitioner, 1)])
