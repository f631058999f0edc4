# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Charted use against the shelf (skinpro.report.shelf): per studio, consumable
and month, what was received, used by sessions, sold, scrapped and what the counts
found, with the unexplained loss in units, value and percent; and a studio created
after the products values its stock at its chain's cost."""

import re

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import StockedStudiosCase, create_studios, skip_without_demo

COSTS = {"kit": 9.0, "cartridge": 6.5, "anaesthetic": 0.4}
COLUMNS = (
    "opening_qty",
    "received_qty",
    "used_qty",
    "sold_qty",
    "scrapped_qty",
    "expected_qty",
    "counted_qty",
    "loss_qty",
    "loss_percent",
    "received_value",
    "used_value",
    "sold_value",
    "scrapped_value",
    "loss_value",
)


@tagged("post_install", "-at_install")
class TestShelf(StockedStudiosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The chain's costs, set before the studio opens.
        for name, cost in COSTS.items():
            getattr(cls, name).standard_price = cost
        (cls.studio_c,) = create_studios(
            cls.env,
            [
                {
                    "name": "Studio C",
                    "parent_id": cls.chain.id,
                    "skinpro_code": "STC",
                    "email": "stc@studio.example",
                }
                | cls.chain_country()
            ],
        )
        cls.studio_c.action_skinpro_setup_studio()
        cls.warehouse = cls.studio_c.skinpro_warehouse_id
        cls.this_month = fields.Date.context_today(cls.studio_c).replace(day=1)
        cls.last_month = cls.this_month - relativedelta(months=1)

    def transfer(self, picking_type, source, destination, product, quantity):
        picking = (
            self.env["stock.picking"]
            .with_company(self.studio_c)
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom": product.uom_id.id,
                                "product_uom_qty": quantity,
                                "location_id": source.id,
                                "location_dest_id": destination.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def shelf(self, product, month, env=None):
        self.env.flush_all()
        rows = (env or self.env)["skinpro.report.shelf"].search_read(
            [
                ("company_id", "=", self.studio_c.id),
                ("product_id", "=", product.id),
                ("date", "=", month),
            ],
            COLUMNS,
        )
        return rows and {column: rows[0][column] for column in COLUMNS}

    def kits_through_the_month(self):
        """Last month, 20 kits received; this month, a session uses one, two are
        sold at the point of sale, one is scrapped, and the count finds 13 of the
        16 expected."""
        stock = self.warehouse.lot_stock_id
        receipt = self.transfer(
            self.warehouse.in_type_id,
            self.env.ref("stock.stock_location_suppliers"),
            stock,
            self.kit,
            20,
        )
        receipt.move_ids.date = fields.Datetime.to_datetime(self.last_month)
        self.stock(self.studio_c, self.cartridge, 5, "C-CART", 30)
        self.stock(self.studio_c, self.anaesthetic, 30, "C-LIDO", 90)
        practitioner = self.studio_user(
            "shelf_practitioner", self.studio_c, "skinpro_needling.group_practitioner"
        )
        client = self.env["res.partner"].create({"name": "Client of C"})
        session = self.started_session(
            self.studio_c, client, practitioner_id=practitioner.id
        )
        session.action_done()
        self.transfer(
            self.warehouse.pos_type_id,
            stock,
            self.env.ref("stock.stock_location_customers"),
            self.kit,
            2,
        )
        scrap = (
            self.env["stock.scrap"]
            .with_company(self.studio_c)
            .create(
                {
                    "product_id": self.kit.id,
                    "scrap_qty": 1,
                    "location_id": stock.id,
                    "company_id": self.studio_c.id,
                }
            )
        )
        scrap.action_validate()
        quant = self.env["stock.quant"].search(
            [("product_id", "=", self.kit.id), ("location_id", "=", stock.id)]
        )
        self.assertEqual(quant.quantity, 16)
        quant.with_company(self.studio_c).inventory_quantity = 13
        quant.with_company(self.studio_c).action_apply_inventory()
        return session, practitioner

    def test_a_new_studio_values_its_consumables_at_the_chains_cost(self):
        self.assertEqual(self.kit.with_company(self.studio_c).standard_price, 9.0)
        self.assertEqual(self.cartridge.with_company(self.studio_c).standard_price, 6.5)
        # Studios opened before the chain set a cost have none of it.
        self.assertEqual(self.kit.with_company(self.studio_a).standard_price, 0)
        session, _practitioner = self.kits_through_the_month()
        moves = session.consumption_picking_id.move_ids
        self.assertEqual(
            {move.product_id: move.value for move in moves},
            {self.anaesthetic: 0.8, self.cartridge: 6.5, self.kit: 9.0},
        )
        self.assertAlmostEqual(session.consumables_cost, 16.3)

    def test_a_fifo_receipt_values_what_sessions_take(self):
        fifo = (
            self.env["product.category"]
            .with_company(self.studio_c)
            .create({"name": "FIFO kits", "property_cost_method": "fifo"})
        )
        self.kit.categ_id = fifo
        stock = self.warehouse.lot_stock_id
        receipt = self.transfer(
            self.warehouse.in_type_id,
            self.env.ref("stock.stock_location_suppliers"),
            stock,
            self.kit,
            2,
        )
        # The receipt at the chain's cost, as no bill says otherwise.
        self.assertEqual(receipt.move_ids.value, 18.0)
        self.stock(self.studio_c, self.cartridge, 5, "C-CART", 30)
        self.stock(self.studio_c, self.anaesthetic, 30, "C-LIDO", 90)
        session = self.started_session(
            self.studio_c, self.env["res.partner"].create({"name": "Client of C"})
        )
        session.action_done()
        kit_move = session.consumption_picking_id.move_ids.filtered(
            lambda move: move.product_id == self.kit
        )
        self.assertEqual(kit_move.value, 9.0)

    def test_the_shelf_reconciles_receipts_use_sales_scrap_and_counts(self):
        self.kits_through_the_month()
        self.assertEqual(
            self.shelf(self.kit, self.last_month),
            {
                "opening_qty": 0,
                "received_qty": 20,
                "used_qty": 0,
                "sold_qty": 0,
                "scrapped_qty": 0,
                "expected_qty": 20,
                "counted_qty": 20,
                "loss_qty": 0,
                "loss_percent": 0,
                "received_value": 180.0,
                "used_value": 0,
                "sold_value": 0,
                "scrapped_value": 0,
                "loss_value": 0,
            },
        )
        self.assertEqual(
            self.shelf(self.kit, self.this_month),
            {
                "opening_qty": 20,
                "received_qty": 0,
                "used_qty": 1,
                "sold_qty": 2,
                "scrapped_qty": 1,
                "expected_qty": 16,
                "counted_qty": 13,
                "loss_qty": 3,
                "loss_percent": 18.75,
                "received_value": 0,
                "used_value": 9.0,
                "sold_value": 18.0,
                "scrapped_value": 9.0,
                "loss_value": 27.0,
            },
        )
        # The cartridge, stocked without a move and used once: nothing lost.
        cartridges = self.shelf(self.cartridge, self.this_month)
        self.assertEqual(cartridges["used_qty"], 1)
        self.assertEqual(cartridges["loss_qty"], 0)

    def test_a_count_that_finds_more_is_no_loss(self):
        stock = self.warehouse.lot_stock_id
        self.transfer(
            self.warehouse.in_type_id,
            self.env.ref("stock.stock_location_suppliers"),
            stock,
            self.kit,
            4,
        )
        quant = self.env["stock.quant"].search(
            [("product_id", "=", self.kit.id), ("location_id", "=", stock.id)]
        )
        quant.with_company(self.studio_c).inventory_quantity = 5
        quant.with_company(self.studio_c).action_apply_inventory()
        shelf = self.shelf(self.kit, self.this_month)
        self.assertEqual(shelf["counted_qty"], 5)
        self.assertEqual(shelf["loss_qty"], -1)
        self.assertEqual(shelf["loss_value"], -9.0)

    def test_a_first_count_on_an_empty_shelf_is_the_initial_inventory(self):
        quant = self.env["stock.quant"].create(
            {
                "product_id": self.kit.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "inventory_quantity": 10,
            }
        )
        quant.with_company(self.studio_c).action_apply_inventory()
        shelf = self.shelf(self.kit, self.this_month)
        self.assertEqual(shelf["received_qty"], 10)
        self.assertEqual(shelf["received_value"], 90.0)
        self.assertEqual(shelf["counted_qty"], 10)
        self.assertEqual(shelf["loss_qty"], 0)

    def test_inventory_staff_see_their_studio_and_who_used_it_not_whom(self):
        _session, practitioner = self.kits_through_the_month()
        inventory = self.studio_user(
            "shelf_inventory", self.studio_c, "skinpro_needling.group_inventory"
        )
        other = self.studio_user(
            "shelf_other", self.studio_a, "skinpro_needling.group_inventory"
        )
        as_inventory = self.env(
            user=inventory, context={"allowed_company_ids": self.studio_c.ids}
        )
        self.assertEqual(
            self.shelf(self.kit, self.this_month, as_inventory)["loss_qty"], 3
        )
        as_other = self.env(
            user=other, context={"allowed_company_ids": self.studio_a.ids}
        )
        self.assertFalse(
            as_other["skinpro.report.shelf"].search(
                [("company_id", "=", self.studio_c.id)]
            )
        )
        self.assertFalse(self.shelf(self.kit, self.this_month, as_other))
        # The practitioners whose sessions used the kits, with their quantities.
        row = as_inventory["skinpro.report.shelf"].search(
            [
                ("company_id", "=", self.studio_c.id),
                ("product_id", "=", self.kit.id),
                ("date", "=", self.this_month),
            ]
        )
        action = row.action_skinpro_practitioners()
        used = as_inventory[action["res_model"]]._read_group(
            action["domain"], ["practitioner_id"], ["actual_qty:sum"]
        )
        self.assertEqual(used, [(practitioner.with_env(as_inventory), 1.0)])
        # Neither report leads to a client or a session.
        for model in ("skinpro.report.shelf", action["res_model"]):
            self.assertFalse(
                {
                    field.comodel_name
                    for field in self.env[model]._fields.values()
                    if field.relational
                }
                & {"res.partner", "skinpro.treatment.session"},
                model,
            )

    def test_the_monthly_report_shows_the_shelf_and_who_used_it(self):
        _session, practitioner = self.kits_through_the_month()
        manager = self.studio_user(
            "shelf_manager", self.studio_c, "skinpro_needling.group_studio_manager"
        )
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(manager)
            .with_context(allowed_company_ids=self.studio_c.ids)
            ._render_qweb_html(
                "skinpro_needling.report_studio_month",
                self.studio_c.ids,
                data={"month": str(self.this_month)},
            )
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        self.assertIn("Charted use against the shelf", text)
        self.assertIn(
            f"Aftercare kit ( Units ) Used by: {practitioner.name} 1 "
            "20 0 1 2 1 16 13 3 (18.8%) $ 27.00",
            text,
        )
        self.assertNotIn("Client of C", text)


@tagged("post_install", "-at_install")
class TestShelfDemo(BaseCommon):
    def test_salt_lake_citys_count_found_cartridges_missing(self):
        skip_without_demo(self.env)
        ref = self.env.ref
        last_month = fields.Date.context_today(self.env.user).replace(
            day=1
        ) - relativedelta(months=1)
        losses = {
            (row.company_id, row.product_id): (row.loss_qty, row.loss_value)
            for row in self.env["skinpro.report.shelf"].search(
                [("date", "=", last_month), ("loss_qty", "!=", 0)]
            )
        }
        self.assertEqual(
            losses,
            {
                (
                    ref("skinpro_needling.studio_salt_lake"),
                    ref("skinpro_needling.consumable_cartridge"),
                ): (4, 26.0)
            },
        )
