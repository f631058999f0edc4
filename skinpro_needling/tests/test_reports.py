# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The chain's reports against a count by hand of the demo chain's records
(demo/skinpro_treatment_demo.xml, skinpro_screening_demo.xml), built by the test
(common.ExampleChain), and what a user of one studio sees of them."""

import json
import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import ExampleChain
from .pos_payload import pos_order_payload

FUNNEL = [
    "lead_count:sum",
    "screened_count:sum",
    "first_session_count:sum",
    "course_completed_count:sum",
]
REPORTS = [
    "skinpro.report.session",
    "skinpro.report.session.month",
    "skinpro.report.screening",
    "skinpro.report.referral",
    "skinpro.report.consumption",
    "skinpro.report.stock.cover",
    "skinpro.report.funnel",
]


@tagged("post_install", "-at_install")
class TestReports(BaseCommon):
    @classmethod
    def default_env_context(cls):
        # Referrals' stage changes are tracked in the chatter, as in production.
        return {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.example = ExampleChain(cls.env)
        cls.slc = cls.example.studio_salt_lake
        cls.phx = cls.example.studio_phoenix
        cls.san = cls.example.studio_san_diego
        cls.studios = cls.example.studios
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.studios.ids)
        )
        cls.slc_manager = new_test_user(
            cls.env,
            login="slc_manager",
            groups="base.group_user,skinpro_needling.group_studio_manager",
            company_id=cls.slc.id,
            company_ids=[cls.slc.id],
        )
        cls.chain_manager = new_test_user(
            cls.env,
            login="chain_reports",
            groups="base.group_user,skinpro_needling.group_chain_manager",
            company_id=cls.slc.id,
            company_ids=cls.studios.ids,
        )

    def figures(self, model, groupby, aggregates, domain=(), env=None):
        """{group values: aggregates} of a report, as its pivot reads them, over the
        example's studios (the database may hold others, the demo's among them)."""
        domain = [("company_id", "in", self.studios.ids), *domain]
        rows = (env or self.env)[model]._read_group(domain, groupby, aggregates)
        return {
            tuple(getattr(v, "id", v) for v in row[: len(groupby)]): (
                list(row[len(groupby) :]) if len(aggregates) > 1 else row[-1]
            )
            for row in rows
        }

    # --- figures against the example chain, counted by hand -----------------------

    def test_sessions_count_per_studio_state_and_class(self):
        # Salt Lake City: one done, one in progress, one planned (its cancelled one
        # is left out); Phoenix: one planned course session, medical at its 0.5 mm
        # limit; San Diego: none.
        counts = self.figures(
            "skinpro.report.session",
            ["company_id", "state", "depth_class"],
            ["__count"],
        )
        self.assertEqual(
            counts,
            {
                (self.slc.id, "done", "cosmetic"): 1,
                (self.slc.id, "in_progress", "cosmetic"): 1,
                (self.slc.id, "planned", "cosmetic"): 1,
                (self.phx.id, "planned", "medical"): 1,
            },
        )

    def test_session_revenue_is_what_the_pos_line_paid(self):
        """A cleared client buys a 0.5 mm full face at Salt Lake City's POS: the
        session it books carries the line's price as revenue."""
        client = self.example.client_slc_cleared
        variant = self.example.product_full_face.product_variant_ids.filtered(
            lambda p: p.skinpro_depth_mm == 0.5
        )
        config = self.slc.skinpro_pos_config_ids[:1].with_company(self.slc)
        config.open_ui()
        before = self.figures(
            "skinpro.report.session", ["company_id"], ["revenue:sum"]
        ).get((self.slc.id,), 0)
        result = self.env["pos.order"].sync_from_ui(
            [pos_order_payload(config.current_session_id, client, variant)]
        )
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        paid = order.lines.price_subtotal
        self.assertEqual(paid, 250)
        revenue = self.figures(
            "skinpro.report.session", ["company_id", "product_id"], ["revenue:sum"]
        )
        self.assertEqual(revenue[(self.slc.id, variant.id)], paid)
        self.assertEqual(
            self.figures("skinpro.report.session", ["company_id"], ["revenue:sum"])[
                (self.slc.id,)
            ],
            before + paid,
        )

    def test_screening_outcomes_per_studio_and_the_contraindications_behind_them(self):
        # Each studio has one confirmed screening of each outcome.
        outcomes = self.figures(
            "skinpro.report.screening", ["company_id", "outcome"], ["__count"]
        )
        self.assertEqual(
            outcomes,
            {
                (studio.id, outcome): 1
                for studio in self.studios
                for outcome in ("cleared", "clearance_required", "deferred", "refer")
            },
        )
        # What decided them, counted in the screenings' own outcome reasons.
        screenings = self.env["skinpro.screening"].search(
            [("state", "=", "confirmed"), ("company_id", "in", self.studios.ids)]
        )
        by_hand = {}
        for screening in screenings:
            for reason in screening.outcome_reason_ids:
                by_hand[(screening.outcome, reason.id)] = (
                    by_hand.get((screening.outcome, reason.id), 0) + 1
                )
        reasons = self.figures(
            "skinpro.report.screening",
            ["outcome", "contraindication_ids"],
            ["__count"],
            [("contraindication_ids", "!=", False)],
        )
        self.assertEqual(reasons, by_hand)
        self.assertTrue(
            any(outcome in ("deferred", "refer") for outcome, _reason in reasons)
        )

    def test_referrals_per_studio_stage_and_time_to_acceptance(self):
        stage = self.env.ref
        counts = self.figures(
            "skinpro.report.referral", ["company_id", "stage_id"], ["__count"]
        )
        self.assertEqual(
            counts,
            {
                (
                    self.slc.id,
                    stage("skinpro_needling.crm_stage_referral_to_send").id,
                ): 1,
                (self.slc.id, stage("skinpro_needling.crm_stage_referral_sent").id): 1,
                (
                    self.phx.id,
                    stage("skinpro_needling.crm_stage_referral_accepted").id,
                ): 1,
                (
                    self.phx.id,
                    stage("skinpro_needling.crm_stage_referral_treated").id,
                ): 1,
                (
                    self.san.id,
                    stage("skinpro_needling.crm_stage_referral_declined").id,
                ): 1,
            },
        )
        # Moved to 'Accepted' now: its acceptance is the tracked stage change.
        referral = self.example.referral_sent
        accepted = stage("skinpro_needling.crm_stage_referral_accepted")
        referral.action_skinpro_accept()
        self.env.flush_all()
        self.env.cr.precommit.run()  # the chatter's tracking, written at commit
        row = self.env["skinpro.report.referral"].browse(referral.id)
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "crm.lead"),
                ("mail_message_id.res_id", "=", referral.id),
                ("field_id.name", "=", "stage_id"),
                ("new_value_integer", "=", accepted.id),
            ]
        )
        self.assertTrue(tracked)
        self.assertEqual(row.date_accepted, tracked.mail_message_id.date)
        self.assertAlmostEqual(
            row.days_to_acceptance,
            (tracked.mail_message_id.date - referral.create_date).total_seconds()
            / 86400,
            places=3,
        )
        # Not accepted yet: no acceptance date.
        waiting = self.example.referral_to_send
        self.assertFalse(
            self.env["skinpro.report.referral"].browse(waiting.id).date_accepted
        )

    def test_consumption_expected_used_and_variance(self):
        # The done session used exactly its recipe: no variance.
        session = self.example.session_emma_done
        recipe = session.product_id._skinpro_recipe_needs(session.anaesthetic_grams)
        rows = self.figures(
            "skinpro.report.consumption",
            ["company_id", "product_id"],
            ["expected_qty:sum", "actual_qty:sum", "variance_qty:sum"],
        )
        self.assertEqual(
            rows,
            {(self.slc.id, p.id): [qty, qty, 0] for p, qty in recipe.items()},
        )
        cost = self.figures(
            "skinpro.report.consumption", ["company_id"], ["actual_cost:sum"]
        )[(self.slc.id,)]
        self.assertAlmostEqual(cost, session.consumables_cost)
        self.assertAlmostEqual(cost, 5 * 0.40 + 6.50 + 9.00 + 3.20)
        # The in-progress session completes with 3 g more anaesthetic than its
        # recipe's 5 g: the variance shows the 3 g.
        second = self.example.session_emma_in_progress
        second.anaesthetic_grams = 8
        second.action_done()
        self.env.flush_all()  # a request commits before the report is read
        lidocaine = self.example.consumable_lidocaine
        rows = self.figures(
            "skinpro.report.consumption",
            ["product_id"],
            ["expected_qty:sum", "actual_qty:sum", "variance_qty:sum"],
            [("company_id", "=", self.slc.id)],
        )
        self.assertEqual(rows[(lidocaine.id,)], [10, 13, 3])

    def test_sessions_remaining_against_the_sessions_booked_ahead(self):
        lidocaine = self.example.consumable_lidocaine
        cartridge = self.example.consumable_cartridge
        cover = self.env["skinpro.report.stock.cover"].search(
            [("company_id", "=", self.slc.id), ("product_id", "=", lidocaine.id)]
        )
        on_hand = sum(
            self.env["stock.quant"]
            .search(
                [
                    ("product_id", "=", lidocaine.id),
                    (
                        "location_id",
                        "child_of",
                        self.slc.skinpro_warehouse_id.lot_stock_id.id,
                    ),
                ]
            )
            .mapped("quantity")
        )
        # Emma's session in progress is booked for today, 5 g; her next one is a
        # month away, beyond the 14 days looked ahead.
        self.assertAlmostEqual(cover.on_hand_qty, on_hand)
        self.assertEqual(cover.booked_sessions, 1)
        self.assertAlmostEqual(cover.booked_qty, 5)
        self.assertEqual(cover.sessions_remaining, on_hand // 5)
        self.assertFalse(cover.shortfall_date)
        # Phoenix is out of cartridges, and Ava is booked in two days.
        phoenix = self.env["skinpro.report.stock.cover"].search(
            [("company_id", "=", self.phx.id), ("product_id", "=", cartridge.id)]
        )
        ava = self.example.session_ava_planned_medical
        self.assertEqual(phoenix.on_hand_qty, 0)
        self.assertEqual(phoenix.sessions_remaining, 0)
        self.assertEqual(phoenix.shortfall_date, ava.planned_start.date())
        self.assertEqual(phoenix.shortfall_qty, 1)

    def test_funnel_from_consultation_to_completed_course(self):
        funnel = self.figures(
            "skinpro.report.funnel",
            ["company_id"],
            FUNNEL,
        )
        # The one consultation at Salt Lake City, not yet screened.
        self.assertEqual(funnel, {(self.slc.id,): [1, 0, 0, 0]})
        # Its client (Emma, screened and treated there) goes all the way.
        lead = self.example.consultation_new_client
        emma = self.example.client_slc_cleared
        lead.partner_id = emma
        # Her course's other two sessions, started sooner than its spacing by the
        # studio manager, and completed.
        course = self.example.course_emma
        self.env["skinpro.treatment.session"].create(
            {
                "partner_id": emma.id,
                "company_id": self.slc.id,
                "product_id": course.product_id.id,
                "course_id": course.id,
            }
        )
        manager = self.env(
            user=self.slc_manager, context={"allowed_company_ids": self.slc.ids}
        )
        for session in course.session_ids.filtered(lambda s: s.state == "planned"):
            session.reconfirmation_ids.write({"answer": "no"})
            session.with_env(manager).action_start_override_spacing()
            session.action_done()
        self.assertEqual(course.sessions_left, 0)
        self.env.flush_all()
        funnel = self.figures(
            "skinpro.report.funnel",
            ["company_id"],
            FUNNEL,
        )
        self.assertEqual(funnel, {(self.slc.id,): [1, 1, 1, 1]})

    def test_reports_break_down_by_practitioner(self):
        # The one done session was the Salt Lake City practitioner's.
        practitioner = self.example.user_slc_practitioner
        for model, domain in (
            ("skinpro.report.session", [("state", "=", "done")]),
            ("skinpro.report.consumption", []),
        ):
            with self.subTest(model=model):
                rows = self.figures(model, ["practitioner_id"], ["__count"], domain)
                self.assertEqual(set(rows), {(practitioner.id,)})
        # Referrals by who referred, consultations by who holds the lead.
        lead = self.example.referral_sent
        lead.user_id = practitioner
        consultation = self.example.consultation_new_client
        consultation.user_id = practitioner
        self.env.flush_all()
        for model, row in (
            ("skinpro.report.referral", lead),
            ("skinpro.report.funnel", consultation),
        ):
            with self.subTest(model=model):
                mine = self.env[model].search(
                    [("practitioner_id", "=", practitioner.id)]
                )
                self.assertEqual(mine.ids, row.ids)

    # --- who sees what ------------------------------------------------------------

    def test_a_studio_manager_sees_only_their_studios_rows(self):
        env = self.env(
            user=self.slc_manager, context={"allowed_company_ids": self.slc.ids}
        )
        for model in REPORTS:
            with self.subTest(model=model):
                studios = {
                    company
                    for (company,) in self.figures(
                        model, ["company_id"], ["__count"], env=env
                    )
                }
                self.assertEqual(studios, {self.slc.id})
                self.assertFalse(env[model].search([("company_id", "!=", self.slc.id)]))
                # Asking for another studio's context does not widen it.
                with self.assertRaises(AccessError):
                    self.env(
                        user=self.slc_manager,
                        context={"allowed_company_ids": self.phx.ids},
                    )[model].search([])

    def test_the_chain_manager_sees_the_studios_side_by_side(self):
        env = self.env(
            user=self.chain_manager, context={"allowed_company_ids": self.studios.ids}
        )
        counts = self.figures(
            "skinpro.report.session", ["company_id"], ["__count"], env=env
        )
        self.assertEqual(counts, {(self.slc.id,): 3, (self.phx.id,): 1})

    def test_the_chain_manager_sees_every_allowed_studio_without_ticking(self):
        ticked = self.env(
            user=self.chain_manager, context={"allowed_company_ids": self.studios.ids}
        )
        one_ticked = self.env(
            user=self.chain_manager, context={"allowed_company_ids": self.slc.ids}
        )
        for model in REPORTS:
            with self.subTest(model=model):
                self.assertEqual(
                    self.figures(model, ["company_id"], ["__count"], env=one_ticked),
                    self.figures(model, ["company_id"], ["__count"], env=ticked),
                )
        self.assertIn(
            (self.phx.id,),
            self.figures(
                "skinpro.report.session", ["company_id"], ["__count"], env=one_ticked
            ),
        )

    def test_inventory_staff_read_consumption_but_not_sessions_or_outcomes(self):
        inventory = self.example.user_slc_inventory
        env = self.env(user=inventory, context={"allowed_company_ids": self.slc.ids})
        self.assertTrue(env["skinpro.report.consumption"].search([]))
        self.assertTrue(env["skinpro.report.stock.cover"].search([]))
        for model in ("skinpro.report.session", "skinpro.report.screening"):
            with self.assertRaises(AccessError):
                env[model].search([])

    # --- the monthly studio report --------------------------------------------------

    def test_monthly_report_prints_the_studios_figures(self):
        session = self.example.session_emma_done
        month = session.session_date
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.slc_manager)
            .with_context(allowed_company_ids=self.slc.ids)
            ._render_qweb_html(
                "skinpro_needling.report_studio_month",
                self.slc.ids,
                data={"month": str(month)},
            )
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        self.assertIn(f"{self.slc.name} : {month.strftime('%B %Y')}", text)
        self.assertIn(f"{session.product_id.product_tmpl_id.display_name} 1 ", text)
        self.assertIn("Consumables cost of these sessions: $ 20.70", text)
        self.assertIn("Lidocaine 4% topical cream 5 5 +0 g", text)
        self.assertNotIn("Phoenix", text)

    def test_monthly_report_wizard_prints_the_chosen_studio_and_month(self):
        wizard = (
            self.env["skinpro.month.report.wizard"]
            .with_user(self.slc_manager)
            .with_context(allowed_company_ids=self.slc.ids)
            .create({"month": "2026-03-17"})
        )
        self.assertEqual(wizard.company_id, self.slc)
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "skinpro_needling.report_studio_month")
        self.assertEqual(action["context"]["active_ids"], self.slc.ids)
        self.assertEqual(action["data"], {"month": "2026-03-17"})


