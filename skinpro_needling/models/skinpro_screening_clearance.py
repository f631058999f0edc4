# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class SkinproScreeningClearance(models.Model):
    """A physician's written clearance for contraindications of a screening."""

    _name = "skinpro.screening.clearance"
    _description = "Physician clearance"
    _order = "expiry_date desc, id desc"

    screening_id = fields.Many2one(
        "skinpro.screening", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="screening_id.company_id", store=True, index=True
    )
    contraindication_ids = fields.Many2many(
        "skinpro.contraindication",
        string="Covers",
        required=True,
        domain=[("severity", "in", ("absolute", "clearance"))],
        help="The contraindications this clearance allows treatment despite.",
    )
    physician = fields.Char(required=True)
    issue_date = fields.Date(required=True, default=fields.Date.context_today)
    expiry_date = fields.Date(required=True)
    document = fields.Binary(attachment=True, required=True)
    document_name = fields.Char()

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for clearance in self:
            if clearance.expiry_date < clearance.issue_date:
                raise ValidationError(
                    _(
                        "Expiry Date: the clearance by %(physician)s expires before "
                        "its Issue Date.",
                        physician=clearance.physician,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        clearances = super().create(vals_list)
        for clearance in clearances.filtered(
            lambda c: c.screening_id.state == "confirmed"
        ):
            clearance.screening_id.message_post(
                body=_(
                    "Clearance by %(physician)s attached, covering %(covers)s, valid "
                    "until %(expiry)s.",
                    physician=clearance.physician,
                    covers=", ".join(clearance.contraindication_ids.mapped("name")),
                    expiry=clearance.expiry_date,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return clearances

    def write(self, vals):
        if self.screening_id.filtered(lambda s: s.state == "confirmed"):
            raise UserError(
                _(
                    "A clearance of a confirmed screening is kept as filed: attach "
                    "a new one instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.screening_id.filtered(lambda s: s.state == "confirmed"):
            raise UserError(
                _("A clearance of a confirmed screening cannot be deleted.")
            )
