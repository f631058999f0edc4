# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .skinpro_session_machine import REVIEW_RECALL
from .skinpro_state_machine import acting


class SkinproSessionSupply(models.AbstractModel):
    """A session's cartridge and recall hold: the cartridge lot it used, scanned
    from the pouch's GS1 barcode and checked against the treatment's depth, its
    expiry and any recall; and the hold a recall puts on a client's next session
    until a practitioner reviewed it."""

    _name = "skinpro.session.supply"
    _description = "Session's cartridge and recall hold"

    cartridge_lot_id = fields.Many2one(
        "stock.lot",
        string="Cartridge lot",
        copy=False,
        tracking=True,
        check_company=True,
        domain="[('product_id.skinpro_cartridge_max_depth_mm', '>', 0)]",
        help="Scanned from the cartridge's pouch: completing the session consumes "
        "this lot for the cartridge.",
    )
    cartridge_scan = fields.Char(
        string="Scan cartridge",
        store=False,
        help="Scan the GS1 barcode on the cartridge's pouch: (01) GTIN, (10) lot, "
        "(17) expiry.",
    )
    recall_id = fields.Many2one(
        "skinpro.recall",
        string="Held by recall",
        readonly=True,
        copy=False,
        check_company=True,
        tracking=True,
        help="A lot used on this client was recalled: a practitioner reviews the "
        "session before it can start.",
    )
    recall_reviewed_by_id = fields.Many2one(
        "res.users", string="Recall reviewed by", readonly=True, copy=False
    )
    recall_reviewed_on = fields.Datetime(readonly=True, copy=False)

    @api.onchange("cartridge_scan")
    def _onchange_cartridge_scan(self):
        if self.cartridge_scan:
            self.cartridge_lot_id = self._skinpro_scanned_lot(self.cartridge_scan)
            self.cartridge_scan = False

    def action_skinpro_scan_cartridge(self, barcode):
        """Record the cartridge lot from its scanned GS1 barcode."""
        self.ensure_one()
        self.cartridge_lot_id = self._skinpro_scanned_lot(barcode)
        return True

    def _skinpro_scanned_lot(self, barcode):
        lot, expiry = self.env["stock.lot"]._skinpro_from_gs1(barcode)
        self._skinpro_check_cartridge(lot, expiry)
        lot._skinpro_check_held_by(
            self.company_id,
            self._fields["cartridge_lot_id"]._description_string(self.env),
        )
        return lot

    def _skinpro_treatment_depth(self):
        return max(self.product_id.skinpro_depth_mm, self.max_depth_mm or 0)

    def _skinpro_check_cartridge(self, lot=None, expiry=None, error=UserError):
        for session in self:
            cartridge = lot or session.cartridge_lot_id
            if not cartridge:
                continue
            refusal = cartridge._skinpro_cartridge_refusal(
                session._skinpro_treatment_depth(), expiry
            )
            if refusal:
                raise error(refusal)

    @api.constrains("cartridge_lot_id")
    def _check_cartridge_lot(self):
        self.filtered(
            lambda s: s.state in ("planned", "in_progress")
        )._skinpro_check_cartridge(error=ValidationError)

    @api.constrains("cartridge_lot_id", "company_id")
    def _check_cartridge_lot_held(self):
        # A cartridge comes from the studio's own stock, whoever scans it.
        for session in self.filtered("cartridge_lot_id"):
            session.cartridge_lot_id._skinpro_check_held_by(
                session.company_id,
                self._fields["cartridge_lot_id"]._description_string(self.env),
            )

    def _skinpro_supplies(self, needs):
        """The recipe's `needs` with the scanned cartridge in place of the
        recipe's, and {consumable: lot} to consume."""
        self.ensure_one()
        lot = self.cartridge_lot_id
        if not lot:
            return needs, {}
        recipe = self.product_id.skinpro_variant_recipe_ids.filtered(
            lambda line: line.kind == "cartridge"
        )
        needs = dict(needs)
        quantity = sum(needs.pop(c, 0) for c in recipe.component_id) or 1
        needs[lot.product_id] = needs.get(lot.product_id, 0) + quantity
        return needs, {lot.product_id: lot}

    # --- recall hold -----------------------------------------------------------

    def _skinpro_hold_for_recall(self, recall):
        with acting(self):
            self.write(
                {
                    "recall_id": recall.id,
                    "recall_reviewed_by_id": False,
                    "recall_reviewed_on": False,
                }
            )
        self.message_post(
            body=self.env._(
                "Held for review: %(recall)s. A practitioner reviews the session "
                "before it can start.",
                recall=recall.sudo().name,
            ),
            subtype_xmlid="mail.mt_note",
            # The studio's note, not the user's who recalled: an author reads
            # their messages, and this one names the client.
            author_id=self.company_id.partner_id.id,
        )

    def _skinpro_check_recall_reviewed(self):
        for session in self.filtered(
            lambda s: s.recall_id and not s.recall_reviewed_by_id
        ):
            raise UserError(
                self.env._(
                    "%(session)s is held by %(recall)s: a practitioner reviews it "
                    "first (%(action)s).",
                    session=session.name,
                    recall=session.sudo().recall_id.name,
                    action=self.env._(REVIEW_RECALL.label),
                )
            )

    def action_skinpro_review_recall(self):
        """A practitioner reviewed the held session with the client: it may start."""
        if not self.env.user.has_group("skinpro_needling.group_practitioner"):
            raise UserError(
                self.env._("Only a practitioner may review a session held by a recall.")
            )
        for session in self.filtered(
            lambda s: s.recall_id and not s.recall_reviewed_by_id
        ):
            with acting(session):
                session.write(
                    {
                        "recall_reviewed_by_id": self.env.user.id,
                        "recall_reviewed_on": fields.Datetime.now(),
                    }
                )
            session.message_post(
                body=self.env._(
                    "Recall review done by %(user)s.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
