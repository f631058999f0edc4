# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SkinproScreening(models.Model):
    """A client's contraindication screening at one studio."""

    _name = "skinpro.screening"
    _description = "Client screening"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    practitioner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("partner_id.name", "date")
    def _compute_name(self):
        for screening in self:
            screening.name = " - ".join(
                filter(None, [screening.partner_id.name, str(screening.date or "")])
            )
