# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import (
    SkinproCase,
    create_full_face_catalogue,
    skip_without_demo,
    users_of,
)


@tagged("post_install", "-at_install")
class TestChainStructure(SkinproCase):
    def test_demo_chain_has_three_studio_branches_with_warehouse_and_pos(self):
        skip_without_demo(self.env)
        studios = self.env["res.company"].search(
            [
                ("parent_id", "=", self.chain.id),
                ("skinpro_code", "in", ["SLC", "PHX", "SAN"]),
            ]
        )
        self.assertEqual(len(studios), 3)
        for studio in studios:
            self.assertTrue(studio.skinpro_is_studio)
            warehouse = studio.skinpro_warehouse_id
            self.assertEqual(warehouse.company_id, studio)
            self.assertEqual(warehouse.code, studio.skinpro_code)
            self.assertEqual(len(studio.skinpro_pos_config_ids), 1)
            pos = studio.skinpro_pos_config_ids
            self.assertEqual(pos.picking_type_id.warehouse_id, warehouse)
            self.assertEqual(pos.payment_method_ids.company_id, studio)
        central = self.env.ref("stock.warehouse0")
        self.assertEqual(central.name, "Central warehouse")
        self.assertEqual(central.company_id, self.chain)
        self.assertFalse(self.chain.skinpro_is_studio)

    def test_setting_up_a_new_studio_gives_it_a_warehouse_and_a_pos_once(self):
        self.studio_a.action_skinpro_setup_studio()
        warehouse = self.studio_a.skinpro_warehouse_id
        self.assertEqual(warehouse.code, "STA")
        self.assertEqual(warehouse.lot_stock_id.company_id, self.studio_a)
        pos = self.studio_a.skinpro_pos_config_ids
        self.assertEqual(len(pos), 1)
        self.assertIn("Studio A", pos.name)
        cash = pos.payment_method_ids.filtered("is_cash_count")
        self.assertTrue(
            cash.journal_id.profit_account_id and cash.journal_id.loss_account_id
        )
        # The front desk can open it.
        pos.open_ui()
        self.assertEqual(pos.current_session_id.state, "opening_control")
        # Setting up again changes nothing.
        self.studio_a.action_skinpro_setup_studio()
        self.assertEqual(self.studio_a.skinpro_warehouse_id, warehouse)
        self.assertEqual(self.studio_a.skinpro_pos_config_ids, pos)

    def test_setup_refuses_the_chain_itself_and_a_studio_without_code(self):
        with self.assertRaisesRegex(UserError, "is not a studio"):
            self.chain.action_skinpro_setup_studio()
        self.studio_b.skinpro_code = False
        with self.assertRaisesRegex(UserError, "studio code"):
            self.studio_b.action_skinpro_setup_studio()
        self.assertFalse(self.studio_b.skinpro_pos_config_ids)

    def test_setup_names_the_missing_sender_addresses(self):
        self.studio_b.email = False
        with self.assertRaisesRegex(UserError, "email of Studio B"):
            self.studio_b.action_skinpro_setup_studio()
        self.studio_b.email = "stb@studio.example"
        desk = users_of(
            self.env, self.studio_b, {"desk_b": "skinpro_needling.group_front_desk"}
        )["desk_b"]
        desk.email = False
        with self.assertRaisesRegex(
            UserError, re.escape(f"email of {desk.name} before")
        ):
            self.studio_b.action_skinpro_setup_studio()
        self.assertFalse(self.studio_b.skinpro_pos_config_ids)

    def test_a_studio_register_shows_the_studio_catalogue_only(self):
        full_face, _course = create_full_face_catalogue(self.env)
        # One of Odoo's own products, also sold in a POS.
        self.env["product.template"].create(
            {"name": "Office Desk", "available_in_pos": True, "list_price": 300}
        )
        self.studio_a.action_skinpro_setup_studio()
        pos = self.studio_a.skinpro_pos_config_ids
        self.assertTrue(pos.limit_categories)
        self.assertEqual(
            pos.iface_available_categ_ids.mapped("name"),
            ["Treatments", "Courses", "Aftercare"],
        )
        loaded = self.env["product.template"].search(
            self.env["product.template"]._load_pos_data_domain({}, pos)
        )
        self.assertIn(full_face, loaded)
        self.assertFalse(loaded.filtered(lambda tmpl: "Desk" in tmpl.name))
