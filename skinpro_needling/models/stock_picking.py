# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """A session's consumables leave the studio's stock as a 'Treatment consumption'
    transfer: Odoo reserves them (lots by the location's removal strategy, never an
    expired one), and what it could not reserve is the studio's shortage."""

    _inherit = "stock.picking"

    @api.model
    def _skinpro_consume(self, studio, needs, origin, allow_shortage, lots=None):
        """The done consumption of `needs` ({consumable: quantity in its unit}) out
        of the studio's stock, of the lots `lots` names ({consumable: lot}) when it
        names one. Short of a consumable, it is refused, unless `allow_shortage`:
        then what there is leaves the stock, and the studio's inventory staff are
        asked to restock the rest."""
        warehouse = studio.skinpro_warehouse_id
        if not warehouse:
            raise UserError(
                _(
                    "%(studio)s has no warehouse: set the studio up first.",
                    studio=studio.name,
                )
            )
        # Refused, it leaves nothing behind: no transfer, nothing reserved.
        with self.env.cr.savepoint():
            picking = self._skinpro_reserve(warehouse, needs, origin, lots or {})
            shortages = picking._skinpro_shortages()
            if shortages and not allow_shortage:
                raise UserError(
                    _(
                        "%(studio)s is short of %(items)s: restock, or a studio "
                        "manager may complete the session anyway.",
                        studio=studio.name,
                        items=", ".join(
                            f"{qty:g} {product.uom_id.name} {product.name}"
                            for product, qty in shortages.items()
                        ),
                    )
                )
        picking.move_ids.picked = True
        # What Odoo could not reserve is cancelled, not left waiting for stock.
        picking.with_context(cancel_backorder=True)._action_done()
        for product, missing in shortages.items():
            picking._skinpro_request_restock(product, missing)
        return picking

    @api.model
    def _skinpro_reserve(self, warehouse, needs, origin, lots):
        """A 'Treatment consumption' transfer of `needs` out of the warehouse's
        stock, confirmed and reserved as Odoo reserves any other; a consumable
        `lots` names is reserved on that lot only."""
        picking_type = warehouse.skinpro_consumption_type_id
        source = picking_type.default_location_src_id
        destination = picking_type.default_location_dest_id
        company = warehouse.company_id
        picking = self.create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "origin": origin,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": quantity,
                            "price_unit": self._skinpro_unit_cost(product, company),
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "company_id": company.id,
                        }
                    )
                    for product, quantity in needs.items()
                ],
            }
        )
        picking.move_ids._action_confirm()
        of_lots = picking.move_ids.filtered(lambda m: m.product_id in lots)
        # Confirming reserved them already, by the removal strategy.
        of_lots._do_unreserve()
        for move in of_lots:
            move._skinpro_lock_quants()
            move._update_reserved_quantity(
                move.product_uom_qty,
                move.location_id,
                lot_id=lots[move.product_id],
                strict=False,
            )
        of_lots._recompute_state()
        (picking.move_ids - of_lots)._action_assign()
        return picking

    @api.model
    def _skinpro_unit_cost(self, product, company):
        """The consumable's cost now, for the reports: the studio's own cost, else
        the chain's, which buys for its studios."""
        # The chain may be outside the user's companies: costs are read as the
        # system, and only the figure leaves this method.
        product = product.sudo()
        return (
            product.with_company(company).standard_price
            or product.with_company(company._skinpro_chain()).standard_price
        )

    def _skinpro_shortages(self):
        """{consumable: quantity in its unit} that Odoo could not reserve, or that
        did not leave the stock for want of it."""
        return {
            move.product_id: move.product_uom_qty - move.quantity
            for move in self.move_ids
            if move.product_uom.compare(move.quantity, move.product_uom_qty) < 0
        }

    def _skinpro_request_restock(self, product, missing):
        studio = self.company_id
        inventory = studio._skinpro_staff("skinpro_needling.group_inventory")
        product.product_tmpl_id.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_(
                "Restock %(product)s at %(studio)s: %(missing)s %(uom)s short",
                product=product.name,
                studio=studio.name,
                missing=f"{missing:g}",
                uom=product.uom_id.name,
            ),
            user_id=(inventory[:1] or self.env.user).id,
        )

    def _skinpro_cost(self):
        """What the consumables that left the stock cost."""
        return sum(move.quantity * move.price_unit for move in self.move_ids)

    def _send_confirmation_email(self):
        # A treatment's consumables are not delivered to anyone: nobody to mail.
        return super(
            StockPicking,
            self.filtered(
                lambda picking: (
                    picking.picking_type_id
                    != picking.picking_type_id.warehouse_id.skinpro_consumption_type_id
                )
            ),
        )._send_confirmation_email()
