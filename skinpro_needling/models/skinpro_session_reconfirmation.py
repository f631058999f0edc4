# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproSessionReconfirmation(models.Model):
    """A question of the screening asked again just before a session."""

    _name = "skinpro.session.reconfirmation"
    _description = "Re-confirmation before a session"
    _order = "sequence, id"

    session_id = fields.Many2one(
        "skinpro.treatment.session", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    contraindication_id = fields.Many2one(
        "skinpro.contraindication", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="contraindication_id.sequence", store=True)
    question = fields.Char(related="contraindication_id.name")
    answer = fields.Selection([("yes", "Yes"), ("no", "No")])
