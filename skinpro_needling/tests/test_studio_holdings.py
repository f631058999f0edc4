# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A studio's records point only to what the studio holds or may use: its own
clients, courses, screenings, pickings, POS lines and lots (Odoo's company check
on every company-bound relation), and a lot recorded on a session is one the
studio holds, whoever records it and by whichever door."""

from datetime import date, timedelta

from odoo import Command, models
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..models.skinpro_state_machine import acting
from .common import ExternalApi, StockedStudiosCase

GTIN = "07612345678917"

# Relations that point to no studio's record, each with why.
NOT_COMPANY_BOUND = {
    # The chain's catalogue: products are shared by every studio.
    ("product.product", "skinpro_aftercare_kit_id"),
    # The screening's own attachments, which follow the screening's access.
    ("skinpro.screening", "before_photo_ids"),
    # The lot's side of the sessions' lots used, checked on the session.
    ("stock.lot", "skinpro_session_ids"),
    # The lot's recall: the chain's, as a lot of the chain's product is.
    ("stock.lot", "skinpro_recall_id"),
    # The session's booking, which follows the session to another studio: checked
    # by its own constraint once it did (a test below).
    ("skinpro.treatment.session", "consumption_picking_id"),
    # Break-glass crosses studios by design: the access is the asking studio's,
    # the client and each read's record another studio's.
    ("skinpro.break.glass", "partner_id"),
    ("skinpro.break.glass.read", "grant_id"),
    # A client asks the chain: any studio handles her request about every record
    # of hers in the chain.
    ("skinpro.client.request", "partner_id"),
}


@tagged("post_install", "-at_install")
class TestStudioHoldings(StockedStudiosCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cartridge.write(
            {
                "barcode": GTIN[1:],
                "skinpro_cartridge_min_depth_mm": 0.25,
                "skinpro_cartridge_max_depth_mm": 1.0,
            }
        )
        cls.practitioner_b = cls.studio_user(
            "b_practitioner", cls.studio_b, "skinpro_needling.group_practitioner"
        )

    def setUp(self):
        super().setUp()
        # The chain's cartridges: lots without a company, held where their stock is.
        self.lot_a = self.chain_lot(self.studio_a, "C-2602")
        self.lot_b = self.chain_lot(self.studio_b, "C-2603")
        self.stock(self.studio_b, self.anaesthetic, 30, "B-LIDO", 90)
        self.stock(self.studio_b, self.kit, 10)
        self.session_b = self.started_session(self.studio_b, self.client_b)

    def chain_lot(self, studio, name):
        lot = self.env["stock.lot"].create(
            {
                "name": name,
                "product_id": self.cartridge.id,
                "company_id": False,
                "expiration_date": self.now + timedelta(days=300),
            }
        )
        self.env["stock.quant"]._update_available_quantity(
            self.cartridge, studio.skinpro_warehouse_id.lot_stock_id, 5, lot_id=lot
        )
        return lot

    def gs1(self, lot_name):
        return f"01{GTIN}17{date.today() + timedelta(days=300):%y%m%d}10{lot_name}"

    def assertRefused(self, response, exception, message):
        self.assertEqual(response.status_code, 422, response.text)
        error = response.json()
        self.assertEqual(error["name"], f"odoo.exceptions.{exception}")
        self.assertIn(message, error["message"])

    def test_the_rpc_refuses_another_studios_lot_with_a_clear_message(self):
        api = ExternalApi(self, self.practitioner_b)
        written = api.call(
            "skinpro.treatment.session",
            "write",
            ids=self.session_b.ids,
            vals={"cartridge_lot_id": self.lot_a.id},
        )
        self.assertRefused(
            written, "ValidationError", "Cartridge lot: Studio B holds no lot C-2602"
        )
        scanned = api.call(
            "skinpro.treatment.session",
            "action_skinpro_scan_cartridge",
            ids=self.session_b.ids,
            barcode=self.gs1("C-2602"),
        )
        self.assertRefused(
            scanned, "ValidationError", "Cartridge lot: Studio B holds no lot C-2602"
        )
        self.session_b.invalidate_recordset()
        self.assertFalse(self.session_b.cartridge_lot_id)
        # The studio's own lot is taken, by the same user and door.
        self.assertIs(
            api.call(
                "skinpro.treatment.session",
                "action_skinpro_scan_cartridge",
                ids=self.session_b.ids,
                barcode=self.gs1("C-2603"),
            ),
            True,
        )
        self.session_b.invalidate_recordset()
        self.assertEqual(self.session_b.cartridge_lot_id, self.lot_b)

    def test_the_orm_refuses_another_studios_lot(self):
        session = self.session_b.with_user(self.practitioner_b)
        with self.assertRaisesRegex(ValidationError, "Studio B holds no lot C-2602"):
            session.cartridge_lot_id = self.lot_a
        with self.assertRaisesRegex(ValidationError, "Studio B holds no lot C-2602"):
            session.action_skinpro_scan_cartridge(self.gs1("C-2602"))
        # A lot that belongs to studio A by its company: Odoo's company check.
        own_lot_of_a = self.env["stock.lot"].create(
            {
                "name": "A-OWN",
                "product_id": self.cartridge.id,
                "company_id": self.studio_a.id,
            }
        )
        with self.assertRaises(UserError):
            self.session_b.cartridge_lot_id = own_lot_of_a
        # Even the completion's own write records only lots the studio used.
        with (
            self.assertRaisesRegex(ValidationError, "Lots used: Studio B holds"),
            acting(self.session_b),
        ):
            self.session_b.consumed_lot_ids = [Command.set(self.lot_a.ids)]

    def test_a_lot_used_up_at_the_studio_stays_its_own(self):
        self.session_b.action_skinpro_scan_cartridge(self.gs1("C-2603"))
        self.session_b.action_done()
        self.assertIn(self.lot_b, self.session_b.consumed_lot_ids)
        self.assertEqual(
            self.lot_b._skinpro_held_by(self.studio_b)
            | self.lot_a._skinpro_held_by(self.studio_b),
            self.lot_b,
        )
        self.assertEqual(self.lot_a._skinpro_held_by(self.studio_a), self.lot_a)

    def test_records_of_a_studio_point_to_nothing_of_another(self):
        screening_a = self.screening(client=self.client_a, studio=self.studio_a)
        client_of_a = self.env["res.partner"].create(
            {"name": "Client registered at A", "company_id": self.studio_a.id}
        )
        lead_a = self.env["crm.lead"].create(
            {"name": "Consultation at A", "company_id": self.studio_a.id}
        )
        self.treatment.product_tmpl_id.skinpro_course_sessions = 3
        course_product = self.treatment
        course_a = self.env["skinpro.course"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": course_product.id,
            }
        )
        planned_b = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_b.id,
                "company_id": self.studio_b.id,
                "product_id": self.treatment.id,
            }
        )
        planned_a = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.treatment.id,
            }
        )
        attempts = {
            "a screening at B of a client registered at A": lambda: self.screening(
                client=client_of_a, studio=self.studio_b
            ),
            "a course at B of a client registered at A": lambda: self.env[
                "skinpro.course"
            ].create(
                {
                    "partner_id": client_of_a.id,
                    "company_id": self.studio_b.id,
                    "product_id": course_product.id,
                }
            ),
            "a session at B taken from a course at A": lambda: planned_b.write(
                {"course_id": course_a.id}
            ),
            "a screening at B from a consultation at A": lambda: self.screening(
                client=self.client_b, studio=self.studio_b, lead_id=lead_a.id
            ),
            "a referral at B of a screening at A": lambda: self.env["crm.lead"].create(
                {
                    "name": "Referral",
                    "company_id": self.studio_b.id,
                    "skinpro_screening_id": screening_a.id,
                }
            ),
            "a session at B consuming through A's transfer": lambda: self._acting(
                planned_b,
                {"consumption_picking_id": planned_a.consumption_picking_id.id},
            ),
            "B's warehouse consuming through A's operation type": lambda: (
                self.studio_b.skinpro_warehouse_id.write(
                    {
                        "skinpro_consumption_type_id": (
                            self.studio_a.skinpro_warehouse_id.skinpro_consumption_type_id.id
                        )
                    }
                )
            ),
        }
        with self.assertRaisesRegex(ValidationError, "is a transfer of Studio A"):
            attempts.pop("a session at B consuming through A's transfer")()
        for attempt, run in attempts.items():
            with (
                self.subTest(attempt),
                self.assertRaisesRegex(UserError, "belongs to another company"),
                self.env.cr.savepoint(),
            ):
                run()

    def _acting(self, records, vals):
        with acting(records):
            records.write(vals)

    @staticmethod
    def company_bound(model):
        """A model with a company, or one that says which companies may use it."""
        own_check = type(model)._check_company_domain
        return (
            "company_id" in model._fields
            or own_check is not models.BaseModel._check_company_domain
        )

    def test_a_recall_is_its_chains(self):
        recall = self.lot_b.action_skinpro_recall("Manufacturer's recall")
        self.assertTrue(recall.studio_ids)
        other_chain = self.env["res.company"].create({"name": "Another chain"})
        with self.assertRaisesRegex(UserError, "belongs to another company"):
            self.env["skinpro.recall.studio"].create(
                {"recall_id": recall.id, "company_id": other_chain.id}
            )

    def test_every_company_bound_relation_is_checked(self):
        """Each relation the addon declares from a studio's record to a model with
        a company is held by Odoo's company check, so that a new one is too."""
        checked = 0
        for name, model in sorted(self.env.registry.items()):
            if model._abstract or model._transient or not model._auto:
                continue
            if "company_id" not in model._fields:
                continue
            for fname, field in model._fields.items():
                if (
                    field.type not in ("many2one", "many2many")
                    or field._module != "skinpro_needling"
                    or not field.store
                    or field.related
                    or fname == "company_id"
                    or field.comodel_name in ("res.users", "res.company")
                    or not self.company_bound(self.env[field.comodel_name])
                    or (name, fname) in NOT_COMPANY_BOUND
                ):
                    continue
                with self.subTest(model=name, field=fname):
                    checked += 1
                    self.assertTrue(field.check_company)
                    self.assertTrue(model._check_company_auto)
        self.assertGreater(checked, 15)
