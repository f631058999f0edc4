# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproBreakGlassRequest(models.TransientModel):
    """The practitioner's reason for a break-glass access, asked from the
    client's form."""

    _name = "skinpro.break.glass.request"
    _description = "Ask for break-glass access"

    partner_id = fields.Many2one("res.partner", string="Client", required=True)
    reason = fields.Text(
        help="Why care needs the client's record held by another studio now; the "
        "studios holding it review each use.",
    )

    def action_skinpro_grant(self):
        self.ensure_one()
        grant = self.partner_id.action_skinpro_break_glass(self.reason)
        return grant.action_skinpro_open_records()
