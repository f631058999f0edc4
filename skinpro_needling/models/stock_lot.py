# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..rules import state_machine as sm
from .skinpro_session_machine import COMPLETE

# The lot's side of a session's lots used: written only by completing a session.
COMPLETE_LOTS = sm.Action(COMPLETE.name, COMPLETE.label, sets=("skinpro_session_ids",))


class StockLot(models.Model):
    """Recall: which sessions, and so which clients, used a lot. Only completing a
    session records it, as that session's lots used."""

    _name = "stock.lot"
    _inherit = ["stock.lot", "skinpro.state.machine"]
    _skinpro_machine = sm.Machine(
        state_field=None, states=(), creatable=("lot",), actions=(COMPLETE_LOTS,)
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

    def _skinpro_state(self):
        return "lot"

    @api.model
    def _skinpro_new_state(self, vals):
        return "lot"
