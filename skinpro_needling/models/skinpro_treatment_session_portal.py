# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .skinpro_state_machine import acting


class SkinproTreatmentSession(models.Model):
    """A planned session's re-confirmation, answered by the client on the portal
    before the visit, by a link that opens this session's questions only."""

    _name = "skinpro.treatment.session"
    _inherit = ["skinpro.treatment.session", "skinpro.portal.link"]

    access_token_expiry = fields.Datetime(string="Re-confirmation link valid until")
    reconfirmed_on = fields.Datetime(
        string="Re-confirmed online",
        copy=False,
        readonly=True,
        tracking=True,
        help="When the client answered the re-confirmation from the portal.",
    )

    def _compute_access_url(self):
        for session in self:
            session.access_url = f"/my/skinpro/session/{session.id}"

    def action_send_screening_invitation(self):
        """Invite the session's client to fill in the screening beforehand."""
        self.ensure_one()
        screening = self.env["skinpro.screening"]._skinpro_invitation_screening(
            self.partner_id, self.company_id
        )
        return screening.action_send_invitation()

    def action_send_reconfirmation(self):
        """Mail the client the link to re-confirm the session's questions."""
        template = self.env.ref("skinpro_needling.mail_template_session_reconfirmation")
        for session in self:
            if session.state != "planned" or not session.reconfirmation_ids:
                raise UserError(
                    self.env._(
                        "%(session)s has nothing to re-confirm: only a planned session "
                        "with re-confirmation questions does.",
                        session=session.display_name,
                    )
                )
            if not session.partner_id.email:
                raise UserError(
                    self.env._(
                        "%(client)s has no email address: add it on the client's form "
                        "first.",
                        client=session.partner_id.name,
                    )
                )
            session.write(session._skinpro_new_link())
            session.message_post_with_source(
                template, subtype_xmlid="mail.mt_comment", message_type="comment"
            )
        return True

    @api.model
    def _cron_send_reconfirmations(self):
        """Two days before each planned session, the client gets the link."""
        now = fields.Datetime.now()
        sessions = self.sudo().search(
            [
                ("state", "=", "planned"),
                ("planned_start", ">", now),
                ("planned_start", "<=", now + timedelta(days=2)),
                ("reconfirmed_on", "=", False),
                ("access_token", "=", False),
                ("reconfirmation_ids", "!=", False),
                ("partner_id.email", "!=", False),
            ]
        )
        sessions.action_send_reconfirmation()

    def _skinpro_portal_open(self):
        self.ensure_one()
        return self.state == "planned" and self._skinpro_link_valid()

    def _skinpro_portal_reconfirm(self, answers):
        """`answers`: {re-confirmation line: 'yes' or 'no'}, one per question."""
        self.ensure_one()
        for answer in ("yes", "no"):
            lines = self.reconfirmation_ids.filtered(
                lambda r, a=answer: answers.get(r) == a
            )
            lines.write({"answer": answer})
        with acting(self):
            self.write(
                {
                    "reconfirmed_on": fields.Datetime.now(),
                    "access_token": False,
                    "access_token_expiry": False,
                }
            )
        self.message_post(
            body=self.env._("The client re-confirmed the questions from the portal."),
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def _skinpro_withdraw_photos(self, partner):
        sessions = self.sudo().search(
            [
                ("partner_id", "=", partner.id),
                ("before_photo", "!=", False),
                # A signed chart keeps the photo it was signed with.
                ("signed_on", "=", False),
            ]
        )
        for session in sessions:
            with acting(session):
                session.write({"before_photo": False})
            session.message_post(
                body=self.env._(
                    "The client withdrew photo consent: the before photo was deleted."
                ),
                subtype_xmlid="mail.mt_note",
            )
