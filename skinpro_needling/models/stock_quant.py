# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.fields import Domain


class StockQuant(models.Model):
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
        unexpired_on = self.env.context.get("skinpro_unexpired_on")
        if unexpired_on:
            # See stock.move's _skinpro_unexpired_only.
            domain &= Domain("expiration_date", ">", unexpired_on) | Domain(
                "expiration_date", "=", False
            )
        return domain
