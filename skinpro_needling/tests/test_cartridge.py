# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import StockedStudiosCase

GTIN = "07612345678917"


def gs1(lot_name, expiry=None):
    """The GS1-128 code on a cartridge's pouch, as a scanner types it: (01) the
    GTIN, (17) the expiry (fixed length), (10) the lot (variable, last)."""
    expiry = expiry or date.today() + timedelta(days=300)
    return f"01{GTIN}17{expiry:%y%m%d}10{lot_name}"


@tagged("post_install", "-at_install")
class TestCartridge(StockedStudiosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cartridge.write(
            {
                "barcode": GTIN[1:],
                "skinpro_needle_configuration": "12-pin",
                "skinpro_cartridge_min_depth_mm": 0.25,
                "skinpro_cartridge_max_depth_mm": 1.0,
            }
        )

    def setUp(self):
        super().setUp()
        self.early, self.late, _cream = self.stock_studio(self.studio_a, "A")
        self.session = self.started_session(self.studio_a, self.client_a)

    def test_a_cartridge_carries_its_needles_and_depth_range(self):
        template = self.cartridge.product_tmpl_id
        self.assertTrue(template.skinpro_is_cartridge)
        self.assertFalse(self.kit.product_tmpl_id.skinpro_is_cartridge)
        self.assertEqual(template.skinpro_needle_configuration, "12-pin")
        with self.assertRaisesRegex(ValidationError, "Depth range of 12-pin"):
            template.skinpro_cartridge_min_depth_mm = 1.5

    def test_the_scan_is_parsed_with_odoos_gs1_nomenclature(self):
        expiry = date.today() + timedelta(days=250)
        lot, scanned_expiry = self.env["stock.lot"]._skinpro_from_gs1(
            gs1("A-CART-LATE", expiry)
        )
        self.assertEqual((lot, scanned_expiry), (self.late, expiry))
        # With the lot first, its end marked by the FNC1 separator.
        lot, scanned_expiry = self.env["stock.lot"]._skinpro_from_gs1(
            f"01{GTIN}10A-CART-EARLY\x1d17{expiry:%y%m%d}"
        )
        self.assertEqual((lot, scanned_expiry), (self.early, expiry))

    def test_the_session_records_the_scanned_lot_and_consumes_it(self):
        self.session.action_skinpro_scan_cartridge(gs1("A-CART-LATE"))
        self.assertEqual(self.session.cartridge_lot_id, self.late)
        self.session.action_done()
        # FEFO would have taken the early lot: the scanned one is used.
        self.assertIn(self.late, self.session.consumed_lot_ids)
        self.assertNotIn(self.early, self.session.consumed_lot_ids)
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, self.late), 4)
        self.assertEqual(self.on_hand(self.studio_a, self.cartridge, self.early), 5)

    def test_the_forms_scan_field_sets_the_lot(self):
        with Form(self.session) as form:
            form.cartridge_scan = gs1("A-CART-EARLY")
            self.assertEqual(form.cartridge_lot_id, self.early)
            self.assertFalse(form.cartridge_scan)
        self.assertEqual(self.session.cartridge_lot_id, self.early)

    def test_a_cartridge_not_made_for_the_depth_is_refused(self):
        self.cartridge.write(
            {
                "skinpro_cartridge_min_depth_mm": 1.0,
                "skinpro_cartridge_max_depth_mm": 2.0,
            }
        )
        with self.assertRaisesRegex(
            UserError,
            r"Cartridge 12-pin cartridge lot A-CART-LATE is made for 1.0 to 2.0 mm; "
            r"this treatment goes to 0.5 mm",
        ):
            self.session.action_skinpro_scan_cartridge(gs1("A-CART-LATE"))
        self.assertFalse(self.session.cartridge_lot_id)
        with self.assertRaisesRegex(ValidationError, "is made for 1.0 to 2.0 mm"):
            self.session.cartridge_lot_id = self.late

    def test_an_expired_cartridge_is_refused(self):
        self.early.expiration_date = self.now - timedelta(days=1)
        with self.assertRaisesRegex(
            UserError, "Cartridge 12-pin cartridge lot A-CART-EARLY expired on"
        ):
            self.session.action_skinpro_scan_cartridge(gs1("A-CART-EARLY"))
        # The pouch's own expiry counts too.
        with self.assertRaisesRegex(UserError, "lot A-CART-LATE expired on"):
            self.session.action_skinpro_scan_cartridge(
                gs1("A-CART-LATE", date.today() - timedelta(days=2))
            )

    def test_a_recalled_cartridge_is_refused_even_once_recorded(self):
        self.session.action_skinpro_scan_cartridge(gs1("A-CART-LATE"))
        inventory = self.studio_user(
            "cart_inv", self.studio_a, "skinpro_needling.group_inventory"
        )
        self.late.with_user(inventory).action_skinpro_recall("Blunt needles")
        with self.assertRaisesRegex(
            UserError,
            r"Cartridge 12-pin cartridge lot A-CART-LATE is recalled \(Blunt needles\)",
        ):
            self.session.action_done()
        self.assertEqual(self.session.state, "in_progress")
        with self.assertRaisesRegex(UserError, "is recalled"):
            self.session.action_skinpro_scan_cartridge(gs1("A-CART-LATE"))
        self.session.action_skinpro_scan_cartridge(gs1("A-CART-EARLY"))
        self.session.action_done()
        self.assertIn(self.early, self.session.consumed_lot_ids)

    def test_a_scan_that_is_not_a_cartridge_code_says_so(self):
        with self.assertRaisesRegex(UserError, "not a GS1 barcode with a GTIN"):
            self.session.action_skinpro_scan_cartridge("7612345678900")
        with self.assertRaisesRegex(UserError, "no product has the barcode"):
            self.session.action_skinpro_scan_cartridge(
                "01" + "09999999999994" + "10A-CART-LATE"
            )
        with self.assertRaisesRegex(UserError, "has no lot NOPE"):
            self.session.action_skinpro_scan_cartridge(gs1("NOPE"))
