# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures per studio, practitioner and month (skinpro.report.practitioner.month),
each on a history built by the test: rebooking, course completion, no-shows and late
cancellations, utilisation and revenue per working hour, cost and margin per
session, referral conversion and days to acceptance, days from a consultation to
the first session; the same after the night's fold; readable by managers only,
and naming no client. No-shows and late cancellations come only through the
session's actions, on every door."""

import re
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..models.skinpro_state_machine import acting
from ..report.skinpro_report_practitioner_month import RATIOS
from .common import ExternalApi, SkinproCase

Figures = "skinpro.report.practitioner.month"


class PractitionerFiguresCase(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.practitioner = cls.studio_user(
            "kpi_practitioner", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.other_practitioner = cls.studio_user(
            "kpi_practitioner_2", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.practitioner_b = cls.studio_user(
            "kpi_practitioner_b", cls.studio_b, "skinpro_needling.group_practitioner"
        )
        cls.treatment = cls.env["product.product"].create(
            {
                "name": "Express needling",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        cls.peel = cls.env["product.product"].create(
            {
                "name": "Needling with peel",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        # A month wholly past: the second before last.
        cls.month = fields.Date.today().replace(day=1) - relativedelta(months=2)
        cls.day = datetime.combine(cls.month, time(10)) + timedelta(days=4)
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                allowed_company_ids=(cls.studio_a | cls.studio_b).ids,
            )
        )

    def session(self, start, client=None, state="planned", **vals):
        """A session of the studio A's practitioner; a past one written as its
        actions leave it (without stock nor POS: its amounts are given)."""
        studio = vals.pop("studio", self.studio_a)
        practitioner = self.practitioner if studio == self.studio_a else None
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": (client or self.client_a).id,
                "company_id": studio.id,
                "practitioner_id": vals.pop(
                    "practitioner", practitioner or self.practitioner_b
                ).id,
                "product_id": vals.pop("product", self.treatment).id,
                "planned_start": start,
                "duration": vals.pop("duration", 1.0),
                "course_id": vals.pop("course_id", False),
            }
        )
        if state != "planned":
            if state == "done":
                vals.update(date_start=start, date_end=start + timedelta(hours=1))
            with acting(session):
                session.write({"state": state, **vals})
        return session

    @staticmethod
    def aggregate(name):
        """A figure's aggregate: the ratio of the group's sums, or a sum."""
        if ":" in name:
            return name
        return f"{name}:avg" if name in RATIOS else f"{name}:sum"

    def figures(self, *names, domain=(), groupby=()):
        """{group: (figure, ...)} of the studio A, or (figure, ...) ungrouped."""
        self.env.flush_all()
        self.env.invalidate_all()
        rows = self.env[Figures]._read_group(
            [("company_id", "=", self.studio_a.id), *domain],
            list(groupby),
            [
                name
                if ":" in name
                else f"{name}:avg"
                if name in RATIOS
                else f"{name}:sum"
                for name in names
            ],
        )
        if not groupby:
            return rows[0]
        return {row[0]: row[1:] for row in rows}


@tagged("post_install", "-at_install")
class TestReportPractitionerMonth(PractitionerFiguresCase):
    def test_rebooking_within_8_weeks(self):
        client_c = self.env["res.partner"].create({"name": "Client C"})
        back_soon = self.session(self.day, state="done")
        self.session(back_soon.planned_start + timedelta(days=30))
        self.session(self.day, client=self.client_b, state="done")
        self.session(self.day + timedelta(days=70), client=self.client_b)
        # A next visit cancelled is no rebooking.
        self.session(self.day, client=client_c, state="done")
        self.session(
            self.day + timedelta(days=10),
            client=client_c,
            state="cancelled",
            cancellation="on_time",
        )
        [rate] = self.figures("rebooking_rate", domain=[("date", "=", self.month)])
        self.assertAlmostEqual(rate, 100 / 3, places=1)

    def test_course_completion(self):
        course_product = self.env["product.product"].create(
            {"name": "Course", "type": "service", "skinpro_course_sessions": 2}
        )
        courses = self.env["skinpro.course"].create(
            [
                {
                    "partner_id": client.id,
                    "company_id": self.studio_a.id,
                    "product_id": course_product.id,
                    "sessions_total": total,
                }
                for client, total in ((self.client_a, 1), (self.client_b, 2))
            ]
        )
        for course in courses:
            self.session(
                self.day, client=course.partner_id, state="done", course_id=course.id
            )
        self.assertEqual(courses.mapped("state"), ["completed", "in_use"])
        figures = self.figures(
            "course_completion_rate", "course_count", groupby=["practitioner_id"]
        )
        # Counted in the month sold, for the practitioner of the first session.
        self.assertEqual(figures[self.practitioner], (50.0, 2))

    def test_no_show_and_late_cancellation_rates(self):
        now = fields.Datetime.now()
        self.session(now - timedelta(hours=2)).action_no_show()
        late = self.session(now + timedelta(hours=3))
        late.action_cancel()
        in_time = self.session(now + timedelta(days=3))
        in_time.action_cancel()
        self.session(now - timedelta(days=1), state="done")
        self.assertEqual((late.cancellation, in_time.cancellation), ("late", "on_time"))
        no_show, late_rate = self.figures(
            "no_show_rate", "late_cancel_rate", domain=[("date", ">=", self.month)]
        )
        self.assertEqual((no_show, late_rate), (25.0, 25.0))

    def test_the_late_window_is_the_studio_s(self):
        self.studio_a.skinpro_late_cancel_hours = 2
        session = self.session(fields.Datetime.now() + timedelta(hours=3))
        session.action_cancel()
        self.assertEqual(session.cancellation, "on_time")
        self.studio_b.skinpro_late_cancel_hours = 48
        session = self.session(
            fields.Datetime.now() + timedelta(hours=30), studio=self.studio_b
        )
        session.action_cancel()
        self.assertEqual(session.cancellation, "late")

    def test_utilisation_and_revenue_per_hour_from_the_resource_calendar(self):
        mornings = self.env["resource.calendar"].create(
            {
                "name": "Monday mornings",
                "tz": "UTC",
                "company_id": self.studio_a.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": "Monday",
                            "dayofweek": "0",
                            "hour_from": 8,
                            "hour_to": 12,
                        }
                    )
                ],
            }
        )
        self.env["resource.resource"].create(
            {
                "name": self.practitioner.name,
                "user_id": self.practitioner.id,
                "calendar_id": mornings.id,
                "company_id": self.studio_a.id,
            }
        )
        self.session(self.day, state="done", duration=1.5, revenue=100)
        self.session(self.day, state="done", duration=0.5, revenue=60)
        # The other practitioner has no calendar: the studio's working hours.
        self.session(self.day, state="done", practitioner=self.other_practitioner)
        self.env[Figures]._skinpro_refresh_hours()
        end = self.month + relativedelta(months=1)
        mondays = sum(
            (self.month + timedelta(days=n)).weekday() == 0
            for n in range((end - self.month).days)
        )
        figures = self.figures(
            "utilisation",
            "revenue_per_hour",
            "working_hours",
            domain=[("date", "=", self.month)],
            groupby=["practitioner_id"],
        )
        self.assertEqual(
            figures[self.practitioner],
            (200 / (4 * mondays), 160 / (4 * mondays), 4.0 * mondays),
        )
        studio_hours = self.studio_a.resource_calendar_id.get_work_hours_count(
            datetime.combine(self.month, time.min),
            datetime.combine(end, time.min),
        )
        self.assertGreater(studio_hours, 0)
        self.assertAlmostEqual(figures[self.other_practitioner][2], studio_hours, 1)

    def test_consumables_cost_per_session_and_margin_per_treatment(self):
        for product, revenue, cost in (
            (self.treatment, 100, 20),
            (self.treatment, 80, 30),
            (self.peel, 50, 10),
        ):
            self.session(
                self.day,
                state="done",
                product=product,
                revenue=revenue,
                consumables_cost=cost,
            )
        # A no-show costs and earns nothing, and is no session done.
        self.session(self.day, state="cancelled", cancellation="no_show")
        figures = self.figures(
            "cost_per_session", "margin_per_session", groupby=["product_tmpl_id"]
        )
        self.assertEqual(figures[self.treatment.product_tmpl_id], (25.0, 65.0))
        self.assertEqual(figures[self.peel.product_tmpl_id], (10.0, 40.0))
        self.assertEqual(
            self.figures("cost_per_session", "margin_per_session"),
            (60 / 3, 170 / 3),
        )

    def test_referral_conversion_and_days_to_acceptance(self):
        provider = self.env["res.partner"].create(
            {"name": "Dr. Grey", "skinpro_is_medical_provider": True}
        )
        referrals = self.env["crm.lead"]
        for client in (self.client_a, self.client_b):
            referrals |= (
                self.env["crm.lead"]
                .with_user(self.practitioner)
                ._skinpro_create_referral(
                    client, self.studio_a, "depth", provider=provider
                )
                .sudo()
            )
        referrals.action_skinpro_send()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = create_date - interval '3 days'"
            " WHERE id = ANY(%s)",
            [referrals.ids],
        )
        referrals[0].action_skinpro_accept()
        conversion, days = self.figures("referral_conversion", "days_to_acceptance")
        self.assertEqual(conversion, 50.0)
        self.assertAlmostEqual(days, 3, delta=0.01)

    def test_days_from_consultation_to_first_session(self):
        consultations = self.env["crm.lead"].create(
            [
                {
                    "name": f"Consultation {client.name}",
                    "type": "lead",
                    "partner_id": client.id,
                    "company_id": self.studio_a.id,
                    "user_id": self.practitioner.id,
                }
                for client in (self.client_a, self.client_b)
            ]
        )
        self.env.flush_all()
        consulted = fields.Datetime.now() - timedelta(days=10)
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = ANY(%s)",
            [consulted, consultations.ids],
        )
        # Client A's first session six days later; client B not treated yet.
        self.session(consulted + timedelta(days=6), state="done")
        self.session(consulted + timedelta(days=8), state="done")
        conversion, days = self.figures(
            "consultation_conversion", "days_to_first_session"
        )
        self.assertEqual(conversion, 50.0)
        self.assertAlmostEqual(days, 6, delta=0.01)

    def test_the_folded_months_keep_their_figures(self):
        folded_month = self.month - relativedelta(months=1)
        start = datetime.combine(folded_month, time(10)) + timedelta(days=2)
        self.session(start, state="done", revenue=90, consumables_cost=15)
        missed = self.session(start + timedelta(days=1))
        names = ("rebooking_rate", "no_show_rate", "margin_per_session")
        domain = [("date", "=", folded_month)]
        before = self.figures(*names, domain=domain)
        self.assertEqual(before, (100.0, 0.0, 75.0))
        self.env["skinpro.report.session.month"]._cron_fold()
        self.assertEqual(self.figures(*names, domain=domain), before)
        # A no-show recorded in a folded month shows at once: the next visit
        # missed, the client did not rebook...
        missed.action_no_show()
        self.assertEqual(self.figures(*names, domain=domain), (0.0, 50.0, 75.0))
        # ... until a visit booked in the month after it.
        self.session(start + timedelta(days=40))
        self.assertEqual(self.figures(*names, domain=domain), (100.0, 50.0, 75.0))

    def test_managers_only_and_no_client(self):
        self.session(self.day, state="done")
        self.session(self.day, state="done", studio=self.studio_b)
        clients = [
            name
            for name, field in self.env[Figures]._fields.items()
            if field.type in ("many2one", "one2many", "many2many")
            and field.comodel_name == "res.partner"
        ]
        self.assertEqual(clients, [])
        with self.assertRaises(AccessError):
            self.env[Figures].with_user(self.practitioner).search([])
        with self.assertRaises(AccessError):
            self.env[Figures].with_user(self.practitioner).action_open()
        manager_a = self.studio_user(
            "kpi_manager_a", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        chain_manager = self.studio_user(
            "kpi_chain", self.studio_a, "skinpro_needling.group_chain_manager"
        )
        chain_manager.company_ids = [Command.link(self.studio_b.id)]
        self.env.flush_all()
        seen = {
            user: set(
                self.env[Figures]
                .with_user(user)
                .with_context(allowed_company_ids=user.company_ids.ids)
                .search([])
                .mapped("company_id")
            )
            for user in (manager_a, chain_manager)
        }
        self.assertEqual(seen[manager_a], {self.studio_a})
        self.assertEqual(seen[chain_manager], {self.studio_a, self.studio_b})

    def test_the_monthly_studio_report_prints_the_figures(self):
        done = self.session(self.day, state="done", revenue=100, consumables_cost=20)
        self.session(done.planned_start + timedelta(days=14))
        self.session(self.day, state="cancelled", cancellation="no_show")
        manager = self.studio_user(
            "kpi_manager_pdf", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        wizard = (
            self.env["skinpro.month.report.wizard"]
            .with_user(manager)
            .with_context(allowed_company_ids=self.studio_a.ids)
            .create({"company_id": self.studio_a.id, "month": self.day.date()})
        )
        wizard.action_print()
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(manager)
            .with_context(allowed_company_ids=self.studio_a.ids)
            ._render_qweb_html(
                "skinpro_needling.report_studio_month",
                self.studio_a.ids,
                data={"month": str(self.month)},
            )
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        self.assertIn(f"Figure Studio {self.practitioner.name} ", text)
        self.assertIn("Rebooking (%) 100.0 100.0 ", text)
        self.assertIn("No-shows (%) 33.3 33.3 ", text)
        self.assertIn("Margin per treatment $ 80.00 $ 80.00 ", text)
        self.assertIn("Referral conversion (%) - - ", text)
        self.assertNotIn(self.client_a.name, text)

    def test_the_menu_refreshes_the_working_hours(self):
        self.session(fields.Datetime.now(), state="done")
        action = self.env[Figures].action_open()
        self.assertEqual(action["res_model"], Figures)
        [hours] = self.figures(
            "working_hours", domain=[("practitioner_id", "=", self.practitioner.id)]
        )
        self.assertGreater(hours, 0)


@tagged("post_install", "-at_install")
class TestNoShowGuards(PractitionerFiguresCase, HttpCase):
    """A no-show or a late cancellation is recorded by the session's actions only:
    the form, the external API and an import cannot write one."""

    def test_no_show_and_cancellation_only_through_the_actions(self):
        api = ExternalApi(self, self.practitioner)
        past = self.session(fields.Datetime.now() - timedelta(hours=1))
        future = self.session(fields.Datetime.now() + timedelta(days=1))
        self.env.flush_all()
        for vals in (
            {"cancellation": "no_show"},
            {"state": "cancelled"},
            {"cancelled_on": "2026-01-01 10:00:00"},
        ):
            with self.subTest(vals=vals):
                response = api.call(
                    "skinpro.treatment.session", "write", ids=past.ids, vals=vals
                )
                self.assertFalse(response.ok)
                self.assertIn("No-show", response.text)
        # Too early for a no-show, on the API as on the form.
        response = api.call(
            "skinpro.treatment.session", "action_no_show", ids=future.ids
        )
        self.assertFalse(response.ok)
        with self.assertRaises(UserError):
            future.with_user(self.practitioner).action_no_show()
        result = self.env["skinpro.treatment.session"].load(
            ["id", "cancellation"],
            [[past.export_data(["id"])["datas"][0][0], "no_show"]],
        )
        self.assertTrue(
            [m for m in result["messages"] if m["type"] == "error"] or not result["ids"]
        )
        self.env.invalidate_all()
        self.assertEqual((past.state, past.cancellation), ("planned", False))
        # Through the action, once the time has passed.
        self.assertIs(
            api.call("skinpro.treatment.session", "action_no_show", ids=past.ids),
            True,
        )
        self.env.invalidate_all()
        self.assertEqual((past.state, past.cancellation), ("cancelled", "no_show"))
        self.assertTrue(past.cancelled_on)
