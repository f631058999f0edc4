# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm
from .skinpro_clinical_record import form_action
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

REFERRAL_REASONS = [
    ("depth", "Depth requested"),
    ("contraindication", "Contraindication found"),
    ("client_request", "Client request"),
]
# A referral's state is its stage in the referrals team.
REFERRAL_STAGES = {
    "to_send": "skinpro_needling.crm_stage_referral_to_send",
    "sent": "skinpro_needling.crm_stage_referral_sent",
    "accepted": "skinpro_needling.crm_stage_referral_accepted",
    "treated": "skinpro_needling.crm_stage_referral_treated",
    "declined": "skinpro_needling.crm_stage_referral_declined",
}
# What the referral asked the provider: fixed once it is sent.
REFERRED = (
    "skinpro_is_referral",
    "type",
    "team_id",
    "partner_id",
    "company_id",
    "skinpro_provider_id",
    "skinpro_referral_reason",
    "skinpro_depth_requested_mm",
    "skinpro_contraindication_ids",
    "skinpro_screening_id",
    "skinpro_session_id",
)
# The provider's clearance: filed on the screening when the referral is accepted.
CLEARANCE = (
    "skinpro_clearance_document",
    "skinpro_clearance_document_name",
    "skinpro_clearance_expiry",
)
DECLINE = sm.Action(
    "action_skinpro_decline",
    _lt("Decline"),
    sources=("to_send", "sent", "accepted"),
    target="declined",
)
REFERRAL_MACHINE = sm.Machine(
    state_field="stage_id",
    # "lead": a lead that is no referral, whose stage is the CRM's; "other": a
    # referral in a stage the addon does not know.
    states=(*REFERRAL_STAGES, "other"),
    creatable=("to_send", "lead"),
    actions=(
        sm.Action(
            "action_skinpro_send", _lt("Send"), sources=("to_send",), target="sent"
        ),
        sm.Action(
            "action_skinpro_accept", _lt("Accept"), sources=("sent",), target="accepted"
        ),
        sm.Action(
            "action_skinpro_treated",
            _lt("Treated"),
            sources=("accepted",),
            target="treated",
        ),
        DECLINE,
    ),
    locks={
        "lead": sm.Lock(("skinpro_is_referral",)),
        "to_send": sm.Lock(("skinpro_is_referral", "type", "team_id")),
        "sent": sm.Lock(REFERRED, instead=(DECLINE.name,)),
        "accepted": sm.Lock(REFERRED + CLEARANCE, instead=(DECLINE.name,)),
        "treated": sm.Lock(REFERRED + CLEARANCE),
        "declined": sm.Lock(REFERRED + CLEARANCE),
        "other": sm.Lock(REFERRED + CLEARANCE),
    },
)


