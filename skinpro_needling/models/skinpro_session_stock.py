# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from .stock_picking import BOOKING_FIELDS


class SkinproSessionStock(models.AbstractModel):
    """A session's side of its consumables: booked, its recipe is its studio's
    forecasted demand at its planned start (the 'Treatment consumption' transfer of
    stock_picking.py), which follows the session's changes, is cancelled with it or
    its deletion, and is done when it completes."""

    _name = "skinpro.session.stock"
    _description = "Session's consumables"

    # The session's: its studio's currency.
    currency_id = fields.Many2one("res.currency")
    # Not Odoo's company check, which a move to another studio would meet before
    # the booking follows it (write, below): _check_consumption_picking_studio.
    consumption_picking_id = fields.Many2one(
        "stock.picking", string="Consumption", readonly=True, copy=False
    )
    consumed_lot_ids = fields.Many2many(
        "stock.lot",
        "skinpro_session_consumed_lot_rel",
        "session_id",
        "lot_id",
        string="Lots used",
        readonly=True,
        copy=False,
        tracking=True,
        check_company=True,
    )
    consumables_cost = fields.Monetary(
        readonly=True,
        copy=False,
        currency_field="currency_id",
        help="What the consumables cost when they left the studio's stock.",
    )
    shortage_overridden_by_id = fields.Many2one(
        "res.users", string="Shortage override by", readonly=True, copy=False
    )

    @api.constrains("consumption_picking_id")
    def _check_consumption_picking_studio(self):
        for session in self.filtered("consumption_picking_id"):
            picking = session.sudo().consumption_picking_id
            if picking.company_id != session.company_id:
                raise ValidationError(
                    self.env._(
                        "Consumption: %(picking)s is a transfer of %(other)s; a "
                        "session of %(studio)s consumes from its own stock.",
                        picking=picking.name,
                        other=picking.company_id.name,
                        studio=session.company_id.name,
                    )
                )

    @api.constrains("consumed_lot_ids", "company_id")
    def _check_consumed_lots_held(self):
        # The lots used left the studio's own stock.
        for session in self.filtered("consumed_lot_ids"):
            session.consumed_lot_ids._skinpro_check_held_by(
                session.company_id,
                self._fields["consumed_lot_ids"]._description_string(self.env),
            )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions.filtered(lambda s: not s.pos_stock_due)._skinpro_book()
        return sessions

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "cancelled":
            self._skinpro_cancel_booking()
        elif any(name in vals for name in BOOKING_FIELDS):
            self.filtered(lambda s: not s.pos_stock_due)._skinpro_book()
        return result

    def _skinpro_book(self):
        # Paid at the POS, a session is booked right after the sale (its POS side).
        self.env["stock.picking"].sudo()._skinpro_book(self)

    @api.ondelete(at_uninstall=False)
    def _unlink_cancel_booking(self):
        # A booking deleted is no demand any more.
        self._skinpro_cancel_booking()

    def _skinpro_cancel_booking(self):
        self.sudo().consumption_picking_id.filtered(
            lambda picking: picking.state != "done"
        ).action_cancel()

    def _skinpro_consume(self, override_shortage):
        """The session's booked consumption done (see stock_picking.py), as the
        values the completed session records: lots used, cost, any override."""
        picking = (
            self.env["stock.picking"].sudo()._skinpro_consume(self, override_shortage)
        )
        if not picking:
            return {}
        return {
            "consumed_lot_ids": [Command.set(picking.move_line_ids.lot_id.ids)],
            "consumables_cost": picking._skinpro_cost(),
            "shortage_overridden_by_id": (
                self.env.user.id if picking._skinpro_shortages() else False
            ),
        }

    def _skinpro_stock_reference(self):
        """The session as its consumption transfer names it: inventory staff read
        transfers, and who was treated is none of theirs, so no client's name."""
        self.ensure_one()
        return f"SESSION/{self.id}"
