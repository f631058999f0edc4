# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.fields import Domain


class StockQuant(models.Model):
    """What Odoo gathers to reserve or to count as available (consumption, POS,
    transfers) never holds a recalled lot, nor anything in a recall quarantine.
    A strict gather (the quants of one exact lot and location, which Odoo uses to
    record what a done move changed) still finds them."""

    _inherit = "stock.quant"

    def _get_gather_domain(
        self,
        product_id,
        location_id,
        lot_id=None,
        package_id=None,
        owner_id=None,
        strict=False,
    ):
        domain = super()._get_gather_domain(
            product_id,
            location_id,
            lot_id=lot_id,
            package_id=package_id,
            owner_id=owner_id,
            strict=strict,
        )
        if not strict:
            domain &= Domain("location_id.skinpro_quarantine", "=", False) & (
                Domain("lot_id", "=", False)
                | Domain("lot_id.skinpro_recalled", "=", False)
            )
        unexpired_on = self.env.context.get("skinpro_unexpired_on")
        if unexpired_on:
            # See stock.move's _skinpro_unexpired_only.
            domain &= Domain("expiration_date", ">", unexpired_on) | Domain(
                "expiration_date", "=", False
            )
        return domain
