# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SkinproPhotoDownload(models.Model):
    """One download of a client's photo: who took the file away, and when."""

    _name = "skinpro.photo.download"
    _description = "Client photo download"
    _order = "downloaded_on desc, id desc"
    _check_company_auto = True

    photo_id = fields.Many2one(
        "skinpro.photo",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    partner_id = fields.Many2one(related="photo_id.partner_id", string="Client")
    company_id = fields.Many2one(
        related="photo_id.company_id", store=True, index=True, string="Studio"
    )
    user_id = fields.Many2one("res.users", required=True, readonly=True)
    downloaded_on = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now
    )
