# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class SkinproSessionAddendum(models.Model):
    """A correction of a signed chart: dated, signed by its author, with its
    reason; never changed nor deleted once saved, whoever asks."""

    _name = "skinpro.session.addendum"
    _description = "Addendum to a signed chart"
    _check_company_auto = True
    _order = "id"

    session_id = fields.Many2one(
        "skinpro.treatment.session",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    author_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, string="Added on"
    )
    reason = fields.Char(required=True, help="Why the chart needs this addition.")
    body = fields.Text(string="Addendum", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Who and when are the application's, never the caller's.
            vals.pop("author_id", None)
            vals.pop("date", None)
        addenda = super().create(vals_list)
        for addendum in addenda:
            session = addendum.session_id
            if session._skinpro_state() != "signed":
                raise UserError(
                    self.env._(
                        "%(session)s: an addendum corrects a signed chart; this one "
                        "is not signed yet, so correct it and sign it.",
                        session=session.display_name,
                    )
                )
            session.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "Addendum by %(author)s: %(reason)s",
                        author=addendum.author_id.name,
                        reason=addendum.reason,
                    ),
                    addendum.body,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return addenda

    def write(self, vals):
        if self:
            raise UserError(
                self.env._(
                    "An addendum is kept as it was saved: add another one to correct "
                    "it."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("An addendum is part of the signed chart: it is never deleted.")
        )