@tagged("post_install", "-at_install")
class TestReportsOnReadOnlyCursor(HttpCase):
    """Through the web client's own routes, the reports are served on a read-only
    cursor (what a read replica gives): a write would fail there, and Odoo would
    retry on the primary with a warning."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.example = ExampleChain(cls.env)
        cls.slc = cls.example.studio_salt_lake
        # A past of its own: a session booked in each of the last three months.
        cls.env["skinpro.treatment.session"].create(
            [
                {
                    "partner_id": cls.example.client_slc_cleared.id,
                    "company_id": cls.slc.id,
                    "product_id": cls.example.full_face_variant(0.5).id,
                    "planned_start": fields.Datetime.now() - relativedelta(months=n),
                }
                for n in (1, 2, 3)
            ]
        )
        new_test_user(
            cls.env,
            login="slc_replica",
            groups="base.group_user,skinpro_needling.group_studio_manager",
            company_id=cls.slc.id,
            company_ids=[cls.slc.id],
        )

    def setUp(self):
        super().setUp()
        self.authenticate("slc_replica", "slc_replica")

    def test_pivot_of_sessions_reads_without_writing(self):
        with self.assertNoLogs("odoo.http", "WARNING"):
            groups = self.make_jsonrpc_request(
                "/web/dataset/call_kw/skinpro.report.session/web_read_group",
                {
                    "model": "skinpro.report.session",
                    "method": "web_read_group",
                    "args": [[], ["company_id"], ["revenue:sum", "__count"]],
                    "kwargs": {},
                },
            )["groups"]
        # Salt Lake City's sessions, not cancelled: the example's three and its past.
        sessions = self.env["skinpro.treatment.session"].search_count(
            [("company_id", "=", self.slc.id), ("state", "!=", "cancelled")]
        )
        self.assertGreater(sessions, 3)
        self.assertEqual(
            [(g["company_id"][0], g["__count"]) for g in groups],
            [(self.slc.id, sessions)],
        )

    def test_monthly_pdf_renders_without_writing(self):
        month = self.example.session_emma_done.session_date
        options = json.dumps({"month": str(month)})
        with self.assertNoLogs("odoo.http", "WARNING"):
            response = self.url_open(
                f"/report/html/skinpro_needling.report_studio_month/{self.slc.id}"
                f"?options={options}"
            )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Consumables cost of these sessions", response.text)
