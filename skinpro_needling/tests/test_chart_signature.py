# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .chart_common import ChartCase
from .common import SIGNATURE as PIXEL


@tagged("post_install", "-at_install")
class TestChartSignature(ChartCase):
    def test_the_practitioner_signs_and_the_chart_locks(self):
        session = self.done_chart()
        self.assertEqual(session._skinpro_state(), "done")
        with self.assertRaisesRegex(UserError, "only its practitioner"):
            session.with_user(self.colleague).action_sign()
        session.with_user(self.practitioner).action_sign()
        self.assertTrue(session.signed_on)
        self.assertEqual(session.signed_by_id, self.practitioner)
        self.assertEqual(session._skinpro_state(), "signed")
        self.assertTrue(session.signature_intact)
        self.assertIn("Chart signed by", session.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "already signed"):
            session.with_user(self.practitioner).action_sign()

    def test_only_a_done_session_is_signed(self):
        planned = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.treatment.id,
                "practitioner_id": self.practitioner.id,
            }
        )
        with self.assertRaisesRegex(UserError, "only the chart of a done session"):
            planned.with_user(self.practitioner).action_sign()

    def test_every_door_to_a_signed_chart_is_closed_for_every_role(self):
        session = self.done_chart(before_photo=PIXEL)
        session.with_user(self.practitioner).action_sign()
        digest = session.signature_digest
        lot = self.env["stock.lot"].create(
            {
                "name": "LOT-AFTER",
                "company_id": self.studio_a.id,
                "product_id": self.env["product.product"]
                .create({"name": "Cartridge", "is_storable": True, "tracking": "lot"})
                .id,
            }
        )
        changes = {
            "note": "<p>Rewritten.</p>",
            "adverse_event": True,
            "adverse_event_type": "other",
            "adverse_event_severity": "mild",
            "adverse_event_description": "Added afterwards",
            "anaesthetic_grams": 9.0,
            "before_photo": False,
            "consumed_lot_ids": [Command.link(lot.id)],
            "date_end": fields.Datetime.now(),
            "state": "cancelled",
            "signed_on": False,
            "signature_digest": "0" * 64,
            "review_state": "approved",
        }
        line = session.depth_line_ids
        users = (self.practitioner, self.manager, self.director, self.front_desk)
        for user in (*users, self.env.user):
            as_user = session.with_user(user)
            for name, value in changes.items():
                with (
                    self.subTest(user=user.login, field=name),
                    self.assertRaises(UserError),
                ):
                    as_user.write({name: value})
            with (
                self.subTest(user=user.login, door="depth"),
                self.assertRaises(UserError),
            ):
                line.with_user(user).write({"depth_mm": 2.0})
            with (
                self.subTest(user=user.login, door="new depth"),
                self.assertRaises(UserError),
            ):
                self.env["skinpro.session.depth"].with_user(user).create(
                    {"session_id": session.id, "area_id": self.area.id, "depth_mm": 1}
                )
            with (
                self.subTest(user=user.login, door="unlink"),
                self.assertRaises(UserError),
            ):
                as_user.unlink()
            with (
                self.subTest(user=user.login, door="line unlink"),
                self.assertRaises(UserError),
            ):
                line.with_user(user).unlink()
            with (
                self.subTest(user=user.login, door="answers"),
                self.assertRaises(UserError),
            ):
                session.reconfirmation_ids.with_user(user).write({"answer": "yes"})
        # An import reports the refusal and writes nothing.
        result = session.load([".id", "note"], [[str(session.id), "Imported"]])
        self.assertFalse(result["ids"])
        self.assertIn("locked", result["messages"][0]["message"])
        # The client's withdrawal of photo consent keeps the signed chart's photo.
        self.env["skinpro.treatment.session"]._skinpro_withdraw_photos(self.client_a)
        # The crons leave it as signed.
        self.env["skinpro.treatment.session"]._cron_skinpro_chart_deadline()
        self.env["skinpro.treatment.session"]._cron_skinpro_draw_review_sample()
        session.invalidate_recordset()
        self.assertTrue(session.before_photo)
        self.assertEqual(session.note, "<p>Tolerated well.</p>")
        self.assertEqual(session.depth_line_ids.depth_mm, 0.5)
        self.assertEqual(session.signature_digest, digest)
        self.assertTrue(session.signature_intact)

    def test_a_chart_changed_behind_the_applications_back_shows(self):
        session = self.signed_chart()
        self.env.cr.execute(
            SQL(
                "UPDATE skinpro_session_depth SET depth_mm = 1.5 WHERE session_id = %s",
                session.id,
            )
        )
        self.env.invalidate_all()
        self.assertFalse(session.signature_intact)

    def test_an_addendum_adds_to_the_chart_and_stays_as_saved(self):
        session = self.signed_chart()
        addendum = (
            self.env["skinpro.session.addendum"]
            .with_user(self.practitioner)
            .create(
                {
                    "session_id": session.id,
                    "reason": "Omitted",
                    "body": "Client mentioned a mild tingling at the end.",
                    "author_id": self.manager.id,
                }
            )
        )
        self.assertEqual(addendum.author_id, self.practitioner)
        self.assertEqual(session.addendum_ids, addendum)
        self.assertIn("Addendum by", session.message_ids[0].body)
        # The signature still covers what was signed; signing again covers both.
        self.assertTrue(session.signature_intact)
        self.assertEqual(session.signed_addenda, 0)
        session.with_user(self.practitioner).action_sign()
        self.assertEqual(session.signed_addenda, 1)
        self.assertTrue(session.signature_intact)
        for user in (self.practitioner, self.manager, self.director, self.env.user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                addendum.with_user(user).write({"body": "Changed"})
            with self.subTest(user=user.login), self.assertRaises(UserError):
                addendum.with_user(user).unlink()
        # An unsigned chart is corrected, not added to.
        with self.assertRaisesRegex(UserError, "not signed yet"):
            self.env["skinpro.session.addendum"].with_user(self.practitioner).create(
                {"session_id": self.done_chart().id, "reason": "x", "body": "y"}
            )
        # The health record prints it.
        pdf_html = self.env["ir.actions.report"]._render_qweb_html(
            "skinpro_needling.action_report_skinpro_health_record", self.client_a.ids
        )[0]
        self.assertIn(b"mild tingling", pdf_html)

    def test_an_unsigned_done_chart_keeps_its_afterwards_fields_open(self):
        session = self.done_chart()
        session.with_user(self.practitioner).write({"note": "<p>Completed.</p>"})
        self.assertEqual(session.note, "<p>Completed.</p>")


@tagged("post_install", "-at_install")
class TestChartDeadline(ChartCase):
    def test_a_chart_past_its_deadline_gets_an_activity_until_signed(self):
        late = self.done_chart(ended=fields.Datetime.now() - timedelta(hours=80))
        recent = self.done_chart()
        legacy = self.done_chart(sign_deadline=False)
        self.assertTrue(late.sign_overdue)
        self.assertFalse(recent.sign_overdue)
        self.assertFalse(legacy.sign_overdue)
        overdue_type = self.env.ref("skinpro_needling.mail_activity_chart_overdue")
        Session = self.env["skinpro.treatment.session"]
        Session._cron_skinpro_chart_deadline()
        Session._cron_skinpro_chart_deadline()
        activities = late.activity_ids.filtered(
            lambda a: a.activity_type_id == overdue_type
        )
        self.assertEqual(len(activities), 1, "once, however often the cron runs")
        self.assertEqual(activities.user_id, self.practitioner)
        self.assertFalse(recent.activity_ids | legacy.activity_ids)
        self.assertEqual(
            Session.search(
                [
                    ("sign_overdue", "=", True),
                    ("id", "in", (late | recent | legacy).ids),
                ]
            ),
            late,
        )
        late.with_user(self.practitioner).action_sign()
        self.assertFalse(late.activity_ids)
        self.assertFalse(late.sign_overdue)

    def test_the_studio_sets_the_hours(self):
        self.studio_a.skinpro_chart_sign_hours = 2
        late = self.done_chart(ended=fields.Datetime.now() - timedelta(hours=3))
        self.assertTrue(late.sign_overdue)
        with self.assertRaises(UserError):
            self.studio_a.skinpro_chart_sign_hours = 0

    def test_completing_sets_the_deadline(self):
        self.studio_a.action_skinpro_setup_studio()
        self.screening(client=self.client_a, studio=self.studio_a).action_confirm()
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.treatment.id,
            }
        )
        session.reconfirmation_ids.write({"answer": "no"})
        session.action_start()
        session.action_done()
        self.assertEqual(session.sign_deadline, session.date_end + timedelta(hours=72))