class CrmLead(models.Model):
    """Two uses of CRM: a referral to a medical provider (an opportunity of the
    'Medical referrals' team) and a new client's consultation (a lead). A
    referral's stage changes only through its actions: Send, Accept, Treated,
    Decline."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "skinpro.state.machine", "skinpro.session.month"]
    _skinpro_machine = REFERRAL_MACHINE
    # The chain dashboard counts consultations and referrals by month received.
    _skinpro_figure_fields = frozenset(
        {"company_id", "stage_id", "skinpro_is_referral"}
    )
    _skinpro_figure_date = "create_date"

    skinpro_is_referral = fields.Boolean(string="Medical referral", index=True)
    skinpro_provider_id = fields.Many2one(
        "res.partner",
        string="Medical provider",
        domain=[("skinpro_is_medical_provider", "=", True)],
        check_company=True,
        tracking=True,
    )
    skinpro_referral_reason = fields.Selection(
        REFERRAL_REASONS, string="Referral reason", tracking=True
    )
    skinpro_depth_requested_mm = fields.Float(
        string="Depth requested (mm)", digits=(4, 2)
    )
    skinpro_contraindication_ids = fields.Many2many(
        "skinpro.contraindication", string="Contraindications found"
    )
    skinpro_screening_id = fields.Many2one(
        "skinpro.screening",
        string="Screening",
        index=True,
        check_company=True,
        tracking=True,
    )
    skinpro_session_id = fields.Many2one(
        "skinpro.treatment.session", string="Session", index=True, check_company=True
    )
    skinpro_clearance_document = fields.Binary(
        string="Provider's clearance", attachment=True, copy=False
    )
    skinpro_clearance_document_name = fields.Char(copy=False)
    skinpro_clearance_expiry = fields.Date(
        string="Clearance valid until", tracking=True, copy=False
    )
    skinpro_consultation_screening_ids = fields.One2many(
        "skinpro.screening", "lead_id", string="Screenings"
    )
    skinpro_session_count = fields.Integer(compute="_compute_skinpro_session_count")
    skinpro_stage_key = fields.Char(
        string="Referral stage", compute="_compute_skinpro_stage_key"
    )

    @api.depends("skinpro_is_referral", "stage_id")
    def _compute_skinpro_stage_key(self):
        for lead in self:
            lead.skinpro_stage_key = lead._skinpro_state()

    @api.depends("partner_id")
    def _compute_skinpro_session_count(self):
        counts = dict(
            self.env["skinpro.treatment.session"]._read_group(
                [("partner_id", "in", self.partner_id.ids)], ["partner_id"], ["__count"]
            )
        )
        for lead in self:
            lead.skinpro_session_count = counts.get(lead.partner_id, 0)

    @api.model
    def _skinpro_create_referral(self, partner, company, reason, **origin):
        """A referral of `partner` by the studio `company`, in the referrals team's
        first stage. `origin`: screening, session, depth_mm, contraindications,
        provider."""
        team = self.env.ref("skinpro_needling.crm_team_medical_referrals")
        contraindications = (
            origin.get("contraindications") or self.env["skinpro.contraindication"]
        )
        screening = origin.get("screening")
        session = origin.get("session")
        provider = origin.get("provider")
        return (
            self.sudo()
            .create(
                {
                    "name": self.env._("Referral: %(client)s", client=partner.name),
                    "type": "opportunity",
                    "skinpro_is_referral": True,
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "team_id": team.id,
                    "stage_id": self.env.ref(
                        "skinpro_needling.crm_stage_referral_to_send"
                    ).id,
                    "user_id": self.env.user.id,
                    "skinpro_referral_reason": reason,
                    "skinpro_depth_requested_mm": origin.get("depth_mm", 0),
                    "skinpro_contraindication_ids": [
                        Command.set(contraindications.ids)
                    ],
                    "skinpro_screening_id": screening and screening.id,
                    "skinpro_session_id": session and session.id,
                    "skinpro_provider_id": provider and provider.id,
                }
            )
            .sudo(False)
        )

    def _skinpro_state(self):
        self.ensure_one()
        if not self.skinpro_is_referral:
            return "lead"
        return self._skinpro_state_of_stage(self.stage_id)

    @api.model
    def _skinpro_new_state(self, vals):
        if not vals.get("skinpro_is_referral"):
            return "lead"
        # No stage given: the referrals team's first one.
        stage = self.env["crm.stage"].browse(vals.get("stage_id"))
        return self._skinpro_state_of_stage(stage) if stage else "to_send"

    @api.model
    def _skinpro_state_of_stage(self, stage):
        return next(
            (
                key
                for key, xmlid in REFERRAL_STAGES.items()
                if self.env.ref(xmlid, raise_if_not_found=False) == stage
            ),
            "other",
        )

    def _skinpro_state_label(self, state):
        if state in REFERRAL_STAGES:
            return self.env.ref(REFERRAL_STAGES[state]).name
        if state == "lead":
            return self.env._("a lead")
        return self.stage_id.name

    def _skinpro_move(self, source_keys, target_key):
        """Move the referrals in one of `source_keys` to the stage `target_key`;
        refused, saying where each referral is, for any other."""
        for lead in self:
            if not lead.skinpro_is_referral:
                raise UserError(self.env._("%(lead)s is no referral.", lead=lead.name))
            if lead._skinpro_state() not in source_keys:
                raise UserError(
                    self.env._(
                        "%(referral)s is %(stage)s: it cannot move to %(target)s.",
                        referral=lead.name,
                        stage=lead.stage_id.name,
                        target=self.env.ref(REFERRAL_STAGES[target_key]).name,
                    )
                )
        with acting(self):
            self.write({"stage_id": self.env.ref(REFERRAL_STAGES[target_key]).id})

    def action_skinpro_send(self):
        """The referral goes to its medical provider."""
        if self.filtered(lambda lead: not lead.skinpro_provider_id):
            raise ValidationError(
                self.env._("Choose the medical provider before sending the referral.")
            )
        self._skinpro_move(("to_send",), "sent")
        return True

    def action_skinpro_accept(self):
        """The provider accepted the client; a clearance the provider sent with
        it is filed, approved, on the client's screening."""
        self._skinpro_move(("sent",), "accepted")
        self._skinpro_file_clearance()
        return True

    def action_skinpro_treated(self):
        self._skinpro_move(("accepted",), "treated")
        return True

    def action_skinpro_decline(self):
        self._skinpro_move(("to_send", "sent", "accepted"), "declined")
        return True

    def _skinpro_file_clearance(self):
        for lead in self.filtered("skinpro_clearance_document"):
            if not lead.skinpro_clearance_expiry:
                raise ValidationError(
                    self.env._(
                        "Give the date until which the provider's clearance is valid."
                    )
                )
            screening = lead.skinpro_screening_id
            if not screening:
                continue
            covered = lead.skinpro_contraindication_ids or screening.outcome_reason_ids
            self.env["skinpro.screening.clearance"]._skinpro_file_accepted(
                screening,
                {
                    "physician": lead.skinpro_provider_id.name
                    or self.env._("Medical provider"),
                    "contraindication_ids": [Command.set(covered.ids)],
                    "issue_date": fields.Date.context_today(lead),
                    "expiry_date": lead.skinpro_clearance_expiry,
                    "document": lead.skinpro_clearance_document,
                    "document_name": lead.skinpro_clearance_document_name,
                },
            )

    def action_skinpro_start_screening(self):
        """From a consultation: screen the client, creating the contact if needed."""
        self.ensure_one()
        if self.skinpro_is_referral:
            raise UserError(self.env._("A referral is not a consultation."))
        if not self.partner_id:
            self._handle_partner_assignment(create_missing=True)
        if not self.partner_id:
            raise UserError(self.env._("Give the client's name before screening."))
        screening = self.env["skinpro.screening"].create(
            {
                "partner_id": self.partner_id.id,
                "company_id": (self.company_id or self.env.company).id,
                "lead_id": self.id,
            }
        )
        return form_action(screening)

    def action_skinpro_send_screening_invitation(self):
        """From a consultation: invite the client to fill in the screening online."""
        self.ensure_one()
        if self.skinpro_is_referral:
            raise UserError(self.env._("A referral is not a consultation."))
        if not self.partner_id:
            self._handle_partner_assignment(create_missing=True)
        screening = self.env["skinpro.screening"]._skinpro_invitation_screening(
            self.partner_id, self.company_id or self.env.company, lead=self
        )
        return screening.action_send_invitation()

    def action_skinpro_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "skinpro_needling.skinpro_session_action"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        return action
