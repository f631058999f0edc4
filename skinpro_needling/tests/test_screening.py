# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import functools
import subprocess
from datetime import timedelta
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.base.models import ir_actions_report

from .common import SkinproCase, skip_without_demo

PDF_TIMEOUT = 120  # seconds; the record's page takes a few

# The source article's eight, with the outcome their class gives when answered yes.
ARTICLE_EIGHT = {
    "keloid": "clearance_required",
    "blood_thinner": "clearance_required",
    "active_acne": "clearance_required",
    "suspicious_lesion": "refer",
    "topical_prescription": "deferred",
    "uncontrolled_diabetes": "clearance_required",
    "non_healing_infection": "clearance_required",
    "pregnancy": "refer",
}


@tagged("post_install", "-at_install")
class TestScreening(SkinproCase):
    def test_catalogue_holds_the_article_eight_and_the_clinical_ones(self):
        catalogue = self.env["skinpro.contraindication"].search([])
        self.assertLessEqual(set(ARTICLE_EIGHT), set(catalogue.mapped("code")))
        self.assertGreaterEqual(len(catalogue), 20)
        self.assertEqual(
            set(catalogue.mapped("severity")), {"absolute", "clearance", "waiting"}
        )
        self.assertTrue(all(catalogue.mapped("source")))
        waiting = catalogue.filtered(lambda c: c.severity == "waiting")
        self.assertTrue(all(days > 0 for days in waiting.mapped("waiting_days")))

    def test_a_new_screening_asks_every_active_question(self):
        screening = self.env["skinpro.screening"].create(
            {"partner_id": self.client_a.id}
        )
        active = self.env["skinpro.contraindication"].search([])
        self.assertEqual(screening.answer_ids.contraindication_id, active)
        self.assertFalse(screening.outcome)

    def test_confirming_with_an_unanswered_question_names_it(self):
        screening = self.screening()
        pregnancy = screening.answer_ids.filtered(
            lambda a: a.contraindication_id.code == "pregnancy"
        )
        pregnancy.answer = False
        with self.assertRaisesRegex(UserError, pregnancy.question):
            screening.action_confirm()
        self.assertEqual(screening.state, "draft")

    def test_each_of_the_article_eight_gives_the_outcome_of_its_class(self):
        today = fields.Date.today()
        for code, outcome in ARTICLE_EIGHT.items():
            with self.subTest(code=code):
                screening = self.screening(yes={code: today})
                self.assertEqual(screening.outcome, outcome)
                self.assertIn(code, screening.outcome_reason_ids.mapped("code"))
                self.assertNotEqual(screening.outcome, "cleared")

    def test_pregnancy_is_never_cleared(self):
        screening = self.screening(yes=["pregnancy"])
        self.assertIn(screening.outcome, ("refer", "deferred"))
        screening.action_confirm()
        self.assertNotEqual(self.client_a.skinpro_screening_status, "cleared")

    def test_all_no_is_cleared_for_the_configured_validity(self):
        self.chain.skinpro_screening_validity_days = 45
        screening = self.screening()
        self.assertEqual(screening.outcome, "cleared")
        self.assertEqual(screening.valid_until, screening.date + timedelta(days=45))

    def test_waiting_period_defers_until_its_end(self):
        last_peel = fields.Date.today() - timedelta(days=5)
        screening = self.screening(yes={"chemical_peel": last_peel})
        days = self.contraindication("chemical_peel").waiting_days
        self.assertEqual(screening.outcome, "deferred")
        self.assertEqual(screening.deferred_until, last_peel + timedelta(days=days))

    def test_a_waiting_answer_without_its_date_cannot_be_confirmed(self):
        screening = self.screening(yes=["chemical_peel"])
        with self.assertRaisesRegex(UserError, "date"):
            screening.action_confirm()

    def test_confirming_needs_the_consent_signature(self):
        screening = self.screening(consent_signature=False)
        with self.assertRaisesRegex(UserError, "consent signature"):
            screening.action_confirm()

    def test_a_clearance_clears_the_client_once_a_studio_manager_approves_it(self):
        practitioner = self.studio_user(
            "pra", self.studio_a, "skinpro_needling.group_practitioner"
        )
        manager = self.studio_user(
            "mgr", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        screening = self.screening(yes=["blood_thinner"])
        screening.action_confirm()
        self.assertEqual(screening.outcome, "clearance_required")
        self.assertEqual(
            self.status(self.client_a, self.studio_a), "clearance_required"
        )
        expiry = screening.date + timedelta(days=10)
        screening.with_user(practitioner).write(
            {
                "clearance_ids": [
                    Command.create(
                        {
                            "physician": "Dr. Ada Stone",
                            "contraindication_ids": [
                                self.contraindication("blood_thinner").id
                            ],
                            "expiry_date": expiry,
                            "document": b"UERGIGRvY3VtZW50",
                            "document_name": "clearance.pdf",
                        }
                    )
                ]
            }
        )
        clearance = screening.clearance_ids
        self.assertEqual(clearance.state, "pending")
        self.assertEqual(screening.outcome, "clearance_required")
        self.assertEqual(
            self.status(self.client_a, self.studio_a), "clearance_required"
        )
        self.assertIn("Dr. Ada Stone", screening.message_ids[0].body)
        # Filed on a confirmed screening: kept as it is, approved as it is.
        with self.assertRaisesRegex(UserError, "Approve or Reject instead"):
            clearance.with_user(practitioner).write(
                {"expiry_date": expiry + timedelta(days=1)}
            )
        with self.assertRaisesRegex(UserError, "Only a studio manager"):
            clearance.with_user(practitioner).action_approve()
        self.assertEqual(screening.outcome, "clearance_required")

        clearance.with_user(manager).action_approve()
        self.assertEqual(
            (clearance.state, clearance.approved_by_id), ("approved", manager)
        )
        self.assertTrue(clearance.approved_on)
        self.assertEqual(screening.outcome, "cleared")
        self.assertEqual(screening.valid_until, expiry)
        self.assertEqual(self.status(self.client_a, self.studio_a), "cleared")
        note = screening.message_ids[0]
        self.assertIn("approved by mgr", note.body)
        self.assertEqual(note.author_id, manager.partner_id)

    def test_a_rejected_clearance_never_clears_and_stays_on_file(self):
        manager = self.studio_user(
            "mgr", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        practitioner = self.studio_user(
            "pra", self.studio_a, "skinpro_needling.group_practitioner"
        )
        screening = self.screening(yes=["blood_thinner"])
        screening.action_confirm()
        screening.clearance_ids = [
            Command.create(
                {
                    "physician": "Dr. Ada Stone",
                    "contraindication_ids": [self.contraindication("blood_thinner").id],
                    "expiry_date": screening.date + timedelta(days=10),
                    "document": b"UERGIGRvY3VtZW50",
                }
            )
        ]
        clearance = screening.clearance_ids
        with self.assertRaisesRegex(UserError, "Only a studio manager"):
            clearance.with_user(practitioner).action_reject()
        clearance.with_user(manager).action_reject()
        self.assertEqual(
            (clearance.state, clearance.approved_by_id), ("rejected", manager)
        )
        self.assertEqual(screening.outcome, "clearance_required")
        self.assertIn("rejected by mgr", screening.message_ids[0].body)
        # Rejected is final: approving it later changes nothing, deleting is refused.
        clearance.with_user(manager).action_approve()
        self.assertEqual(clearance.state, "rejected")
        self.assertEqual(screening.outcome, "clearance_required")
        with self.assertRaises(UserError):
            clearance.with_user(manager).unlink()

    def test_a_clearance_for_another_contraindication_does_not_clear(self):
        screening = self.screening(yes=["blood_thinner"])
        screening.clearance_ids = [
            (
                0,
                0,
                {
                    "physician": "Dr. Ada Stone",
                    "contraindication_ids": [self.contraindication("keloid").id],
                    "expiry_date": screening.date + timedelta(days=10),
                    "document": b"UERG",
                },
            )
        ]
        self.assertEqual(screening.outcome, "clearance_required")

    def test_a_confirmed_screening_is_locked(self):
        screening = self.screening()
        screening.action_confirm()
        with self.assertRaisesRegex(UserError, "locked"):
            screening.write({"date": fields.Date.today() - timedelta(days=1)})
        with self.assertRaisesRegex(UserError, "locked"):
            screening.answer_ids[0].answer = "yes"
        with self.assertRaisesRegex(UserError, "locked"):
            screening.answer_ids[0].unlink()
        # Confirming again (a second click) changes nothing.
        confirmed_on = screening.confirmed_on
        screening.action_confirm()
        self.assertEqual(screening.confirmed_on, confirmed_on)
        self.assertEqual(screening.outcome, "cleared")

    def test_a_change_after_confirmation_is_a_new_screening(self):
        screening = self.screening()
        screening.action_confirm()
        action = screening.action_new_screening()
        new = self.env["skinpro.screening"].browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.partner_id, screening.partner_id)
        self.assertFalse(new.answer_ids.filtered("answer"))

    def test_changes_before_confirmation_are_in_the_chatter(self):
        screening = self.screening()
        self.assertEqual(screening.outcome, "cleared")
        # The screening was saved in an earlier request: end that transaction's work.
        self.env.flush_all()
        self.cr.flush()
        line = screening.answer_ids.filtered(
            lambda a: a.contraindication_id.code == "keloid"
        )
        line.answer = "yes"
        note = screening.message_ids[0]
        self.assertIn("Answers changed", note.body)
        self.assertIn(line.question, note.body)
        self.assertEqual(note.author_id, self.env.user.partner_id)
        self.assertEqual(screening.outcome, "clearance_required")
        screening.date = fields.Date.today() - timedelta(days=1)
        self.env.flush_all()
        self.cr.flush()  # tracking values are written just before commit
        screening.invalidate_recordset(["message_ids"])
        tracked = screening.message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("outcome", tracked)
        self.assertIn("date", tracked)

    def test_front_desk_sees_the_status_never_the_answers(self):
        screening = self.screening()
        screening.before_photo_ids = [
            (
                0,
                0,
                {
                    "name": "before.png",
                    "datas": b"iVBORw0KGgo=",
                    "res_model": "skinpro.screening",
                    "res_id": screening.id,
                },
            )
        ]
        screening.photo_consent_signature = screening.consent_signature
        screening.clearance_ids = [
            (
                0,
                0,
                {
                    "physician": "Dr. Ada Stone",
                    "contraindication_ids": [self.contraindication("keloid").id],
                    "expiry_date": screening.date + timedelta(days=10),
                    "document": b"UERG",
                },
            )
        ]
        screening.action_confirm()
        front_desk = self.studio_user(
            "fd", self.studio_a, "skinpro_needling.group_front_desk"
        )
        for records in (
            screening,
            screening.answer_ids,
            screening.clearance_ids,
            screening.before_photo_ids,
        ):
            with self.subTest(model=records._name), self.assertRaises(AccessError):
                records.with_user(front_desk).read()
        with self.assertRaises(AccessError):
            self.env["skinpro.screening.answer"].with_user(front_desk).search_read([])
        client = self.client_a.with_user(front_desk).with_company(self.studio_a)
        self.assertEqual(client.skinpro_screening_status, "cleared")
        self.assertEqual(client.skinpro_screening_valid_until, screening.valid_until)
        cleared = (
            self.env["res.partner"]
            .with_user(front_desk)
            .search([("skinpro_screening_status", "=", "cleared")])
        )
        self.assertEqual(cleared, self.client_a)

    def test_status_belongs_to_the_studio_and_expires(self):
        screening = self.screening(date=fields.Date.today() - timedelta(days=31))
        screening.action_confirm()
        self.assertEqual(self.status(self.client_a, self.studio_a), "none")
        self.screening().action_confirm()
        self.assertEqual(self.status(self.client_a, self.studio_a), "cleared")
        self.assertEqual(self.status(self.client_a, self.studio_b), "none")

    def test_a_studio_user_cannot_read_another_studios_answers(self):
        screening = self.screening(studio=self.studio_b, client=self.client_b)
        practitioner_a = self.studio_user(
            "pra", self.studio_a, "skinpro_needling.group_practitioner"
        )
        Answer = self.env["skinpro.screening.answer"].with_user(practitioner_a)
        self.assertFalse(Answer.search([("screening_id", "=", screening.id)]))
        with self.assertRaises(AccessError):
            screening.answer_ids.with_user(practitioner_a).read(["answer"])

    def test_a_studio_limit_above_the_chain_cap_is_refused(self):
        self.studio_a.skinpro_max_depth_mm = 1.0
        with self.assertRaisesRegex(
            ValidationError, "exceeds the chain's hard cap of 1.5"
        ):
            self.studio_a.skinpro_max_depth_mm = 1.75
        with self.assertRaisesRegex(ValidationError, "hard cap of 0.75 mm"):
            self.chain.skinpro_depth_cap_mm = 0.75
        with self.assertRaisesRegex(ValidationError, "between 0 and 2.5"):
            self.studio_a.skinpro_max_depth_mm = -0.5
        self.studio_a.skinpro_max_depth_mm = 0
        self.assertEqual(self.studio_a.skinpro_max_depth_mm, 0)

    def test_codes_are_unique_and_a_used_one_is_archived_not_deleted(self):
        keloid = self.contraindication("keloid")
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.env["skinpro.contraindication"].create(
                {"code": "keloid", "name": "Again?", "severity": "clearance"}
            )
        self.screening()
        with self.assertRaisesRegex(UserError, "archive it"):
            keloid.unlink()
        keloid.active = False
        screening = self.screening()
        self.assertNotIn(keloid, screening.answer_ids.contraindication_id)


@tagged("post_install", "-at_install")
class TestScreeningRecordPdf(HttpCase, SkinproCase):
    """wkhtmltopdf fetches the report's style sheets from the server the base URL
    (web.base.url) names. A TransactionCase has no server of its own: the URL may
    name none, or another process's, which does not see the test's transaction
    and may wait on its locks. An HttpCase points the URL at its own server,
    which answers within the test's transaction, as Odoo's report tests do; a
    time limit bounds wkhtmltopdf all the same."""

    def test_the_screening_record_prints_as_pdf(self):
        screening = self.screening(yes=["pregnancy"])
        screening.action_confirm()
        report = "skinpro_needling.action_report_skinpro_screening"
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with patch.object(
            ir_actions_report.subprocess,
            "run",
            functools.partial(subprocess.run, timeout=PDF_TIMEOUT),
        ):
            pdf, kind = Report._render_qweb_pdf(report, screening.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 10000)
        # wkhtmltopdf draws the web font's text as outlines, which no PDF reader can
        # extract: the name and outcome are read from the HTML the PDF is made of.
        html = Report._render_qweb_html(report, screening.ids)[0].decode()
        self.assertIn("Client of A", html)
        self.assertIn("Refer", html)
        self.assertIn("Are you pregnant or breastfeeding?", html)
        self.assertIn("data:image/png;base64", html)  # the consent signature


@tagged("post_install", "-at_install")
class TestScreeningDemo(SkinproCase):
    def test_each_demo_studio_has_clients_with_each_outcome(self):
        skip_without_demo(self.env)
        for xmlid in ("studio_salt_lake", "studio_phoenix", "studio_san_diego"):
            studio = self.env.ref(f"skinpro_needling.{xmlid}")
            outcomes = set(
                self.env["skinpro.screening"]
                .search([("company_id", "=", studio.id), ("state", "=", "confirmed")])
                .mapped("outcome")
            )
            self.assertEqual(
                outcomes, {"cleared", "clearance_required", "deferred", "refer"}, xmlid
            )
