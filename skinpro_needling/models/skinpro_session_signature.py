# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import chart_review
from .skinpro_session_machine import SIGNED
from .skinpro_state_machine import acting

# What a signature covers: the clinical record, as the practitioner signed it.
SIGNED_FIELDS = (
    "partner_id",
    "company_id",
    "product_id",
    "practitioner_id",
    "screening_id",
    "date_start",
    "date_end",
    "depth_limit_mm",
    "depth_class",
    "history_reviewed",
    "before_photo",
    "anaesthetic_applied",
    "aftercare_handed",
    "finishing_product",
    "led_microcurrent",
    "note",
    "adverse_event",
    "adverse_event_type",
    "adverse_event_severity",
    "adverse_event_description",
    "anaesthetic_grams",
    "depth_breach",
    "depth_breach_reviewed_by_id",
    "depth_breach_reason",
    "consumed_lot_ids",
    "recall_id",
    "spacing_overridden_by_id",
    "shortage_overridden_by_id",
)


class SkinproTreatmentSession(models.Model):
    """The chart of a done session, signed by its practitioner within the studio's
    deadline: from then on it is locked (the state machine's `signed` state), and
    only addenda add to it. The signature keeps a digest of what was signed."""

    _name = "skinpro.treatment.session"
    _inherit = ["skinpro.treatment.session", "skinpro.session.review"]

    sign_deadline = fields.Datetime(
        string="Sign by",
        readonly=True,
        copy=False,
        help="When the session completed, plus the studio's hours to sign a chart. "
        "Empty for sessions done before charts were signed.",
    )
    signed_on = fields.Datetime(readonly=True, copy=False, tracking=True, index=True)
    signed_by_id = fields.Many2one(
        "res.users", string="Signed by", readonly=True, copy=False
    )
    signature_digest = fields.Char(
        readonly=True,
        copy=False,
        help="SHA-256 of the chart as signed: its clinical fields, depths, "
        "re-confirmation answers and the addenda it had then.",
    )
    signed_addenda = fields.Integer(
        string="Addenda signed",
        readonly=True,
        copy=False,
        help="How many addenda, in their order, the last signature covers.",
    )
    signature_intact = fields.Boolean(
        compute="_compute_signature_intact",
        help="False when the signed chart no longer matches its digest: it was "
        "changed outside the application.",
    )
    sign_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_sign_overdue",
        search="_search_sign_overdue",
        help="Still unsigned past its deadline.",
    )
    addenda_to_sign = fields.Boolean(
        compute="_compute_addenda_to_sign",
        help="Addenda were added since the chart was last signed.",
    )
    addendum_ids = fields.One2many(
        "skinpro.session.addendum", "session_id", string="Addenda", readonly=True
    )

    def _skinpro_state(self):
        state = super()._skinpro_state()
        if state == "done" and self.sudo().signed_on:
            return SIGNED
        return state

    def _skinpro_state_label(self, state):
        if state == SIGNED:
            return self.env._("signed")
        return super()._skinpro_state_label(state)

    @api.depends("addendum_ids", "signed_addenda")
    def _compute_addenda_to_sign(self):
        for session in self:
            session.addenda_to_sign = bool(session.signed_on) and (
                len(session.addendum_ids) > session.signed_addenda
            )

    def _compute_signature_intact(self):
        for session in self:
            session.signature_intact = not session.signed_on or (
                session.signature_digest == session._skinpro_chart_digest()
            )

    @api.depends("sign_deadline", "signed_on")
    def _compute_sign_overdue(self):
        now = fields.Datetime.now()
        for session in self:
            session.sign_overdue = not session.signed_on and chart_review.is_overdue(
                session.sign_deadline, session.signed_on, now
            )

    def _search_sign_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        overdue = [
            ("signed_on", "=", False),
            ("sign_deadline", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == value:
            return overdue
        return ["!", *overdue]

    def _skinpro_chart_content(self, addenda_count):
        """What a signature covers, in plain values."""
        self.ensure_one()
        session = self.sudo()
        content = {}
        for name in SIGNED_FIELDS:
            field = session._fields[name]
            value = session[name]
            if field.type == "many2one":
                value = value.id
            elif field.type in ("many2many", "one2many"):
                value = sorted(value.ids)
            elif field.type == "binary":
                value = value and hashlib.sha256(base64.b64decode(value)).hexdigest()
            content[name] = value
        content["depths"] = [
            (line.area_id.id, line.depth_mm, line.is_breach)
            for line in session.depth_line_ids.sorted("id")
        ]
        content["reconfirmations"] = [
            (line.contraindication_id.id, line.answer)
            for line in session.reconfirmation_ids.sorted("id")
        ]
        content["addenda"] = [
            (
                addendum.id,
                addendum.author_id.id,
                addendum.date,
                addendum.reason,
                addendum.body,
            )
            for addendum in session.addendum_ids.sorted("id")[:addenda_count]
        ]
        return content

    def _skinpro_chart_digest(self):
        self.ensure_one()
        return chart_review.digest(self._skinpro_chart_content(self.signed_addenda))

    def _complete(self, override_shortage):
        result = super()._complete(override_shortage)
        hours = self.company_id.skinpro_chart_sign_hours
        with acting(self):
            self.write(
                {"sign_deadline": chart_review.sign_deadline(self.date_end, hours)}
            )
        return result

    # --- signing --------------------------------------------------------------------

    def action_sign(self):
        """The practitioner signs the chart of their done session; again after an
        addendum, to sign it too."""
        for session in self:
            session._skinpro_sign()
        return True

    def _skinpro_sign(self):
        self.ensure_one()
        if self.state != "done":
            raise UserError(
                self.env._(
                    "%(session)s: only the chart of a done session is signed.",
                    session=self.display_name,
                )
            )
        if self.practitioner_id != self.env.user:
            raise UserError(
                self.env._(
                    "%(session)s: only its practitioner, %(practitioner)s, signs "
                    "this chart.",
                    session=self.display_name,
                    practitioner=self.practitioner_id.name,
                )
            )
        resign = bool(self.signed_on)
        if resign and not self.addenda_to_sign:
            raise UserError(
                self.env._(
                    "%(session)s is already signed: add an addendum to correct it, "
                    "then sign again.",
                    session=self.display_name,
                )
            )
        count = len(self.addendum_ids)
        digest = chart_review.digest(self._skinpro_chart_content(count))
        with acting(self):
            self.write(
                {
                    "signed_on": fields.Datetime.now(),
                    "signed_by_id": self.env.user.id,
                    "signed_addenda": count,
                    "signature_digest": digest,
                }
            )
        self.message_post(
            body=self.env._(
                "Chart signed by %(user)s (SHA-256 %(digest)s).",
                user=self.env.user.name,
                digest=digest,
            ),
            subtype_xmlid="mail.mt_note",
        )
        self._skinpro_activities_done("skinpro_needling.mail_activity_chart_overdue")
        self._skinpro_queue_signed(resign)

    def _skinpro_activities_done(self, xmlid):
        activity_type = self.env.ref(xmlid)
        self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).action_feedback(feedback=self.env._("Chart signed."))

    # --- the deadline -----------------------------------------------------------------

    @api.model
    def _cron_skinpro_chart_deadline(self):
        """An activity for the practitioner of each chart past its deadline."""
        activity_type = self.env.ref("skinpro_needling.mail_activity_chart_overdue")
        overdue = self.sudo().search(
            [
                ("state", "=", "done"),
                ("signed_on", "=", False),
                ("sign_overdue", "=", True),
            ]
        )
        for session in overdue:
            if activity_type in session.activity_ids.activity_type_id:
                continue
            session.activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Sign the chart: past its deadline"),
                user_id=session.practitioner_id.id,
                date_deadline=fields.Date.context_today(session),
            )
