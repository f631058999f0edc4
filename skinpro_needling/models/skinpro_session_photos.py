# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import photos as photo_rules


class SkinproTreatmentSession(models.Model):
    """A session's photo sequence: the angles its treatment asks for, taken before
    the session and at a follow-up after it. A session whose before sequence is
    incomplete is not completed, unless the client's refusal is recorded."""

    # A part of the session of its own, like its stock and sale parts.
    _inherit = "skinpro.treatment.session"  # pylint: disable=consider-merging-classes-inherited

    photo_ids = fields.One2many("skinpro.photo", "session_id", string="Photos")
    photo_angle_ids = fields.Many2many(
        related="product_id.product_tmpl_id.skinpro_photo_angle_ids",
        string="Photo sequence",
    )
    before_photos_missing = fields.Char(
        string="Before photos missing",
        compute="_compute_before_photos_missing",
        help="The angles of the treatment's photo sequence not taken before the "
        "session yet.",
    )
    photo_refusal_reason = fields.Text(
        string="Photos refused",
        tracking=True,
        help="The client refused the before photos: why, in the client's words. "
        "The session then completes without them.",
    )

    @api.depends("photo_angle_ids", "photo_ids.angle", "photo_ids.phase")
    def _compute_before_photos_missing(self):
        for session in self:
            missing = session._skinpro_missing_before_angles()
            session.before_photos_missing = ", ".join(missing.mapped("name"))

    def _skinpro_missing_before_angles(self):
        self.ensure_one()
        taken = self.photo_ids.filtered(lambda p: p.phase == "before").angle
        return self.photo_angle_ids.browse(
            photo_rules.missing_angles(self.photo_angle_ids.ids, taken.ids)
        )

    def _skinpro_check_before_photos(self):
        """The before photo sequence is complete, or the client's refusal is
        recorded with its reason."""
        for session in self:
            if (session.photo_refusal_reason or "").strip():
                continue
            missing = session._skinpro_missing_before_angles()
            if missing:
                raise UserError(
                    self.env._(
                        "%(session)s: take the before photos of %(angles)s first, "
                        "or record the client's refusal with its reason (Photos "
                        "refused).",
                        session=session.display_name,
                        angles=", ".join(missing.mapped("name")),
                    )
                )

    # The session's single before photo, from before photo sequences: cleaned
    # like every photo.
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("before_photo"):
                vals["before_photo"] = self.env["skinpro.photo"]._skinpro_clean(
                    vals["before_photo"]
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("before_photo"):
            vals = dict(
                vals,
                before_photo=self.env["skinpro.photo"]._skinpro_clean(
                    vals["before_photo"]
                ),
            )
        return super().write(vals)

    def _complete(self, override_shortage):
        self._skinpro_check_before_photos()
        return super()._complete(override_shortage)

    def action_skinpro_compare_photos(self):
        self.ensure_one()
        return self.partner_id.action_skinpro_compare_photos()

    def _skinpro_withdraw_photos(self, partner):
        result = super()._skinpro_withdraw_photos(partner)
        sessions = self.sudo().search(
            [("partner_id", "=", partner.id), ("photo_ids", "!=", False)]
        )
        for session in sessions:
            session.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "The client withdrew photo consent: %(count)s photo(s) of the "
                    "session were deleted.",
                    count=len(session.photo_ids),
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.env["skinpro.photo"]._skinpro_withdraw(partner)
        return result
