# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .skinpro_state_machine import acting

_logger = logging.getLogger(__name__)

# A booked session's consumption follows these fields of the session.
BOOKING_FIELDS = (
    "product_id",
    "company_id",
    "planned_start",
    "anaesthetic_grams",
    "aftercare_kit_id",
    "cartridge_lot_id",
)


class StockPicking(models.Model):
    """A session's consumables leave the studio's stock as a 'Treatment consumption'
    transfer, made when the session is booked: its moves are confirmed at the
    session's planned start, which Odoo's forecast, Forecasted report, replenishment
    and reordering rules count as demand, and are not reserved (the operation type
    reserves manually). It follows the session's treatment, studio and date, is
    cancelled with it, and is reserved and done when the session completes: Odoo
    reserves the lots by the location's removal strategy, never an expired one, and
    what it could not reserve is the studio's shortage."""

    _inherit = "stock.picking"

    @api.model
    def _skinpro_book(self, sessions):
        """Each planned or started session's consumption, made, moved or dropped to
        match its recipe, studio and planned start."""
        for session in sessions.sudo().filtered(
            lambda s: s.state in ("planned", "in_progress")
        ):
            picking = session.consumption_picking_id
            warehouse = session.company_id.skinpro_warehouse_id
            needs, _lots = session._skinpro_supplies(
                session.product_id._skinpro_recipe_needs(session.anaesthetic_grams)
            )
            kit = session.aftercare_kit_id
            if kit in needs:
                # Handed over at the POS, it left through the POS's own picking.
                needs[kit] -= 1
                if kit.uom_id.compare(needs[kit], 0) <= 0:
                    del needs[kit]
            if picking and (
                not needs
                or picking.picking_type_id != warehouse.skinpro_consumption_type_id
            ):
                # Another studio's (or no) consumption: this one never moved anything.
                picking.action_cancel()
                picking.unlink()
                picking = self.browse()
            if picking:
                picking._skinpro_match(needs, session)
            elif needs and warehouse:
                picking = self._skinpro_demand(warehouse, needs, session)
            if picking != session.consumption_picking_id:
                with acting(session):
                    session.consumption_picking_id = picking

    @api.model
    def _skinpro_demand(self, warehouse, needs, session):
        """A 'Treatment consumption' transfer of `needs` out of the warehouse's
        stock at the session's planned start: confirmed, not reserved."""
        picking_type = warehouse.skinpro_consumption_type_id
        picking = self.create(
            {
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": picking_type.default_location_dest_id.id,
                "origin": session._skinpro_stock_reference(),
                "scheduled_date": session.planned_start,
                "move_ids": [
                    Command.create(
                        self._skinpro_move_values(picking_type, product, qty)
                    )
                    for product, qty in needs.items()
                ],
            }
        )
        picking.move_ids.write(
            {"date": session.planned_start, "date_deadline": session.planned_start}
        )
        picking.move_ids._action_confirm(merge=False)
        return picking

    def _skinpro_match(self, needs, session):
        """The moves of this not yet done consumption made to match `needs` at the
        session's planned start."""
        self.ensure_one()
        moves = self.move_ids.filtered(lambda move: move.state != "cancel")
        dropped = moves.filtered(lambda move: move.product_id not in needs)
        dropped._action_cancel()
        dropped.unlink()
        moves -= dropped
        for product, quantity in needs.items():
            move = moves.filtered(lambda move, p=product: move.product_id == p)[:1]
            if not move:
                move = self.env["stock.move"].create(
                    {
                        **self._skinpro_move_values(
                            self.picking_type_id, product, quantity
                        ),
                        "picking_id": self.id,
                    }
                )
                move._action_confirm(merge=False)
            elif move.product_uom.compare(move.product_uom_qty, quantity):
                move.product_uom_qty = quantity
        live = self.move_ids.filtered(lambda move: move.state != "cancel")
        live.filtered(
            lambda move: (
                move.date != session.planned_start
                or move.date_deadline != session.planned_start
            )
        ).write({"date": session.planned_start, "date_deadline": session.planned_start})
        if self.origin != session._skinpro_stock_reference():
            self.origin = session._skinpro_stock_reference()

    @api.model
    def _skinpro_move_values(self, picking_type, product, quantity):
        return {
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": quantity,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": picking_type.default_location_dest_id.id,
            "company_id": picking_type.company_id.id,
        }

    @api.model
    def _skinpro_hand_over_kits(self, order, sessions):
        """The aftercare kits the front desk handed over with the paid `order` leave
        the studio's stock through a picking of the POS's own operation type,
        linked to the order, done at once as the POS does its own: never refused
        for want of stock."""
        kits = sessions.filtered("aftercare_kit_id").aftercare_kit_id
        if not kits:
            return self.browse()
        counts = {kit: 0 for kit in kits}
        for session in sessions.filtered("aftercare_kit_id"):
            counts[session.aftercare_kit_id] += 1
        picking_type = order.config_id.picking_type_id
        destination = (
            order.partner_id.property_stock_customer
            or picking_type.default_location_dest_id
            or self.env.ref("stock.stock_location_customers")
        )
        picking = self.create(
            {
                **self._prepare_picking_vals(
                    order.partner_id,
                    picking_type,
                    picking_type.default_location_src_id.id,
                    destination.id,
                ),
                "pos_order_id": order.id,
                "pos_session_id": order.session_id.id,
                "origin": order.name,
                "move_ids": [
                    Command.create(
                        {
                            **self._skinpro_move_values(picking_type, kit, count),
                            "location_dest_id": destination.id,
                        }
                    )
                    for kit, count in counts.items()
                ],
            }
        )
        picking.move_ids._action_confirm()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        try:
            with self.env.cr.savepoint():
                picking._action_done()
        except (UserError, ValidationError) as error:
            # As the POS leaves its own: the studio validates it from the order.
            _logger.info("%s is left to validate: %s", picking.name, error)
        return picking

    @api.model
    def _skinpro_consume(self, session, allow_shortage):
        """The session's booked consumption, brought to what it used (the grams of
        anaesthetic applied), reserved and done. Short of a consumable, it is
        refused, unless `allow_shortage`: then what there is leaves the stock, and
        the studio's inventory staff are asked to restock the rest."""
        studio = session.company_id
        if not studio.skinpro_warehouse_id:
            raise UserError(
                self.env._(
                    "%(studio)s has no warehouse: set the studio up first.",
                    studio=studio.name,
                )
            )
        self._skinpro_book(session)
        picking = session.consumption_picking_id.sudo()
        if not picking:
            return picking
        # Refused, it leaves the booking as it was: confirmed, nothing reserved.
        with self.env.cr.savepoint():
            # Consumed now, from the lots not expired today; Odoo's valuation
            # prices the moves when they are done.
            picking.move_ids.write({"date": fields.Datetime.now()})
            lots = session._skinpro_supplies({})[1]
            of_lots = picking.move_ids.filtered(lambda m: m.product_id in lots)
            of_lots._do_unreserve()
            for move in of_lots:
                # The scanned cartridge's own lot, not the removal strategy's.
                move._skinpro_lock_quants()
                move._update_reserved_quantity(
                    move.product_uom_qty,
                    move.location_id,
                    lot_id=lots[move.product_id],
                    strict=False,
                )
            of_lots._recompute_state()
            (picking.move_ids - of_lots)._action_assign()
            shortages = picking._skinpro_shortages()
            if shortages and not allow_shortage:
                raise UserError(
                    self.env._(
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
            summary=self.env._(
                "Restock %(product)s at %(studio)s: %(missing)s %(uom)s short",
                product=product.name,
                studio=studio.name,
                missing=f"{missing:g}",
                uom=product.uom_id.name,
            ),
            user_id=(inventory[:1] or self.env.user).id,
        )

    def _skinpro_cost(self):
        """What the consumables that left the stock cost: the value Odoo's stock
        valuation gave their moves (standard, average or FIFO, as each product's
        category says)."""
        return sum(
            self.move_ids.filtered(lambda move: move.state == "done").mapped("value")
        )

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
