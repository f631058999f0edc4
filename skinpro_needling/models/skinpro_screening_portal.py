# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import uuid

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .skinpro_state_machine import acting


class SkinproScreening(models.Model):
    """The screening the client fills in beforehand on the portal, by the link of an
    invitation: a token that opens this draft only, until it is submitted, expires
    or is revoked. The practitioner reviews and confirms it at the studio."""

    _name = "skinpro.screening"
    _inherit = ["skinpro.screening", "skinpro.portal.link"]

    access_token_expiry = fields.Datetime(
        string="Invitation valid until",
        help="The client's link opens the form until then, unless revoked.",
    )
    form_received_on = fields.Datetime(
        string="Form received",
        copy=False,
        readonly=True,
        tracking=True,
        help="When the client sent the form from the portal: awaiting the "
        "practitioner's review.",
    )
    client_photo_consent = fields.Boolean(
        string="Photo consent given online",
        copy=False,
        help="The client ticked the photo consent on the portal; the signature then "
        "signs it too.",
    )
    photo_consent_withdrawn_on = fields.Datetime(
        string="Photo consent withdrawn",
        copy=False,
        readonly=True,
        tracking=True,
    )
    photo_withdrawal_token = fields.Char(copy=False, groups="base.group_system")

    def _compute_access_url(self):
        for screening in self:
            screening.access_url = f"/my/skinpro/screening/{screening.id}"

    @api.constrains("before_photo_ids", "photo_consent_signature")
    def _check_photo_consent_not_withdrawn(self):
        for screening in self:
            if screening.photo_consent_withdrawn_on and (
                screening.before_photo_ids or screening.photo_consent_signature
            ):
                raise ValidationError(
                    self.env._(
                        "%(client)s withdrew photo consent on %(date)s: no photo is "
                        "kept. Remove the photos.",
                        client=screening.partner_id.name,
                        date=screening.photo_consent_withdrawn_on.date(),
                    )
                )

    # --- the invitation -------------------------------------------------------------

    @api.model
    def _skinpro_invitation_screening(self, partner, company, lead=None):
        """The client's draft screening at the studio, made when there is none."""
        if not partner:
            raise UserError(
                self.env._("Choose the client first: the invitation goes to them.")
            )
        screening = self.search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("state", "=", "draft"),
            ],
            limit=1,
        )
        if not screening:
            values = {"partner_id": partner.id, "company_id": company.id}
            if lead:
                values["lead_id"] = lead.id
            screening = self.create(values)
        return screening

    def action_send_invitation(self):
        """Mail the client a new link to their draft screening; the previous link
        stops working."""
        template = self.env.ref("skinpro_needling.mail_template_screening_invitation")
        for screening in self:
            if screening.state != "draft":
                raise UserError(
                    self.env._(
                        "The screening of %(client)s is confirmed: use New screening "
                        "to invite the client again.",
                        client=screening.partner_id.name,
                    )
                )
            if not screening.partner_id.email:
                raise UserError(
                    self.env._(
                        "%(client)s has no email address: add it on the client's form "
                        "before sending the invitation.",
                        client=screening.partner_id.name,
                    )
                )
            screening.write(screening._skinpro_new_link())
            screening.message_post_with_source(
                template, subtype_xmlid="mail.mt_comment", message_type="comment"
            )
        return True

    def action_revoke_invitation(self):
        """The client's link stops working at once."""
        self.write({"access_token": False, "access_token_expiry": False})
        for screening in self:
            screening.message_post(
                body=self.env._("The client's link to the form was revoked."),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _skinpro_portal_open(self):
        """Whether the client's link still opens this screening."""
        self.ensure_one()
        return self.state == "draft" and self._skinpro_link_valid()

    def action_confirm(self):
        result = super().action_confirm()
        # Confirmed, the screening is the practitioner's: the client's link closes.
        self.filtered(lambda s: s.state == "confirmed" and s.access_token).write(
            {"access_token": False, "access_token_expiry": False}
        )
        return result

    # --- the client's form ----------------------------------------------------------

    def _skinpro_portal_missing(self):
        """What the client still has to give before signing, in their words."""
        self.ensure_one()
        missing = [
            self.env._("Answer: %(question)s", question=line.question)
            for line in self.answer_ids
            if not line.answer
        ]
        missing += [
            self.env._("Give the date for: %(question)s", question=line.question)
            for line in self.answer_ids
            if line.date_needed and not line.date
        ]
        return missing

    def _skinpro_portal_submit(self, signature):
        """The client signed the form on the portal: it is received, awaiting the
        practitioner's review, and the link is used up."""
        self.ensure_one()
        values = {
            "consent_signature": signature,
            "form_received_on": fields.Datetime.now(),
            "access_token": False,
            "access_token_expiry": False,
        }
        if self.client_photo_consent:
            values["photo_consent_signature"] = signature
            values["photo_withdrawal_token"] = str(uuid.uuid4())
        with acting(self):
            self.write(values)
        self.message_post(
            body=self.env._(
                "The client sent the form from the portal: review and confirm it."
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Review the client's form"),
            user_id=self.practitioner_id.id,
        )
        template = self.env.ref("skinpro_needling.mail_template_screening_received")
        self.message_post_with_source(
            template, subtype_xmlid="mail.mt_comment", message_type="comment"
        )

    def _skinpro_photo_withdrawal_url(self):
        self.ensure_one()
        token = self.sudo().photo_withdrawal_token
        if not token:
            return False
        return f"/my/skinpro/photo-consent/{self.id}?access_token={token}"

    # --- photo consent --------------------------------------------------------------

    def action_withdraw_photo_consent(self):
        """The client withdrew photo consent: every photo of the client, on each
        screening and session, is deleted, and the withdrawal is logged."""
        for partner in self.partner_id:
            self.sudo()._skinpro_withdraw_photos(partner)
        return True

    def _skinpro_withdraw_photos(self, partner):
        now = fields.Datetime.now()
        screenings = self.with_context(active_test=False).search(
            [("partner_id", "=", partner.id)]
        )
        for screening in screenings:
            photos = screening.before_photo_ids
            with acting(screening):
                screening.write(
                    {
                        "before_photo_ids": [fields.Command.clear()],
                        "photo_consent_signature": False,
                        "photo_consent_withdrawn_on": now,
                        "client_photo_consent": False,
                        "photo_withdrawal_token": False,
                    }
                )
            photos.unlink()
            screening.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "The client withdrew photo consent: %(count)s photo(s) and the "
                    "photo consent signature were deleted.",
                    count=len(photos),
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.env["skinpro.treatment.session"]._skinpro_withdraw_photos(partner)
