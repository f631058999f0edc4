# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Break-glass: a practitioner of studio B reads, for a short time and with a
reason, client A's record held by studio A; each read is logged, studio A's
manager reviews, and the access lapses."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .privacy_common import PrivacyCase


@tagged("post_install", "-at_install")
class TestBreakGlass(PrivacyCase):
    def setUp(self):
        super().setUp()
        self.treat_client_a()
        self.practitioner = self.users["b_practitioner"]
        self.manager = self.users["a_manager"]

    def as_b(self, records):
        return records.with_user(self.practitioner).with_context(
            allowed_company_ids=self.studio_b.ids
        )

    def as_manager(self, grant, login="a_manager"):
        user = self.users[login]
        return grant.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def grant(self, reason="Client moved to studio B; her last depth and reactions"):
        return self.as_b(self.client_a).action_skinpro_break_glass(reason)

    def reads(self, grant):
        return self.env["skinpro.break.glass.read"].search(
            [("grant_id", "=", grant.id)]
        )

    def test_without_a_reason_nothing_opens(self):
        for reason in ("", "   ", None):
            with self.assertRaises(UserError):
                self.grant(reason)
        self.assertFalse(self.env["skinpro.break.glass"].search([]))
        with self.assertRaises(AccessError):
            self.as_b(self.session_a).read(["note"])

    def test_only_a_practitioner_may_ask(self):
        for login in ("b_front_desk", "b_inventory"):
            with self.assertRaises(AccessError):
                self.client_a.with_user(self.users[login]).action_skinpro_break_glass(
                    "Curious"
                )

    def test_the_access_opens_the_clients_record_read_only_and_logs_each_read(self):
        before = fields.Datetime.now()
        grant = self.grant()
        self.assertEqual(grant._name, "skinpro.break.glass")
        self.assertEqual(
            (grant.partner_id, grant.user_id, grant.owner_company_ids),
            (self.client_a, self.practitioner, self.studio_a),
        )
        self.assertAlmostEqual(
            grant.expires_on, before + timedelta(hours=24), delta=timedelta(minutes=1)
        )
        # Her screenings with their answers, her sessions with their depths.
        screenings = self.as_b(self.env["skinpro.screening"]).search(
            [("partner_id", "=", self.client_a.id)]
        )
        self.assertIn(self.screening_a, screenings)
        self.assertEqual(
            self.as_b(self.session_a).read(["note"])[0]["note"],
            self.session_a.note,
        )
        self.as_b(self.screening_a).web_read({"answer_ids": {"fields": {"answer": {}}}})
        # Read-only.
        with self.assertRaises(AccessError):
            self.as_b(self.session_a).write({"note": "changed"})
        draft = self.screening(client=self.client_a, studio=self.studio_a)
        with self.assertRaises(AccessError):
            self.as_b(draft.answer_ids[:1]).write({"answer": "yes"})
        # Another client of studio A stays closed.
        other = self.started_session(self.studio_a, self.client_b)
        with self.assertRaises(AccessError):
            self.as_b(other).read(["note"])
        logged = self.reads(grant)
        self.assertEqual(set(logged.mapped("user_id")), {self.practitioner})
        self.assertIn(
            ("skinpro.treatment.session", self.session_a.id),
            [(log.res_model, log.res_id) for log in logged],
        )
        self.assertIn("skinpro.screening.answer", logged.mapped("res_model"))
        self.assertEqual(grant.read_count, len(logged))

    def test_printing_her_health_record_is_a_logged_read(self):
        grant = self.grant()
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.practitioner)
            .with_context(allowed_company_ids=self.studio_b.ids)
            ._render_qweb_html(
                "skinpro_needling.report_health_record", self.client_a.ids
            )
        )
        self.assertIn(self.studio_a.name, html.decode())
        printed = self.reads(grant).filtered(
            lambda log: log.fields_read == "health record PDF"
        )
        self.assertLessEqual(
            {
                ("skinpro.treatment.session", self.session_a.id),
                ("skinpro.screening", self.screening_a.id),
            },
            {(log.res_model, log.res_id) for log in printed},
        )
        self.assertIn("skinpro.screening.answer", printed.mapped("res_model"))

    def test_the_chain_sets_how_long_it_lasts(self):
        self.chain.skinpro_break_glass_hours = 2
        grant = self.grant()
        self.assertAlmostEqual(grant.expires_on - grant.granted_on, timedelta(hours=2))

    def test_when_it_lapses_nothing_remains_readable(self):
        grant = self.grant()
        self.as_b(self.session_a).read(["note"])
        with freeze_time(grant.expires_on + timedelta(seconds=1)):
            self.env.invalidate_all()
            self.assertFalse(
                self.as_b(self.env["skinpro.treatment.session"]).search(
                    [("partner_id", "=", self.client_a.id)]
                )
            )
            with self.assertRaises(AccessError):
                self.as_b(self.session_a).read(["note"])
            with self.assertRaises(AccessError):
                self.as_b(self.screening_a).read(["outcome"])
            self.assertFalse(grant.is_open)

    def test_the_owning_studios_manager_reviews_each_use(self):
        grant = self.grant()
        activity = grant.activity_ids
        self.assertIn(self.manager, activity.user_id)
        self.assertNotIn(self.users["b_manager"], activity.user_id)
        as_manager = self.as_manager(grant)
        self.assertEqual(as_manager.reason, grant.reason)
        with self.assertRaises(AccessError):
            self.as_manager(grant, "b_manager").action_skinpro_accept()
        as_manager.action_skinpro_accept()
        self.assertEqual(grant.review_state, "accepted")
        self.assertEqual(grant.reviewed_by_id, self.manager)
        self.assertFalse(grant.activity_ids)
        self.assertTrue(grant.is_open, "an accepted access runs its time")

    def test_a_flagged_use_ends_at_once(self):
        grant = self.grant()
        self.as_manager(grant).action_skinpro_flag()
        self.assertEqual(grant.review_state, "flagged")
        self.env.invalidate_all()
        self.assertFalse(grant.is_open)
        with self.assertRaises(AccessError):
            self.as_b(self.session_a).read(["note"])
