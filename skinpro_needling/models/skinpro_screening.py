# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..rules import screening as rules
from ..rules import state_machine as sm
from .skinpro_clinical_record import form_action
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

OUTCOMES = [
    (rules.CLEARED, "Cleared"),
    (rules.CLEARANCE_REQUIRED, "Clearance required"),
    (rules.DEFERRED, "Deferred"),
    (rules.REFER, "Refer"),
]

# A change after confirmation is a new screening.
NEW_SCREENING = sm.Action(
    "action_new_screening", _lt("New screening"), sources=("confirmed",)
)
# The client's form sent from the portal: the practitioner still confirms it.
PORTAL_SUBMISSION = sm.Action(
    "portal_submission",
    _lt("the client's form sent from the portal"),
    sources=("draft",),
    sets=("form_received_on",),
)
# Photos are kept only while the client consents to them.
WITHDRAW_PHOTO_CONSENT = sm.Action(
    "action_withdraw_photo_consent",
    _lt("Withdraw photo consent"),
    sources=("draft", "confirmed"),
    sets=("photo_consent_withdrawn_on",),
)
SCREENING_MACHINE = sm.Machine(
    state_field="state",
    states=("draft", "confirmed"),
    creatable=("draft",),
    deletable=("draft",),
    actions=(
        sm.Action(
            "action_confirm",
            _lt("Confirm"),
            sources=("draft",),
            target="confirmed",
            sets=("confirmed_on",),
        ),
        NEW_SCREENING,
        PORTAL_SUBMISSION,
        WITHDRAW_PHOTO_CONSENT,
    ),
    # A confirmed screening takes new clearances, and is archived by retention.
    locks={
        "confirmed": sm.Lock(
            sm.ALL, but=("clearance_ids", "active"), instead=(NEW_SCREENING.name,)
        )
    },
    # Computed by rules/screening.py from the answers and clearances.
    computed=("name", "outcome", "outcome_reason_ids", "deferred_until", "valid_until"),
)


