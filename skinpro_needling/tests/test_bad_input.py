# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bad input across the addon: each case is refused with a message that names the
field at fault, and the database is the same afterwards, row for row."""

import psycopg2

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, ExampleChain, SkinproCase, table_digests
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
UNKNOWN_ID = 987654321


def recipe(t, kind, component, quantity):
    return t.env["skinpro.recipe.line"].create(
        {
            "product_tmpl_id": t.treatment.id,
            "kind": kind,
            "component_id": component.id,
            "quantity": quantity,
        }
    )


def contraindication(t, code, severity, **vals):
    return t.env["skinpro.contraindication"].create(
        {"name": "Asked again?", "code": code, "severity": severity, **vals}
    )


def session(t, client, product):
    return t.env["skinpro.treatment.session"].create(
        {"partner_id": client.id, "company_id": t.slc.id, "product_id": product.id}
    )


def depth_line(t, depth):
    area = Command.create({"area_id": t.area.id, "depth_mm": depth})
    return t.started.write({"depth_line_ids": [area]})


def pos_order(t, partner_id=None, product_id=None):
    payload = pos_order_payload(t.pos_session, t.cleared, t.variant)
    if partner_id:
        payload["partner_id"] = partner_id
    if product_id:
        payload["lines"][0][2]["product_id"] = product_id
    return t.env["pos.order"].sync_from_ui([payload])


def load(t, model, fields_, row):
    """An import as the import dialog runs it: errors come back, nothing raises."""
    return t.env[model].load(fields_, [[str(value) for value in row]])


# (what is tried, model and field the message must name by its label, the attempt)
CASES = [
    # studios and the chain
    (
        "negative studio limit",
        "res.company",
        "skinpro_max_depth_mm",
        lambda t: t.slc.write({"skinpro_max_depth_mm": -0.5}),
    ),
    (
        "studio limit beyond the pens",
        "res.company",
        "skinpro_max_depth_mm",
        lambda t: t.slc.write({"skinpro_max_depth_mm": 9}),
    ),
    (
        "studio limit above the chain cap",
        "res.company",
        "skinpro_max_depth_mm",
        lambda t: t.slc.write({"skinpro_max_depth_mm": 2.0}),
    ),
    (
        "chain cap below a studio's limit",
        "res.company",
        "skinpro_depth_cap_mm",
        lambda t: t.chain.write({"skinpro_depth_cap_mm": 0.25}),
    ),
    (
        "negative chain cap",
        "res.company",
        "skinpro_depth_cap_mm",
        lambda t: t.chain.write({"skinpro_depth_cap_mm": -1}),
    ),
    (
        "screening valid for 0 days",
        "res.company",
        "skinpro_screening_validity_days",
        lambda t: t.chain.write({"skinpro_screening_validity_days": 0}),
    ),
    (
        "screening valid for -5 days",
        "res.company",
        "skinpro_screening_validity_days",
        lambda t: t.chain.write({"skinpro_screening_validity_days": -5}),
    ),
    (
        "retention of -1 years",
        "res.company",
        "skinpro_retention_years",
        lambda t: t.chain.write({"skinpro_retention_years": -1}),
    ),
    # treatments and their depths
    (
        "negative treatment depth",
        "product.template",
        "skinpro_depth_mm",
        lambda t: t.treatment.write({"skinpro_depth_mm": -1}),
    ),
    (
        "absurd treatment depth",
        "product.template",
        "skinpro_depth_mm",
        lambda t: t.treatment.write({"skinpro_depth_mm": 25}),
    ),
    (
        "needling treatment sold as goods",
        "product.template",
        "type",
        lambda t: t.treatment.write({"type": "consu"}),
    ),
    (
        "negative sessions in a course",
        "product.template",
        "skinpro_course_sessions",
        lambda t: t.treatment.write({"skinpro_course_sessions": -3}),
    ),
    (
        "negative days between sessions",
        "product.template",
        "skinpro_min_spacing_days",
        lambda t: t.treatment.write({"skinpro_min_spacing_days": -7}),
    ),
    (
        "depth value above the attribute's range",
        "product.attribute.value",
        "skinpro_depth_mm",
        lambda t: t.depth_value.write({"skinpro_depth_mm": 3.5}),
    ),
    (
        "negative depth value",
        "product.attribute.value",
        "skinpro_depth_mm",
        lambda t: t.depth_value.write({"skinpro_depth_mm": -0.25}),
    ),
    (
        "imported depth value above the range",
        "product.attribute.value",
        "skinpro_depth_mm",
        lambda t: load(
            t,
            "product.attribute.value",
            [".id", "skinpro_depth_mm"],
            [t.depth_value.id, 3.5],
        ),
    ),
    # recipes
    (
        "recipe quantity zero",
        "skinpro.recipe.line",
        "quantity",
        lambda t: recipe(t, "cartridge", t.lidocaine, 0),
    ),
    (
        "negative recipe quantity",
        "skinpro.recipe.line",
        "quantity",
        lambda t: recipe(t, "cartridge", t.lidocaine, -2),
    ),
    (
        "recipe of a product without stock",
        "skinpro.recipe.line",
        "component_id",
        lambda t: recipe(t, "cartridge", t.variant, 1),
    ),
    (
        "anaesthetic in pieces, not by weight",
        "skinpro.recipe.line",
        "uom_id",
        lambda t: recipe(t, "anaesthetic", t.cartridge, 1),
    ),
    (
        "anaesthetic in stock switched to pieces",
        "product.template",
        "uom_id",
        lambda t: t.lidocaine.write({"uom_id": t.env.ref("uom.product_uom_unit").id}),
    ),
    # the contraindication catalogue
    (
        "duplicate contraindication code",
        "skinpro.contraindication",
        "code",
        lambda t: contraindication(t, t.existing_code, "absolute"),
    ),
    (
        "imported duplicate contraindication code",
        "skinpro.contraindication",
        "code",
        lambda t: load(
            t,
            "skinpro.contraindication",
            ["code", "name", "severity"],
            [t.existing_code, "Asked again?", "absolute"],
        ),
    ),
    (
        "negative waiting period",
        "skinpro.contraindication",
        "waiting_days",
        lambda t: contraindication(t, "wait_neg", "absolute", waiting_days=-1),
    ),
    (
        "waiting period of no days",
        "skinpro.contraindication",
        "waiting_days",
        lambda t: contraindication(t, "wait_zero", "waiting", waiting_days=0),
    ),
    # screenings
    (
        "screening of an archived client",
        "skinpro.screening",
        "partner_id",
        lambda t: t.env["skinpro.screening"].create(
            {"partner_id": t.archived.id, "company_id": t.slc.id}
        ),
    ),
    (
        "screening confirmed with a question unanswered",
        "skinpro.screening",
        "answer_ids",
        lambda t: t.unanswered.action_confirm(),
    ),
    (
        "screening confirmed without consent signature",
        "skinpro.screening",
        "consent_signature",
        lambda t: t.unsigned.action_confirm(),
    ),
    (
        "photos without photo consent",
        "skinpro.screening",
        "photo_consent_signature",
        lambda t: t.photos_unsigned.action_confirm(),
    ),
    (
        "waiting answer without its date",
        "skinpro.screening.answer",
        "date",
        lambda t: t.undated.action_confirm(),
    ),
    (
        "outcome typed in",
        "skinpro.screening",
        "outcome",
        lambda t: t.draft.write({"outcome": "cleared"}),
    ),
    (
        "valid-until date typed in",
        "skinpro.screening",
        "valid_until",
        lambda t: t.draft.write({"valid_until": "2099-12-31"}),
    ),
    (
        "answer changed on a confirmed screening",
        "skinpro.screening.answer",
        "answer",
        lambda t: t.confirmed.answer_ids[:1].write({"answer": "yes"}),
    ),
    (
        "confirmed screening edited",
        "skinpro.screening",
        "note",
        lambda t: t.confirmed.write({"note": "changed"}),
    ),
    (
        "imported outcome on a new screening",
        "skinpro.screening",
        "outcome",
        lambda t: load(
            t,
            "skinpro.screening",
            ["partner_id/.id", "company_id/.id", "outcome"],
            [t.cleared.id, t.slc.id, "cleared"],
        ),
    ),
    (
        "imported outcome on a confirmed screening",
        "skinpro.screening",
        "outcome",
        lambda t: load(
            t, "skinpro.screening", [".id", "outcome"], [t.confirmed.id, "refer"]
        ),
    ),
    (
        "imported edit of a confirmed screening",
        "skinpro.screening",
        "note",
        lambda t: load(
            t, "skinpro.screening", [".id", "note"], [t.confirmed.id, "imported over"]
        ),
    ),
    (
        "imported answer on a confirmed screening",
        "skinpro.screening.answer",
        "answer",
        lambda t: load(
            t,
            "skinpro.screening.answer",
            [".id", "answer"],
            [t.confirmed.answer_ids[:1].id, "yes"],
        ),
    ),
    (
        "clearance expiring before issue",
        "skinpro.screening.clearance",
        "expiry_date",
        lambda t: t.env["skinpro.screening.clearance"].create(
            {
                "screening_id": t.draft.id,
                "contraindication_ids": t.draft.answer_ids[:1].contraindication_id.ids,
                "physician": "Dr. Early",
                "issue_date": "2026-05-01",
                "expiry_date": "2026-04-01",
                "document": SIGNATURE,
            }
        ),
    ),
    # sessions and courses
    (
        "session for an archived client",
        "skinpro.treatment.session",
        "partner_id",
        lambda t: session(t, t.archived, t.variant),
    ),
    (
        "session of a product that is no treatment",
        "skinpro.treatment.session",
        "product_id",
        lambda t: session(t, t.cleared, t.lidocaine),
    ),
    (
        "negative anaesthetic grams",
        "skinpro.treatment.session",
        "anaesthetic_grams",
        lambda t: t.started.write({"anaesthetic_grams": -4}),
    ),
    (
        "imported negative anaesthetic grams",
        "skinpro.treatment.session",
        "anaesthetic_grams",
        lambda t: load(
            t,
            "skinpro.treatment.session",
            [".id", "anaesthetic_grams"],
            [t.started.id, -4],
        ),
    ),
    (
        "session of no duration",
        "skinpro.treatment.session",
        "duration",
        lambda t: t.planned.write({"duration": 0}),
    ),
    (
        "session of negative duration",
        "skinpro.treatment.session",
        "duration",
        lambda t: t.planned.write({"duration": -1}),
    ),
    (
        "depth of zero on an area",
        "skinpro.session.depth",
        "depth_mm",
        lambda t: depth_line(t, 0),
    ),
    (
        "negative depth on an area",
        "skinpro.session.depth",
        "depth_mm",
        lambda t: depth_line(t, -0.5),
    ),
    (
        "depth beyond the pens",
        "skinpro.session.depth",
        "depth_mm",
        lambda t: depth_line(t, 4),
    ),
    (
        "adverse event without type",
        "skinpro.treatment.session",
        "adverse_event_type",
        lambda t: t.started.write({"adverse_event": True}),
    ),
    (
        "course of no session",
        "skinpro.course",
        "sessions_total",
        lambda t: t.env["skinpro.course"].create(
            {
                "partner_id": t.cleared.id,
                "company_id": t.slc.id,
                "product_id": t.course_product.id,
                "sessions_total": 0,
            }
        ),
    ),
    # referrals
    (
        "referral created as already sent",
        "crm.lead",
        "stage_id",
        lambda t: t.env["crm.lead"].create(
            {
                "name": "Refer",
                "skinpro_is_referral": True,
                "company_id": t.slc.id,
                "stage_id": t.stage_sent.id,
            }
        ),
    ),
    (
        "referral sent on without provider",
        "crm.lead",
        "skinpro_provider_id",
        lambda t: t.referral.action_skinpro_send(),
    ),
    # the POS
    (
        "POS order of an unknown product",
        "pos.order.line",
        "product_id",
        lambda t: pos_order(t, product_id=UNKNOWN_ID),
    ),
    (
        "POS order of a forged client",
        "pos.order",
        "partner_id",
        lambda t: pos_order(t, partner_id=UNKNOWN_ID),
    ),
]
MINIMUM_CASES = 30


@tagged("post_install", "-at_install")
class TestBadInput(SkinproCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        example = ExampleChain(cls.env)
        cls.slc = example.studio_salt_lake
        cls.chain = cls.slc.parent_id
        cls.treatment = example.product_full_face
        cls.variant = cls.treatment.product_variant_ids[:1]
        cls.course_product = example.product_full_face_course
        cls.lidocaine = example.consumable_lidocaine
        cls.cartridge = example.consumable_cartridge
        cls.cleared = example.client_slc_cleared
        cls.depth_value = ref("skinpro_needling.attribute_needle_depth").value_ids[:1]
        cls.area = cls.env["product.attribute.value"].search(
            [("attribute_id.skinpro_kind", "=", "area")], limit=1
        )
        cls.existing_code = cls.env["skinpro.contraindication"].search([], limit=1).code
        in_slc = [("company_id", "=", cls.slc.id)]
        cls.confirmed = cls.env["skinpro.screening"].search(
            in_slc + [("state", "=", "confirmed")], limit=1
        )
        sessions = cls.env["skinpro.treatment.session"]
        cls.planned = sessions.search(in_slc + [("state", "=", "planned")], limit=1)
        cls.started = sessions.search(in_slc + [("state", "=", "in_progress")], limit=1)
        cls.archived = cls.env["res.partner"].create(
            {"name": "Archived client", "active": False}
        )
        cls.stage_sent = ref("skinpro_needling.crm_stage_referral_sent")
        cls.referral = cls.env["crm.lead"].create(
            {
                "name": "Refer without provider",
                "skinpro_is_referral": True,
                "company_id": cls.slc.id,
                "stage_id": ref("skinpro_needling.crm_stage_referral_to_send").id,
            }
        )
        slc_env = cls.env(context={"allowed_company_ids": cls.slc.ids})
        config = cls.slc.skinpro_pos_config_ids[:1].with_env(slc_env)
        config.open_ui()
        cls.pos_session = config.current_session_id

    def setUp(self):
        super().setUp()
        self.draft = self.screening()
        self.unanswered = self.screening()
        self.unanswered.answer_ids[:1].answer = False
        self.unsigned = self.screening(consent_signature=False)
        self.photos_unsigned = self.screening()
        self.photos_unsigned.before_photo_ids = [
            Command.create({"name": "before.png", "datas": SIGNATURE})
        ]
        self.undated = self.screening(yes=["chemical_peel"])
        self.undated.answer_ids.filtered(
            lambda a: a.contraindication_id.code == "chemical_peel"
        ).date = False

    def refusal(self, attempt):
        """The message the user reads when `attempt` is refused: the error raised,
        or for an import the errors it reports (an import never raises)."""
        try:
            # A violated SQL constraint is logged by the cursor; refused is expected.
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                result = attempt(self)
                self.env.flush_all()
        except UserError as error:
            return str(error.args[0])
        except psycopg2.IntegrityError as error:
            # What Odoo's RPC layer (odoo.service.model.retrying) makes of a
            # violated SQL constraint.
            model = next(
                (
                    self.env[m._name]
                    for m in self.env.registry.values()
                    if m._table == error.diag.table_name
                ),
                self.env["base"],
            )
            return model._sql_error_to_message(error)
        if not isinstance(result, dict):
            self.fail("accepted")
        self.assertFalse(result["ids"], "imported")
        return " ".join(m["message"] for m in result["messages"])

    def test_bad_input_is_refused_by_field_and_nothing_is_written(self):
        self.assertGreaterEqual(len(CASES), MINIMUM_CASES)
        for what, model, field, attempt in CASES:
            with self.subTest(what):
                before = table_digests(self.env, TABLES)
                message = self.refusal(attempt)
                label = self.env[model]._fields[field].string
                self.assertIn(label.lower(), message.lower())
                self.env.invalidate_all()
                after = table_digests(self.env, TABLES)
                written = [table for table in TABLES if after[table] != before[table]]
                self.assertEqual(written, [], message)

    def test_a_paid_order_for_a_client_archived_meanwhile_is_kept_and_flagged(self):
        # The POS loaded the client before a colleague archived it: the money is
        # taken, so the order is saved, for review, with no session planned.
        client = self.env["res.partner"].create({"name": "Archived at the desk"})
        payload = pos_order_payload(self.pos_session, client, self.variant)
        client.active = False
        self.env["pos.order"].sync_from_ui([payload])
        self.env.invalidate_all()
        order = self.env["pos.order"].search([("uuid", "=", payload["uuid"])])
        self.assertEqual((order.state, order.partner_id), ("paid", client))
        self.assertTrue(order.skinpro_needs_review)
        self.assertIn("archived", order.skinpro_review_reason)
        self.assertFalse(
            self.env["skinpro.treatment.session"].search(
                [("partner_id", "=", client.id)]
            )
        )
