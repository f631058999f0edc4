# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .skinpro_clinical_record import form_action

REFERRAL_REASONS = [
    ("depth", "Depth requested"),
    ("contraindication", "Contraindication found"),
    ("client_request", "Client request"),
]


class CrmLead(models.Model):
    """Two uses of CRM: a referral to a medical provider (an opportunity of the
    'Medical referrals' team) and a new client's consultation (a lead)."""

    _inherit = "crm.lead"

    skinpro_is_referral = fields.Boolean(string="Medical referral", index=True)
    skinpro_provider_id = fields.Many2one(
        "res.partner",
        string="Medical provider",
        domain=[("skinpro_is_medical_provider", "=", True)],
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
        "skinpro.screening", string="Screening", index=True, tracking=True
    )
    skinpro_session_id = fields.Many2one(
        "skinpro.treatment.session", string="Session", index=True
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
                    "name": _("Referral: %(client)s", client=partner.name),
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

    def write(self, vals):
        result = super().write(vals)
        if {"stage_id", "skinpro_clearance_document", "skinpro_clearance_expiry"} & set(
            vals
        ):
            self._skinpro_file_clearance()
        return result

    def _skinpro_file_clearance(self):
        """An accepted referral with the provider's clearance files it on the
        client's screening, which the clearance then clears."""
        accepted = self.env.ref("skinpro_needling.crm_stage_referral_accepted")
        for lead in self.filtered(
            lambda r: (
                r.skinpro_is_referral
                and r.stage_id == accepted
                and r.skinpro_clearance_document
            )
        ):
            if not lead.skinpro_clearance_expiry:
                raise ValidationError(
                    _("Give the date until which the provider's clearance is valid.")
                )
            screening = lead.skinpro_screening_id
            if not screening:
                continue
            covered = lead.skinpro_contraindication_ids or screening.outcome_reason_ids
            screening.sudo().clearance_ids = [
                Command.create(
                    {
                        "physician": lead.skinpro_provider_id.name
                        or _("Medical provider"),
                        "contraindication_ids": [Command.set(covered.ids)],
                        "issue_date": fields.Date.context_today(lead),
                        "expiry_date": lead.skinpro_clearance_expiry,
                        "document": lead.skinpro_clearance_document,
                        "document_name": lead.skinpro_clearance_document_name,
                    }
                )
            ]

    @api.constrains("skinpro_is_referral", "skinpro_provider_id", "stage_id")
    def _check_skinpro_provider(self):
        to_send = self.env.ref(
            "skinpro_needling.crm_stage_referral_to_send", raise_if_not_found=False
        )
        for lead in self.filtered("skinpro_is_referral"):
            if lead.stage_id != to_send and not lead.skinpro_provider_id:
                raise ValidationError(
                    _("Choose the medical provider before sending the referral.")
                )

    def action_skinpro_start_screening(self):
        """From a consultation: screen the client, creating the contact if needed."""
        self.ensure_one()
        if self.skinpro_is_referral:
            raise UserError(_("A referral is not a consultation."))
        if not self.partner_id:
            self._handle_partner_assignment(create_missing=True)
        if not self.partner_id:
            raise UserError(_("Give the client's name before screening."))
        screening = self.env["skinpro.screening"].create(
            {
                "partner_id": self.partner_id.id,
                "company_id": (self.company_id or self.env.company).id,
                "lead_id": self.id,
            }
        )
        return form_action(screening)

    def action_skinpro_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "skinpro_needling.skinpro_session_action"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        return action