class SkinproScreening(models.Model):
    """A client's contraindication screening at one studio: health data.

    Its outcome is computed from the answers and the approved clearances, never
    typed. Once confirmed it is locked: a change means a new screening. Only a
    clearance may still be attached, and counts once a studio manager approves it.
    """

    _name = "skinpro.screening"
    _description = "Client screening"
    _inherit = ["skinpro.clinical.record", "skinpro.session.month"]
    # The chain dashboard counts confirmed screenings by outcome and month.
    _skinpro_figure_fields = frozenset({"company_id", "date", "state", "outcome"})
    _skinpro_figure_date = "date"
    _skinpro_machine = SCREENING_MACHINE
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    answer_ids = fields.One2many(
        "skinpro.screening.answer",
        "screening_id",
        string="Answers",
        default=lambda self: self._default_answer_ids(),
    )
    clearance_ids = fields.One2many(
        "skinpro.screening.clearance", "screening_id", string="Physician clearances"
    )
    outcome = fields.Selection(
        OUTCOMES,
        compute="_compute_outcome",
        store=True,
        tracking=True,
        help="Computed from the answers and clearances; empty while questions are "
        "unanswered.",
    )
    outcome_reason_ids = fields.Many2many(
        "skinpro.contraindication",
        string="Because of",
        compute="_compute_outcome",
        store=True,
        help="The contraindications that decided the outcome: for clearance required, "
        "the clearances still missing.",
    )
    deferred_until = fields.Date(compute="_compute_outcome", store=True, tracking=True)
    valid_until = fields.Date(compute="_compute_outcome", store=True, tracking=True)
    consent_signature = fields.Binary(
        string="Consent signature", attachment=True, copy=False
    )
    photo_consent_signature = fields.Binary(
        string="Photo consent signature", attachment=True, copy=False
    )
    before_photo_ids = fields.Many2many(
        "ir.attachment",
        "skinpro_screening_before_photo_rel",
        "screening_id",
        "attachment_id",
        string="Before photos",
        copy=False,
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Consultation",
        index=True,
        check_company=True,
        help="The lead the client came from.",
    )
    referral_ids = fields.One2many(
        "crm.lead", "skinpro_screening_id", string="Referrals"
    )
    note = fields.Text(string="Notes")
    active = fields.Boolean(default=True, tracking=True)
    confirmed_on = fields.Datetime(readonly=True, copy=False)

    @api.model
    def _default_answer_ids(self):
        return [
            Command.create({"contraindication_id": contraindication.id})
            for contraindication in self._questions()
        ]

    def _questions(self):
        """Every active question of the catalogue is asked."""
        return self.env["skinpro.contraindication"].search([("active", "=", True)])

    @api.depends("partner_id.name", "date")
    def _compute_name(self):
        for screening in self:
            screening.name = " - ".join(
                filter(None, [screening.partner_id.name, str(screening.date or "")])
            )

    @api.depends(
        "date",
        "company_id",
        "answer_ids.answer",
        "answer_ids.date",
        "clearance_ids.contraindication_ids",
        "clearance_ids.expiry_date",
        "clearance_ids.state",
    )
    def _compute_outcome(self):
        Contraindication = self.env["skinpro.contraindication"]
        for screening in self:
            clearances = screening._clearances_in_use()
            answers = [
                rules.Answer(
                    code=line.contraindication_id.code,
                    severity=line.contraindication_id.severity,
                    answer=line.answer or None,
                    waiting_days=line.contraindication_id.waiting_days,
                    event_date=line.date or None,
                    cleared=line.contraindication_id in clearances.contraindication_ids,
                )
                for line in screening.answer_ids
            ]
            if not answers or rules.unanswered(answers) or not screening.date:
                screening.update(
                    {
                        "outcome": False,
                        "outcome_reason_ids": [Command.clear()],
                        "deferred_until": False,
                        "valid_until": False,
                    }
                )
                continue
            result = rules.evaluate(answers, screening.date)
            screening.update(
                {
                    "outcome": result.outcome,
                    "outcome_reason_ids": [
                        Command.set(
                            Contraindication.with_context(active_test=False)
                            .search([("code", "in", result.reasons)])
                            .ids
                        )
                    ],
                    "deferred_until": result.deferred_until,
                    "valid_until": rules.valid_until(
                        screening.date,
                        screening.company_id._skinpro_chain().skinpro_screening_validity_days,
                        clearances.mapped("expiry_date"),
                    ),
                }
            )

    def _clearances_in_use(self):
        """The approved clearances valid on the screening's day that cover a
        contraindication the client answered yes to."""
        self.ensure_one()
        answered_yes = self.answer_ids.filtered(lambda a: a.answer == "yes")
        return self.clearance_ids.filtered(
            lambda c: (
                c.state == "approved"
                and c.expiry_date
                and self.date
                and c.expiry_date >= self.date
                and c.contraindication_ids & answered_yes.contraindication_id
            )
        )

    def _skinpro_status_on(self, day):
        """What this confirmed screening says about its client on `day`: its
        outcome, cleared once a deferral ended, `none` once expired."""
        self.ensure_one()
        return rules.status_on(self.outcome, day, self.valid_until, self.deferred_until)

    @api.model
    def _skinpro_cleared_screening(self, client, studio, day):
        """The client's screening at the studio when it clears the client for a
        session on `day`; otherwise refused, saying why."""
        screening = (
            self.env["res.partner"]
            .with_company(studio)
            ._skinpro_current_screenings([client.id])
            .get(client.id)
        )
        if not screening:
            raise UserError(
                self.env._(
                    "%(client)s has no confirmed screening at %(studio)s: screen the "
                    "client first.",
                    client=client.name,
                    studio=studio.name,
                )
            )
        status = screening._skinpro_status_on(day)
        reasons = ", ".join(screening.outcome_reason_ids.mapped("name"))
        messages = {
            rules.NONE: self.env._(
                "The screening of %(client)s expired on %(date)s: screen the client "
                "again.",
                client=client.name,
                date=screening.valid_until,
            ),
            rules.DEFERRED: self.env._(
                "%(client)s is deferred until %(date)s (%(reasons)s).",
                client=client.name,
                date=screening.deferred_until,
                reasons=reasons,
            ),
            rules.REFER: self.env._(
                "%(client)s is referred to a medical provider (%(reasons)s): the "
                "studio cannot treat the client.",
                client=client.name,
                reasons=reasons,
            ),
            rules.CLEARANCE_REQUIRED: self.env._(
                "%(client)s needs a physician's clearance first, for: %(reasons)s.",
                client=client.name,
                reasons=reasons,
            ),
        }
        if status in messages:
            raise UserError(messages[status])
        return screening

    @api.model_create_multi
    def create(self, vals_list):
        screenings = super().create(vals_list)
        screenings._add_missing_questions()
        return screenings

    def _add_missing_questions(self):
        """Every active question is asked, whatever the caller passed."""
        active = self._questions()
        missing = [
            {"screening_id": screening.id, "contraindication_id": contraindication.id}
            for screening in self
            for contraindication in active - screening.answer_ids.contraindication_id
        ]
        self.env["skinpro.screening.answer"].create(missing)

    def action_confirm(self):
        # Already confirmed (a second click, a colleague at the same moment): done.
        drafts = self.filtered(lambda s: s.state == "draft")
        for screening in drafts:
            screening._check_confirmable()
        with acting(drafts):
            drafts.write({"state": "confirmed", "confirmed_on": fields.Datetime.now()})
        return True

    def _check_confirmable(self):
        self.ensure_one()
        unanswered = self.answer_ids.filtered(lambda a: not a.answer)
        if unanswered:
            raise UserError(
                self.env._(
                    "Answers: answer every question before confirming the "
                    "screening of %(client)s. Unanswered: %(questions)s",
                    client=self.partner_id.name,
                    questions="; ".join(unanswered.mapped("question")),
                )
            )
        undated = self.answer_ids.filtered(lambda a: a.date_needed and not a.date)
        if undated:
            raise UserError(
                self.env._(
                    "Give the date the waiting period runs from for: %(questions)s",
                    questions="; ".join(undated.mapped("question")),
                )
            )
        if not self.consent_signature:
            raise UserError(
                self.env._(
                    "The client's consent signature is missing: have the client sign."
                )
            )
        if self.before_photo_ids and not self.photo_consent_signature:
            raise UserError(
                self.env._(
                    "Before photos are attached but the Photo consent signature is "
                    "missing: have the client sign the photo consent."
                )
            )

    @api.model
    def _cron_archive_past_retention(self):
        """Archive the screenings older than their chain's retention period. Only
        screenings: sessions, stock, POS orders and accounting stay as they are."""
        # The scheduler runs this in its user's own company: the job is the
        # system's, over every studio of every chain.
        screenings = self.sudo()
        chains = screenings.env["res.company"].search(
            [("parent_id", "=", False), ("skinpro_retention_years", ">", 0)]
        )
        for chain in chains:
            before = fields.Date.context_today(self) - relativedelta(
                years=chain.skinpro_retention_years
            )
            screenings.search(
                [("company_id", "child_of", chain.id), ("date", "<", before)]
            ).write({"active": False})

    def action_new_screening(self):
        """A change after confirmation is a new screening of the same client."""
        self.ensure_one()
        new = self.create(
            {"partner_id": self.partner_id.id, "company_id": self.company_id.id}
        )
        return form_action(new)

    def action_create_referral(self):
        """Refer the client to a medical provider for what this screening found."""
        self.ensure_one()
        if self.outcome not in (rules.REFER, rules.CLEARANCE_REQUIRED):
            raise UserError(
                self.env._(
                    "Only a screening that refers the client or needs a physician's "
                    "clearance leads to a referral."
                )
            )
        referral = self.env["crm.lead"]._skinpro_create_referral(
            partner=self.partner_id,
            company=self.company_id,
            reason="contraindication",
            screening=self,
            contraindications=self.outcome_reason_ids,
        )
        return form_action(referral)