@tagged("post_install", "-at_install")
class TestChartReview(ChartCase):
    def test_an_adverse_event_is_queued_and_approved(self):
        session = self.signed_chart(
            adverse_event=True,
            adverse_event_type="allergy",
            adverse_event_severity="mild",
        )
        self.assertEqual(session.review_state, "queued")
        self.assertEqual(session.review_reason, "adverse_event")
        with self.assertRaisesRegex(UserError, "Only a medical director"):
            session.with_user(self.manager).action_review_approve()
        session.with_user(self.director).action_review_approve()
        self.assertEqual(session.review_state, "approved")
        self.assertEqual(session.reviewer_id, self.director)
        self.assertTrue(session.signature_intact)

    def test_a_returned_chart_is_answered_by_an_addendum_and_signed_again(self):
        session = self.signed_chart(depth_breach=True)
        self.assertEqual(session.review_reason, "depth_breach")
        wizard = (
            self.env["skinpro.review.return"]
            .with_user(self.director)
            .create({"session_id": session.id, "comment": "Which areas bled?"})
        )
        wizard.action_return()
        self.assertEqual(session.review_state, "returned")
        returned = self.env.ref("skinpro_needling.mail_activity_chart_returned")
        self.assertEqual(session.activity_ids.activity_type_id, returned)
        self.assertEqual(session.activity_ids.user_id, self.practitioner)
        with self.assertRaisesRegex(UserError, "already signed"):
            session.with_user(self.practitioner).action_sign()
        self.env["skinpro.session.addendum"].with_user(self.practitioner).create(
            {"session_id": session.id, "reason": "Asked", "body": "Cheeks, briefly."}
        )
        session.with_user(self.practitioner).action_sign()
        self.assertEqual(session.review_state, "queued")
        self.assertEqual(session.review_returned_count, 1)
        self.assertFalse(session.activity_ids)

    def test_the_director_reviews_only_the_studios_supervised_never_their_own(self):
        other = self.signed_chart(
            practitioner=self.practitioner_b, studio=self.studio_b, depth_breach=True
        )
        self.assertEqual(other.review_state, "queued")
        Session = self.env["skinpro.treatment.session"].with_user(self.director)
        self.assertFalse(Session.search([("id", "=", other.id)]))
        with self.assertRaises(UserError):
            other.with_user(self.director).action_review_approve()
        treating_director = self.studio_user(
            "chart_treating_director",
            self.studio_a,
            "skinpro_needling.group_practitioner",
            "skinpro_needling.group_skinpro_medical_director",
        )
        own = self.signed_chart(practitioner=treating_director, depth_breach=True)
        with self.assertRaisesRegex(UserError, "your own chart"):
            own.with_user(treating_director).action_review_approve()
        # Nor does the director change the chart or choose what is queued.
        mine = self.signed_chart()
        with self.assertRaises(UserError):
            mine.with_user(self.director).write({"review_state": "queued"})
        # The front desk reads no chart at all.
        with self.assertRaises(UserError):
            mine.with_user(self.front_desk).read(["note"])

    def test_a_practitioner_new_at_the_studio_has_their_first_charts_reviewed(self):
        self.studio_a.skinpro_review_first_charts = 2
        base = fields.Datetime.now() - timedelta(days=1)
        charts = [
            self.signed_chart(ended=base + timedelta(minutes=i)) for i in range(3)
        ]
        self.assertEqual(
            [c.review_reason for c in charts],
            ["new_practitioner", "new_practitioner", False],
        )

    def test_a_month_of_100_charts_gives_the_target_adverse_events_always_in(self):
        month = fields.Date.today().replace(day=1)
        start = fields.Datetime.to_datetime(month) + timedelta(hours=8)
        charts = self.env["skinpro.treatment.session"]
        for i in range(100):
            vals = {}
            if i in (7, 42, 77):
                vals = {
                    "adverse_event": True,
                    "adverse_event_type": "other",
                    "adverse_event_severity": "mild",
                }
            charts |= self.signed_chart(ended=start + timedelta(minutes=i), **vals)
        adverse = charts.filtered("adverse_event")
        self.assertEqual(set(adverse.mapped("review_state")), {"queued"})
        Session = self.env["skinpro.treatment.session"]
        drawn = Session._skinpro_draw_review_sample(month)
        self.assertEqual(len(drawn), 7)
        self.assertEqual(len(charts.filtered(lambda c: c.review_state == "queued")), 10)
        self.assertEqual(set(drawn.mapped("review_reason")), {"sample"})
        self.assertIn("seed", drawn[0].message_ids[0].body)
        # Drawn once: the target is reached.
        self.assertFalse(Session._skinpro_draw_review_sample(month))
        # Reproducible: the same month drawn afresh draws the same charts.
        with self.env.cr.savepoint() as savepoint:
            drawn._skinpro_set_review({"review_state": "none", "review_reason": False})
            self.assertEqual(Session._skinpro_draw_review_sample(month), drawn)
            savepoint.rollback()

    def test_compliance_counts_each_practitioners_month(self):
        on_time = self.signed_chart(
            adverse_event=True,
            adverse_event_type="other",
            adverse_event_severity="mild",
        )
        on_time.with_user(self.director).action_review_approve()
        self.done_chart(ended=fields.Datetime.now() - timedelta(hours=80))
        self.done_chart()
        self.env.flush_all()
        row = self.env["skinpro.report.chart.compliance"].search(
            [
                ("company_id", "=", self.studio_a.id),
                ("practitioner_id", "=", self.practitioner.id),
            ]
        )
        self.assertRecordValues(
            row,
            [
                {
                    "done_count": 3,
                    "on_time_count": 1,
                    "overdue_count": 1,
                    "queued_count": 1,
                    "reviewed_count": 1,
                    "returned_count": 0,
                    "sampled_count": 0,
                }
            ],
        )
        html = self.env["ir.actions.report"]._render_qweb_html(
            "skinpro_needling.action_report_studio_month",
            self.studio_a.ids,
            data={"month": fields.Date.to_string(fields.Date.today())},
        )[0]
        self.assertIn(b"Charts signed and reviewed", html)
        self.assertIn(self.practitioner.name.encode(), html)
        reader = self.env["skinpro.report.chart.compliance"].with_user(self.director)
        self.assertEqual(reader.search([]).company_id, self.studio_a)
        with mute_logger("odoo.models"), self.assertRaises(UserError):
            self.env["skinpro.report.chart.compliance"].with_user(
                self.practitioner
            ).search([])
