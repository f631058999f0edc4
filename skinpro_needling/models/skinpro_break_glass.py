# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

REVIEW_STATES = [
    ("to_review", "To review"),
    ("accepted", "Accepted"),
    ("flagged", "Flagged"),
]


class SkinproBreakGlass(models.Model):
    """A practitioner's time-boxed, read-only access to a client's health record
    held by other studios of the chain, asked with a reason when care needs it
    (`res.partner.action_skinpro_break_glass`). The record rules of the records it
    opens read `expires_on` against the time of each query, so nothing stays
    readable once it lapses; each read is logged (`skinpro.break.glass.read`) and
    the managers of the studios holding the record review the use."""

    _name = "skinpro.break.glass"
    _description = "Break-glass access to a client's health record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "granted_on desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Practitioner", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", string="Asked from", required=True, readonly=True
    )
    owner_company_ids = fields.Many2many(
        "res.company",
        "skinpro_break_glass_owner_rel",
        "grant_id",
        "company_id",
        string="Studios holding the record",
        readonly=True,
    )
    reason = fields.Text(required=True, readonly=True)
    granted_on = fields.Datetime(required=True, readonly=True)
    expires_on = fields.Datetime(required=True, readonly=True, index=True)
    is_open = fields.Boolean(
        compute="_compute_is_open", string="Open", search="_search_is_open"
    )
    review_state = fields.Selection(
        REVIEW_STATES, default="to_review", required=True, readonly=True, tracking=True
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True)
    reviewed_on = fields.Datetime(readonly=True)
    review_note = fields.Text(readonly=True)
    read_ids = fields.One2many(
        "skinpro.break.glass.read", "grant_id", string="Reads", readonly=True
    )
    read_count = fields.Integer(compute="_compute_read_count", string="Number of reads")

    @api.depends_context("uid")
    @api.depends("expires_on")
    def _compute_is_open(self):
        now = fields.Datetime.now()
        for grant in self:
            grant.is_open = grant.expires_on > now

    def _search_is_open(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        is_open = (True in value) == (operator == "in")
        return [("expires_on", ">" if is_open else "<=", fields.Datetime.now())]

    @api.depends("read_ids")
    def _compute_read_count(self):
        for grant in self:
            grant.read_count = len(grant.sudo().read_ids)

    @api.model
    def _skinpro_grant(self, client, reason):
        """Open `client`'s records of the other studios to the user, now."""
        user = self.env.user
        if not user.has_group("skinpro_needling.group_practitioner"):
            raise AccessError(
                self.env._("Only a practitioner may ask for break-glass access.")
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._(
                    "Break-glass access to %(client)s: give the reason care needs "
                    "it; the studios holding the record review it.",
                    client=client.name,
                )
            )
        owners = self._skinpro_owners(client) - user.company_ids
        if not owners:
            raise UserError(
                self.env._(
                    "%(client)s has no health record at another studio of the chain.",
                    client=client.name,
                )
            )
        chain = self.env.company._skinpro_chain()
        now = fields.Datetime.now()
        grant = self.sudo().create(
            {
                "partner_id": client.id,
                "user_id": user.id,
                "company_id": self.env.company.id,
                "owner_company_ids": [fields.Command.set(owners.ids)],
                "reason": reason,
                "granted_on": now,
                "expires_on": now + timedelta(hours=chain.skinpro_break_glass_hours),
            }
        )
        grant._skinpro_notify_owners()
        return grant.with_env(self.env)

    @api.model
    def _skinpro_owners(self, client):
        """The studios holding a screening or session of the client."""
        found = self.env["res.company"]
        for model in ("skinpro.screening", "skinpro.treatment.session"):
            found |= (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "=", client.id)])
                .company_id
            )
        return found

    def _skinpro_notify_owners(self):
        """An activity for each manager of a studio holding the record."""
        managers = self.env["res.users"].search(
            [
                (
                    "all_group_ids",
                    "in",
                    self.env.ref("skinpro_needling.group_studio_manager").ids,
                ),
                ("company_ids", "in", self.owner_company_ids.ids),
                ("share", "=", False),
            ]
        )
        for grant in self:
            for manager in managers:
                grant.activity_schedule(
                    "skinpro_needling.mail_activity_break_glass_review",
                    user_id=manager.id,
                    date_deadline=fields.Date.context_today(grant),
                    note=grant.reason,
                )
            grant.message_post(
                body=self.env._(
                    "%(user)s asked for break-glass access until %(until)s: %(reason)s",
                    user=grant.user_id.name,
                    until=fields.Datetime.to_string(grant.expires_on),
                    reason=grant.reason,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _skinpro_records_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [
            ("partner_id", "=", self.partner_id.id),
            ("company_id", "in", self.owner_company_ids.ids),
        ]
        action["context"] = {"create": False, "edit": False}
        action["view_mode"] = "list,form"
        action["views"] = [(False, "list"), (False, "form")]
        return action

    def action_skinpro_open_records(self):
        """The client's screenings held by the other studios."""
        return self._skinpro_records_action("skinpro_needling.skinpro_screening_action")

    def action_skinpro_open_sessions(self):
        """The client's sessions held by the other studios."""
        return self._skinpro_records_action("skinpro_needling.skinpro_session_action")

    def _skinpro_check_reviewer(self):
        user = self.env.user
        for grant in self:
            if not (
                user.has_group("skinpro_needling.group_studio_manager")
                and grant.owner_company_ids & user.company_ids
            ):
                raise AccessError(
                    self.env._(
                        "Only a studio manager of a studio holding the record may "
                        "review a break-glass access."
                    )
                )

    def _skinpro_review(self, state, note=None):
        self._skinpro_check_reviewer()
        now = fields.Datetime.now()
        values = {
            "review_state": state,
            "reviewed_by_id": self.env.user.id,
            "reviewed_on": now,
            "review_note": note,
        }
        if state == "flagged":
            # A flagged use ends at once.
            values["expires_on"] = min(now, *self.mapped("expires_on"))
        self.sudo().write(values)
        self.activity_feedback(
            ["skinpro_needling.mail_activity_break_glass_review"],
            feedback=dict(REVIEW_STATES)[state],
        )
        return True

    def action_skinpro_accept(self):
        """The use was what care needed."""
        return self._skinpro_review("accepted")

    def action_skinpro_flag(self):
        """The use was not justified: it ends now, and stays flagged on file."""
        return self._skinpro_review("flagged")
