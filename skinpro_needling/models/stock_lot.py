# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm
from .skinpro_session_machine import COMPLETE
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

# The lot's side of a session's lots used: written only by completing a session.
COMPLETE_LOTS = sm.Action(COMPLETE.name, COMPLETE.label, sets=("skinpro_session_ids",))
RECALL = sm.Action(
    "action_skinpro_open_recall",
    _lt("Recall"),
    sets=("skinpro_recalled", "skinpro_recall_id"),
)


class StockLot(models.Model):
    """Recall: which sessions, and so which clients, used a lot. Only completing a
    session records it, as that session's lots used; only a recall blocks it."""

    _name = "stock.lot"
    _inherit = ["stock.lot", "skinpro.state.machine"]
    _skinpro_machine = sm.Machine(
        state_field=None,
        states=(),
        creatable=("lot",),
        actions=(COMPLETE_LOTS, RECALL),
    )

    skinpro_session_ids = fields.Many2many(
        "skinpro.treatment.session",
        "skinpro_session_consumed_lot_rel",
        "lot_id",
        "session_id",
        string="Sessions that used it",
        readonly=True,
        groups="skinpro_needling.group_studio_manager",
    )
    skinpro_recalled = fields.Boolean(
        string="Recalled",
        readonly=True,
        copy=False,
        index=True,
        help="Recalled by its manufacturer: nothing reserves, consumes or sells it.",
    )
    skinpro_recall_id = fields.Many2one(
        "skinpro.recall", string="Recall", readonly=True, copy=False
    )
    skinpro_recall_reason = fields.Text(
        related="skinpro_recall_id.reason", string="Recall reason"
    )

    def _skinpro_state(self):
        return "lot"

    @api.model
    def _skinpro_new_state(self, vals):
        return "lot"

    def action_skinpro_recall(self, reason):
        """Recall the lot in every studio: returns the `skinpro.recall`."""
        self.ensure_one()
        return self.env["skinpro.recall"].create(
            {"lot_id": self.id, "reason": reason or ""}
        )

    def action_skinpro_open_recall(self):
        """The lot form's Recall button: a new recall of the lot, run on Save."""
        self.ensure_one()
        self.env["skinpro.recall"]._skinpro_check_recaller()
        if self.skinpro_recall_id:
            return self.skinpro_recall_id.get_formview_action()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Recall %(lot)s", lot=self.name),
            "res_model": "skinpro.recall",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_lot_id": self.id},
        }

    def _skinpro_mark_recalled(self, recall):
        with acting(self):
            self.write({"skinpro_recalled": True, "skinpro_recall_id": recall.id})

    # --- a studio's own lots ----------------------------------------------------

    def _skinpro_held_by(self, studio):
        """The lots of `self` that `studio` holds: on hand in a location of its
        warehouses, or reserved or consumed from one. A lot without a company
        (its product is the chain's) is held where its stock is."""
        if not self:
            return self
        studio_stock = Domain("location_id.warehouse_id.company_id", "=", studio.id)
        on_hand = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                Domain("lot_id", "in", self.ids)
                & studio_stock
                & Domain("quantity", ">", 0),
                ["lot_id"],
            )
        )
        moved = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                Domain("lot_id", "in", self.ids)
                & studio_stock
                & Domain("state", "!=", "cancel"),
                ["lot_id"],
            )
        )
        return self.browse({lot.id for (lot,) in on_hand + moved})

    def _skinpro_check_held_by(self, studio, field_label):
        """Refuse the lots of `self` that `studio` does not hold, by the name of the
        field that records them."""
        foreign = self - self._skinpro_held_by(studio)
        if foreign:
            raise ValidationError(
                self.env._(
                    "%(field)s: %(studio)s holds no lot %(lots)s. Record a lot of the "
                    "studio's own stock.",
                    field=field_label,
                    studio=studio.name,
                    lots=", ".join(
                        f"{lot.name} ({lot.product_id.display_name})"
                        for lot in foreign.sudo()
                    ),
                )
            )

    # --- cartridges -------------------------------------------------------------

    @api.model
    def _skinpro_from_gs1(self, barcode):
        """(lot, expiry date or None) of a cartridge's GS1 barcode: (01) the GTIN,
        the product's barcode; (10) the lot; (17) the expiry. Parsed by Odoo's GS1
        nomenclature."""
        nomenclature = self.env.ref(
            "barcodes_gs1_nomenclature.default_gs1_nomenclature"
        )
        try:
            parts = nomenclature.parse_barcode((barcode or "").strip()) or []
        except (UserError, ValueError):
            parts = []
        values = {
            part["type"]: part["value"] for part in parts if isinstance(part, dict)
        }
        gtin, lot_name = values.get("product"), values.get("lot")
        if not gtin or not lot_name:
            raise UserError(
                self.env._(
                    "Cartridge scan %(barcode)s: not a GS1 barcode with a GTIN (01) "
                    "and a lot (10). Scan the code on the cartridge's pouch.",
                    barcode=barcode,
                )
            )
        # A GTIN-14 is an EAN-13 or a UPC-A padded with zeros.
        candidates = {gtin, gtin.lstrip("0")} | {gtin[i:] for i in (1, 2)}
        product = self.env["product.product"].search(
            [("barcode", "in", list(candidates))], limit=1
        )
        if not product:
            raise UserError(
                self.env._(
                    "Cartridge scan: no product has the barcode (GTIN) %(gtin)s. Set "
                    "it on the cartridge's product.",
                    gtin=gtin,
                )
            )
        lot = self.search(
            [("product_id", "=", product.id), ("name", "=", lot_name)], limit=1
        )
        if not lot:
            raise UserError(
                self.env._(
                    "Cartridge scan: %(product)s has no lot %(lot)s in stock records. "
                    "Receive it first.",
                    product=product.display_name,
                    lot=lot_name,
                )
            )
        return lot, values.get("expiration_date")

    def _skinpro_cartridge_refusal(self, depth_mm, expiry=None):
        """Why this cartridge lot may not be used for a treatment at `depth_mm`, or
        None."""
        self.ensure_one()
        product = self.product_id
        low, high = (
            product.skinpro_cartridge_min_depth_mm,
            product.skinpro_cartridge_max_depth_mm,
        )
        names = {"cartridge": product.display_name, "lot": self.name}
        if self.sudo().skinpro_recalled:
            return self.env._(
                "Cartridge %(cartridge)s lot %(lot)s is recalled (%(reason)s): take "
                "a cartridge of another lot.",
                reason=self.sudo().skinpro_recall_reason,
                **names,
            )
        now = fields.Datetime.now()
        expired_on = (
            self.expiration_date
            and self.expiration_date <= now
            and self.expiration_date.date()
        ) or (expiry and expiry < now.date() and expiry)
        if expired_on:
            return self.env._(
                "Cartridge %(cartridge)s lot %(lot)s expired on %(date)s: take a "
                "cartridge that has not expired.",
                date=expired_on,
                **names,
            )
        if not high:
            return self.env._(
                "Cartridge %(cartridge)s has no depth range: set the depths it is "
                "made for on the product, or take another cartridge.",
                **names,
            )
        if not low <= depth_mm <= high:
            return self.env._(
                "Cartridge %(cartridge)s lot %(lot)s is made for %(low)s to %(high)s "
                "mm; this treatment goes to %(depth)s mm: take a cartridge made for "
                "that depth.",
                low=low,
                high=high,
                depth=depth_mm,
                **names,
            )
        return None
