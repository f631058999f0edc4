# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """A client's photo consent by scope. The clinical record's consent is signed
    on the screening (and its withdrawal deletes every photo); marketing use is a
    consent of its own, given and withdrawn here or on the portal, each change in
    the client's chatter. The marketing gallery reads it live: a withdrawal takes
    the client out of it at once."""

    _inherit = "res.partner"

    skinpro_marketing_photo_consent = fields.Boolean(
        string="Marketing photo consent",
        readonly=True,
        tracking=True,
        groups="skinpro_needling.group_practitioner",
        help="The client agreed in writing that her before/after photos are used "
        "in the chain's marketing, until she withdraws it.",
    )
    skinpro_marketing_consent_on = fields.Datetime(
        string="Marketing consent given",
        readonly=True,
        groups="skinpro_needling.group_practitioner",
    )
    skinpro_marketing_consent_withdrawn_on = fields.Datetime(
        string="Marketing consent withdrawn",
        readonly=True,
        groups="skinpro_needling.group_practitioner",
    )

    def _skinpro_check_consent_taker(self):
        if not self.env.user.has_group("skinpro_needling.group_practitioner"):
            raise UserError(
                self.env._("Only a practitioner records a client's photo consent.")
            )

    def action_skinpro_give_marketing_consent(self):
        """The client gave written consent to the marketing use of her photos."""
        self._skinpro_check_consent_taker()
        self.sudo()._skinpro_set_marketing_consent(True)
        return True

    def action_skinpro_withdraw_marketing_consent(self):
        """The client withdrew the marketing use of her photos: the gallery no
        longer shows them, anywhere; her clinical photos stay."""
        self._skinpro_check_consent_taker()
        self.sudo()._skinpro_set_marketing_consent(False)
        return True

    def _skinpro_set_marketing_consent(self, given):
        now = fields.Datetime.now()
        for partner in self:
            if partner.skinpro_marketing_photo_consent == given:
                continue
            if given:
                values = {
                    "skinpro_marketing_photo_consent": True,
                    "skinpro_marketing_consent_on": now,
                    "skinpro_marketing_consent_withdrawn_on": False,
                }
                text = self.env._("Marketing photo consent given.")
            else:
                values = {
                    "skinpro_marketing_photo_consent": False,
                    "skinpro_marketing_consent_withdrawn_on": now,
                }
                text = self.env._(
                    "Marketing photo consent withdrawn: the client's photos left "
                    "the marketing gallery."
                )
            partner.write(values)
            partner.message_post(
                body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
            )

    def action_skinpro_compare_photos(self):
        """The client's photos, by angle across sessions, side by side."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "skinpro_photo_compare",
            "name": self.env._("Compare photos"),
            "params": {"partner_id": self.id},
        }
