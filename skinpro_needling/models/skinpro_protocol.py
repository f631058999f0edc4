# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

# Days before a protocol lapses that its signatories are reminded.
REMINDER_DAYS = 7

SEND = sm.Action(
    "action_send_for_signature",
    _lt("Send for signature"),
    sources=("draft",),
    target="signing",
)
SIGN = sm.Action(
    "action_sign",
    _lt("Sign"),
    sources=("signing",),
    sets=("director_signed_on",),
)
# The last signature makes it active for a year.
ALL_SIGNED = sm.Action(
    "all_signed",
    _lt("the last signature"),
    sources=("signing",),
    target="active",
    sets=("valid_from", "valid_until"),
)
REMIND = sm.Action(
    "reminder",
    _lt("the reminder before the protocol lapses"),
    sources=("active",),
    sets=("reminded",),
)
CONTENT = (
    "name",
    "company_id",
    "product_tmpl_id",
    "max_depth_mm",
    "document",
    "document_name",
    "medical_director_id",
    "practitioner_ids",
)


class SkinproProtocol(models.Model):
    """A studio's standing order for a treatment: the document and the depths it
    covers, signed by the medical director and by each practitioner who performs
    it. It is active from the last signature for one year; a change makes a new
    protocol. Where the studio requires protocols, a session needs one active on
    its day, covering its depth and signed by its practitioner."""

    _name = "skinpro.protocol"
    _description = "Treatment protocol"
    _inherit = ["skinpro.state.machine", "mail.thread", "mail.activity.mixin"]
    _check_company_auto = True
    _order = "valid_until desc, id desc"
    _skinpro_machine = sm.Machine(
        state_field="state",
        states=("draft", "signing", "active"),
        creatable=("draft",),
        deletable=("draft",),
        actions=(SEND, SIGN, ALL_SIGNED, REMIND),
        locks={
            "signing": sm.Lock(CONTENT),
            "active": sm.Lock(sm.ALL, but=("reminded",)),
        },
    )

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Treatment",
        required=True,
        domain=[("skinpro_is_needling", "=", True)],
        check_company=True,
        tracking=True,
    )
    max_depth_mm = fields.Float(
        string="Covers depths up to (mm)", digits=(4, 2), required=True, tracking=True
    )
    document = fields.Binary(attachment=True, copy=True)
    document_name = fields.Char()
    medical_director_id = fields.Many2one(
        "res.users",
        string="Medical director",
        required=True,
        domain=lambda self: [
            (
                "all_group_ids",
                "in",
                self.env.ref("skinpro_needling.group_skinpro_medical_director").ids,
            )
        ],
        tracking=True,
    )
    practitioner_ids = fields.Many2many(
        "res.users", string="Performed by", required=True, tracking=True
    )
    director_signed_on = fields.Datetime(
        string="Signed by the director on", readonly=True, copy=False
    )
    signature_ids = fields.One2many(
        "skinpro.protocol.signature", "protocol_id", string="Signatures", copy=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signing", "Awaiting signatures"), ("active", "Signed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    valid_from = fields.Date(readonly=True, copy=False, tracking=True)
    valid_until = fields.Date(readonly=True, copy=False, tracking=True, index=True)
    reminded = fields.Boolean(readonly=True, copy=False)
    awaiting_ids = fields.Many2many(
        "res.users",
        string="Awaiting the signature of",
        compute="_compute_awaiting_ids",
    )

    @api.depends(
        "director_signed_on", "signature_ids", "practitioner_ids", "medical_director_id"
    )
    def _compute_awaiting_ids(self):
        for protocol in self:
            awaiting = protocol.practitioner_ids - protocol.signature_ids.user_id
            if not protocol.director_signed_on:
                awaiting |= protocol.medical_director_id
            protocol.awaiting_ids = awaiting

    @api.constrains("max_depth_mm")
    def _check_max_depth(self):
        if any(protocol.max_depth_mm <= 0 for protocol in self):
            raise ValidationError(
                self.env._("Covers depths up to (mm): a protocol covers some depth.")
            )

    def action_send_for_signature(self):
        for protocol in self:
            if protocol.state != "draft":
                raise UserError(
                    self.env._("Only a draft protocol is sent for signature.")
                )
        with acting(self):
            self.write({"state": "signing"})
        for protocol in self:
            for user in protocol.awaiting_ids:
                protocol.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Sign the protocol"),
                    user_id=user.id,
                )
        return True

    def action_sign(self):
        """The current user signs: as the medical director, or as a practitioner
        who performs the treatment."""
        user = self.env.user
        for protocol in self:
            if protocol.state != "signing":
                raise UserError(
                    self.env._("Only a protocol awaiting signatures is signed.")
                )
            if user not in protocol.awaiting_ids:
                raise UserError(
                    self.env._(
                        "%(user)s is not awaited on %(protocol)s: the medical director "
                        "and each practitioner who performs it sign it, once.",
                        user=user.name,
                        protocol=protocol.name,
                    )
                )
            # Signing is the signatory's own act: the server records it for them.
            signed = protocol.sudo()
            now = fields.Datetime.now()
            with acting(signed), acting(signed.signature_ids):
                if user == protocol.medical_director_id:
                    signed.director_signed_on = now
                if user in protocol.practitioner_ids:
                    signed.signature_ids.create(
                        {
                            "protocol_id": protocol.id,
                            "user_id": user.id,
                            "signed_on": now,
                        }
                    )
            signed.activity_ids.filtered(lambda a, u=user: a.user_id == u).action_done()
            if not signed.awaiting_ids:
                today = fields.Date.context_today(protocol)
                with acting(signed):
                    signed.write(
                        {
                            "state": "active",
                            "valid_from": today,
                            "valid_until": today + relativedelta(years=1, days=-1),
                        }
                    )
        return True

    def action_renew(self):
        """A new draft with the same content, to sign for the next year."""
        self.ensure_one()
        renewal = self.copy({"name": self.name})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": renewal.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _skinpro_covers(self, user, depth_mm, day):
        """Whether one of these protocols is active on day for a treatment of
        depth_mm performed by user."""
        return any(
            protocol.state == "active"
            and protocol.valid_from <= day <= protocol.valid_until
            and depth_mm <= protocol.max_depth_mm + 0.005
            and user in protocol.signature_ids.user_id
            for protocol in self
        )

    @api.model
    def _cron_skinpro_remind_lapsing(self):
        """The signatories of a protocol that lapses within a week are reminded."""
        today = fields.Date.context_today(self)
        lapsing = self.search(
            [
                ("state", "=", "active"),
                ("reminded", "=", False),
                ("valid_until", ">=", today),
                ("valid_until", "<=", today + relativedelta(days=REMINDER_DAYS)),
            ]
        )
        for protocol in lapsing:
            for user in protocol.medical_director_id | protocol.practitioner_ids:
                protocol.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=protocol.valid_until,
                    summary=self.env._(
                        "Protocol lapses on %(day)s: renew it", day=protocol.valid_until
                    ),
                    user_id=user.id,
                )
        with acting(lapsing):
            lapsing.write({"reminded": True})
