# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import uuid
from datetime import timedelta

from odoo import fields, models

# How long a link mailed to the client opens its page.
INVITATION_DAYS = 7


class SkinproPortalLink(models.AbstractModel):
    """The client's link to a record holding health data (a screening to fill in, a
    session to re-confirm): made only when the studio mails it, valid for
    INVITATION_DAYS, and never offered as a "View" button in a client's mail."""

    _name = "skinpro.portal.link"
    _description = "Client's link to a health record"
    _inherit = ["portal.mixin"]

    access_token_expiry = fields.Datetime(copy=False, readonly=True)

    def _portal_ensure_token(self):
        # Only an invitation opens the client's link, with its expiry: a mail to
        # the client never makes one.
        return self.access_token or ""

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=False):
        groups = super()._notify_get_recipients_groups(
            message, model_description, msg_vals=msg_vals
        )
        # No "View" button in a client's mail: health data opens by the
        # invitation's link only.
        for group_name, _check, data in groups:
            if group_name in ("portal", "portal_customer"):
                data["has_button_access"] = False
        return groups

    def _skinpro_new_link(self):
        """The values of a new link, which replaces any earlier one."""
        return {
            "access_token": str(uuid.uuid4()),
            "access_token_expiry": fields.Datetime.now()
            + timedelta(days=INVITATION_DAYS),
        }

    def _skinpro_link_valid(self):
        """Whether the record has a link that has not expired."""
        self.ensure_one()
        return bool(
            self.access_token
            and self.access_token_expiry
            and self.access_token_expiry > fields.Datetime.now()
        )
