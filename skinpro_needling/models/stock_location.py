# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    skinpro_quarantine = fields.Boolean(
        string="Recall quarantine",
        readonly=True,
        help="A warehouse's quarantine: recalled lots wait here for their return or "
        "destruction. Nothing is reserved, consumed or sold from it.",
    )
