# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproBreakGlassRead(models.Model):
    """One read of a record through a break-glass access: who, what, when. Written
    by the system on each read (web client and external API alike), never edited."""

    _name = "skinpro.break.glass.read"
    _description = "Read through a break-glass access"
    _order = "date desc, id desc"

    grant_id = fields.Many2one(
        "skinpro.break.glass", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    res_model = fields.Char(string="Model", required=True)
    res_model_name = fields.Char(string="Record kind", required=True)
    res_id = fields.Integer(string="Record", required=True)
    fields_read = fields.Char(string="Fields")
    company_id = fields.Many2one(
        "res.company", string="Studio of the record", required=True
    )
