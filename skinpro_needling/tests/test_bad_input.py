# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bad input across the addon: each case is refused with a message that names what
is wrong, and the database is the same afterwards, row for row."""

import psycopg2

from odoo import Command
from odoo.exceptions import UserError
from odoo.service.model import _as_validation_error
from odoo.tests import tagged

from .common import SIGNATURE, SkinproCase, table_digests
from .pos_payload import pos_order_payload

# Every table bad input could touch; compared whole, row by row, before and after.
TABLES = [
    "res_company",
    "res_partner",
    "product_template",
    "product_product",
    "product_attribute_value",
    "skinpro_contraindication",
    "skinpro_recipe_line",
    "skinpro_screening",
    "skinpro_screening_answer",
    "skinpro_screening_clearance",
    "skinpro_treatment_session",
    "skinpro_session_depth",
    "skinpro_session_reconfirmation",
    "skinpro_course",
    "crm_lead",
    "pos_order",
    "pos_order_line",
    "pos_payment",
    "stock_picking",
    "stock_move",
    "mail_message",
]
MINIMUM_CASES = 30


@tagged("post_install", "-at_install")
class TestBadInput(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.slc = ref("skinpro_needling.studio_salt_lake")
        cls.treatment = ref("skinpro_needling.product_full_face")
        cls.variant = cls.treatment.product_variant_ids[:1]
        cls.lidocaine = ref("skinpro_needling.consumable_lidocaine")
        cls.cleared = ref("skinpro_needling.client_slc_cleared")
        cls.confirmed = cls.env["skinpro.screening"].search(
            [("company_id", "=", cls.slc.id), ("state", "=", "confirmed")], limit=1
        )
        cls.planned = cls.env["skinpro.treatment.session"].search(
            [("company_id", "=", cls.slc.id), ("state", "=", "planned")], limit=1
        )
        cls.in_progress = cls.env["skinpro.treatment.session"].search(
            [("company_id", "=", cls.slc.id), ("state", "=", "in_progress")], limit=1
        )
        cls.depth_attribute_value = ref("skinpro_needling.attribute_needle_depth")
        cls.area = cls.env["product.attribute.value"].search(
            [("attribute_id.skinpro_kind", "=", "area")], limit=1
        )
        cls.archived = cls.env["res.partner"].create(
            {"name": "Archived client", "active": False}
        )
        slc_env = cls.env(context={"allowed_company_ids": cls.slc.ids})
        config = cls.slc.skinpro_pos_config_ids[:1].with_env(slc_env)
        config.open_ui()
        cls.pos_session = config.current_session_id
        cls.env.flush_all()

    def snapshot(self):
        return table_digests(self.env, TABLES)

    def refused(self, action, expected):
        """Run `action`, which must be refused with a message containing
        `expected`; the message the user reads is returned."""
        with self.assertRaises(UserError) as caught:
            try:
                with self.env.cr.savepoint():
                    action()
                    self.env.flush_all()
            except psycopg2.IntegrityError as error:
                # What Odoo's RPC layer makes of a violated SQL constraint.
                raise _as_validation_error(self.env, error) from error
        message = str(caught.exception.args[0])
        self.assertIn(expected.lower(), message.lower())
        return message

    def imported(self, model, fields_, rows, expected):
        """An import (`load`, as the import dialog calls it) that must report an
        error containing `expected` and create nothing."""
        result = self.env[model].load(fields_, rows)
        self.assertFalse(result["ids"])
        messages = " ".join(m["message"] for m in result["messages"])
        self.assertIn(expected.lower(), messages.lower())

    def cases(self):
        """(what is tried, how, a word of the message the user must read)."""
        slc, chain = self.slc, self.slc.parent_id
        screening = self.screening(yes=["pregnancy"])
        draft = self.screening()
        treatment, lidocaine = self.treatment, self.lidocaine
        attribute_value = self.depth_attribute_value.value_ids[:1]
        session, started = self.planned, self.in_progress
        recipe = self.env["skinpro.recipe.line"]
        clearance = self.env["skinpro.screening.clearance"]
        new_session = self.env["skinpro.treatment.session"]
        kinds = {"kind": "cartridge", "product_tmpl_id": treatment.id}
        contraindication = self.env["skinpro.contraindication"]
        existing_code = contraindication.search([], limit=1).code

        def pos(**changes):
            payload = pos_order_payload(self.pos_session, self.cleared, self.variant)
            line = changes.pop("line", {})
            payload["lines"][0][2].update(line)
            payload.update(changes)
            return lambda: self.env["pos.order"].sync_from_ui([payload])

        unanswered = self.screening()
        unanswered.answer_ids[:1].answer = False
        no_consent = self.screening(consent_signature=False)
        photo_no_consent = self.screening()
        photo_no_consent.before_photo_ids = [
            Command.create({"name": "before.png", "datas": SIGNATURE})
        ]
        undated = self.screening(yes=["chemical_peel"])
        undated.answer_ids.filtered(
            lambda a: a.contraindication_id.code == "chemical_peel"
        ).date = False
        return [
            # studios and the chain
            (
                "negative studio limit",
                lambda: slc.write({"skinpro_max_depth_mm": -0.5}),
                "maximum cosmetic depth",
            ),
            (
                "studio limit beyond the pens",
                lambda: slc.write({"skinpro_max_depth_mm": 9}),
                "maximum cosmetic depth",
            ),
            (
                "studio limit above the chain cap",
                lambda: slc.write({"skinpro_max_depth_mm": 2.0}),
                "hard cap",
            ),
            (
                "chain cap below a studio's limit",
                lambda: chain.write({"skinpro_depth_cap_mm": 0.25}),
                "hard cap",
            ),
            (
                "negative chain cap",
                lambda: chain.write({"skinpro_depth_cap_mm": -1}),
                "chain depth cap",
            ),
            (
                "screening valid for 0 days",
                lambda: chain.write({"skinpro_screening_validity_days": 0}),
                "valid for at least one day",
            ),
            (
                "screening valid for -5 days",
                lambda: chain.write({"skinpro_screening_validity_days": -5}),
                "valid for at least one day",
            ),
            (
                "retention of -1 years",
                lambda: chain.write({"skinpro_retention_years": -1}),
                "archive screenings after (years)",
            ),
            # treatments
            (
                "negative treatment depth",
                lambda: treatment.write({"skinpro_depth_mm": -1}),
                "needle depth",
            ),
            (
                "absurd treatment depth",
                lambda: treatment.write({"skinpro_depth_mm": 25}),
                "needle depth",
            ),
            (
                "needling treatment sold as goods",
                lambda: treatment.write({"type": "consu"}),
                "is a service",
            ),
            (
                "negative sessions in a course",
                lambda: treatment.write({"skinpro_course_sessions": -3}),
                "sessions in the course",
            ),
            (
                "negative days between sessions",
                lambda: treatment.write({"skinpro_min_spacing_days": -7}),
                "days between sessions",
            ),
            (
                "depth value above the attribute's range",
                lambda: attribute_value.write({"skinpro_depth_mm": 3.5}),
                "needle depth of",
            ),
            (
                "negative depth value",
                lambda: attribute_value.write({"skinpro_depth_mm": -0.25}),
                "needle depth of",
            ),
            # recipes
            (
                "recipe quantity zero",
                lambda: recipe.create(
                    {**kinds, "component_id": lidocaine.id, "quantity": 0}
                ),
                "must be positive",
            ),
            (
                "negative recipe quantity",
                lambda: recipe.create(
                    {**kinds, "component_id": lidocaine.id, "quantity": -2}
                ),
                "must be positive",
            ),
            (
                "recipe of a product without stock",
                lambda: recipe.create(
                    {**kinds, "component_id": self.variant.id, "quantity": 1}
                ),
                "not a stocked product",
            ),
            (
                "anaesthetic in pieces, not by weight",
                lambda: recipe.create(
                    {
                        "kind": "anaesthetic",
                        "product_tmpl_id": treatment.id,
                        "component_id": self.env.ref(
                            "skinpro_needling.consumable_cartridge"
                        ).id,
                        "quantity": 1,
                    }
                ),
                "measured by weight",
            ),
            # contraindications
            (
                "duplicate contraindication code",
                lambda: contraindication.create(
                    {"name": "Again?", "code": existing_code, "severity": "absolute"}
                ),
                "codes are unique",
            ),
            (
                "negative waiting period",
                lambda: contraindication.create(
                    {
                        "name": "Wait?",
                        "code": "wait_neg",
                        "severity": "absolute",
                        "waiting_days": -1,
                    }
                ),
                "waiting period cannot be negative",
            ),
            (
                "waiting period of no days",
                lambda: contraindication.create(
                    {
                        "name": "Wait!",
                        "code": "wait_zero",
                        "severity": "waiting",
                        "waiting_days": 0,
                    }
                ),
                "waiting period of at least one day",
            ),
            # screenings
            (
                "screening confirmed with a question unanswered",
                unanswered.action_confirm,
                "unanswered",
            ),
            (
                "screening confirmed without consent signature",
                no_consent.action_confirm,
                "consent signature",
            ),
            (
                "photos without photo consent",
                photo_no_consent.action_confirm,
                "photo consent",
            ),
            (
                "waiting answer without its date",
                undated.action_confirm,
                "give the date",
            ),
            (
                "outcome typed in",
                lambda: draft.write({"outcome": "cleared"}),
                "outcome",
            ),
            (
                "answer changed on a confirmed screening",
                lambda: self.confirmed.answer_ids[:1].write({"answer": "yes"}),
                "locked",
            ),
            (
                "confirmed screening edited",
                lambda: self.confirmed.write({"note": "changed"}),
                "locked",
            ),
            (
                "clearance expiring before issue",
                lambda: clearance.create(
                    {
                        "screening_id": screening.id,
                        "physician": "Dr. Early",
                        "issue_date": "2026-05-01",
                        "expiry_date": "2026-04-01",
                        "document": SIGNATURE,
                    }
                ),
                "expires before it was issued",
            ),
            # sessions
            (
                "session for an archived client",
                lambda: new_session.create(
                    {
                        "partner_id": self.archived.id,
                        "company_id": slc.id,
                        "product_id": self.variant.id,
                    }
                ),
                "archived",
            ),
            (
                "negative anaesthetic grams",
                lambda: started.write({"anaesthetic_grams": -4}),
                "anaesthetic used (g)",
            ),
            (
                "session of no duration",
                lambda: session.write({"duration": 0}),
                "duration",
            ),
            (
                "depth of zero on an area",
                lambda: started.write(
                    {
                        "depth_line_ids": [
                            Command.create({"area_id": self.area.id, "depth_mm": 0})
                        ]
                    }
                ),
                "outside the pens' range",
            ),
            (
                "depth beyond the pens",
                lambda: started.write(
                    {
                        "depth_line_ids": [
                            Command.create({"area_id": self.area.id, "depth_mm": 4})
                        ]
                    }
                ),
                "outside the pens' range",
            ),
            (
                "adverse event without type",
                lambda: started.write({"adverse_event": True}),
                "type and its severity",
            ),
            (
                "planned session completed",
                session.action_done,
                "in progress can be completed",
            ),
            (
                "course of no session",
                lambda: self.env["skinpro.course"].create(
                    {
                        "partner_id": self.cleared.id,
                        "company_id": slc.id,
                        "product_id": self.env.ref(
                            "skinpro_needling.product_full_face_course"
                        ).id,
                        "sessions_total": 0,
                    }
                ),
                "at least one session",
            ),
            # referrals
            (
                "referral sent without provider",
                lambda: self.env["crm.lead"].create(
                    {
                        "name": "Refer",
                        "skinpro_is_referral": True,
                        "company_id": slc.id,
                        "stage_id": self.env.ref(
                            "skinpro_needling.crm_stage_referral_sent"
                        ).id,
                    }
                ),
                "medical provider",
            ),
            # the POS
            (
                "POS order of an unknown product",
                pos(line={"product_id": 987654321}),
                "product: no record",
            ),
            (
                "POS order of a forged client",
                pos(partner_id=987654321),
                "customer: no record",
            ),
        ]

    def test_bad_input_is_refused_by_name_and_nothing_is_written(self):
        cases = self.cases()
        self.assertGreaterEqual(len(cases), MINIMUM_CASES)
        before = self.snapshot()
        for label, action, expected in cases:
            with self.subTest(label):
                self.refused(action, expected)
                self.env.invalidate_all()
                after = self.snapshot()
                self.assertEqual(
                    [t for t in TABLES if after[t] != before[t]], [], "written"
                )

    def test_an_import_cannot_set_an_outcome_nor_edit_a_locked_screening(self):
        before = self.snapshot()
        self.imported(
            "skinpro.screening",
            ["partner_id/.id", "company_id/.id", "outcome"],
            [[str(self.cleared.id), str(self.slc.id), "cleared"]],
            "outcome",
        )
        self.imported(
            "skinpro.screening",
            [".id", "note"],
            [[str(self.confirmed.id), "imported over"]],
            "locked",
        )
        self.imported(
            "skinpro.screening",
            [".id", "outcome"],
            [[str(self.confirmed.id), "cleared"]],
            "outcome",
        )
        self.env.invalidate_all()
        self.assertEqual(self.snapshot(), before)
        self.assertNotEqual(self.confirmed.note, "imported over")
