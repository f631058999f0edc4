# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockLot(models.Model):
    """Recall: which sessions, and so which clients, used a lot."""

    _inherit = "stock.lot"

    skinpro_session_ids = fields.Many2many(
        "skinpro.treatment.session",
        "skinpro_session_consumed_lot_rel",
        "lot_id",
        "session_id",
        string="Sessions that used it",
        readonly=True,
        groups="skinpro_needling.group_studio_manager",
    )
