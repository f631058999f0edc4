# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

APPROVE = sm.Action(
    "action_approve",
    _lt("Approve"),
    sources=("pending", "filed"),
    target="approved",
    sets=("approved_by_id", "approved_on"),
)
REJECT = sm.Action(
    "action_reject",
    _lt("Reject"),
    sources=("pending", "filed"),
    target="rejected",
    sets=("approved_by_id", "approved_on"),
)
# A provider's clearance filed by an accepted referral counts at once.
ACCEPTED_REFERRAL = sm.Action(
    "referral", _lt("Accept, on the referral"), target="approved", sets=APPROVE.sets
)


class SkinproScreeningClearance(models.Model):
    """A physician's written clearance for contraindications of a screening. It
    counts once a studio manager approves it, or when the provider sent it through
    an accepted referral; one the studio manager rejects never counts. Attached to a
    confirmed screening, it is kept as filed, approved or rejected."""

    _name = "skinpro.screening.clearance"
    _description = "Physician clearance"
    _inherit = ["skinpro.state.machine"]
    _check_company_auto = True
    _order = "expiry_date desc, id desc"
    # pending, and filed: awaiting approval, on a draft or a confirmed screening.
    _skinpro_machine = sm.Machine(
        state_field="state",
        states=("pending", "filed", "approved", "rejected"),
        creatable=("pending", "filed"),
        deletable=("pending",),
        actions=(APPROVE, REJECT, ACCEPTED_REFERRAL),
        locks={
            "pending": sm.Lock(("screening_id",)),
            "filed": sm.Lock(sm.ALL, instead=(APPROVE.name, REJECT.name)),
            "approved": sm.Lock(sm.ALL),
            "rejected": sm.Lock(sm.ALL),
        },
    )

    screening_id = fields.Many2one(
        "skinpro.screening",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="screening_id.company_id", store=True, index=True
    )
    contraindication_ids = fields.Many2many(
        "skinpro.contraindication",
        string="Covers",
        required=True,
        domain=[("severity", "in", ("absolute", "clearance"))],
        help="The contraindications this clearance allows treatment despite.",
    )
    physician = fields.Char(required=True)
    issue_date = fields.Date(required=True, default=fields.Date.context_today)
    expiry_date = fields.Date(required=True)
    document = fields.Binary(attachment=True, required=True)
    document_name = fields.Char()
    state = fields.Selection(
        [
            ("pending", "Awaiting approval"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="pending",
        required=True,
        copy=False,
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Decided by",
        readonly=True,
        copy=False,
        help="The studio manager who approved or rejected it.",
    )
    approved_on = fields.Datetime(string="Decided on", readonly=True, copy=False)

    @api.depends("physician")
    def _compute_display_name(self):
        for clearance in self:
            clearance.display_name = self.env._(
                "Clearance by %(physician)s", physician=clearance.physician or ""
            )

    def _skinpro_state(self):
        self.ensure_one()
        if self.state in ("approved", "rejected"):
            return self.state
        return "filed" if self.screening_id.state == "confirmed" else "pending"

    @api.model
    def _skinpro_new_state(self, vals):
        if vals.get("state") in ("approved", "rejected"):
            return vals["state"]
        screening = (
            self.env["skinpro.screening"].sudo().browse(vals.get("screening_id"))
        )
        return "filed" if screening.exists().state == "confirmed" else "pending"

    def _skinpro_state_label(self, state):
        if state == "filed":
            return self.env._("filed on a confirmed screening, awaiting approval")
        return super()._skinpro_state_label(state)

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for clearance in self:
            if clearance.expiry_date < clearance.issue_date:
                raise ValidationError(
                    self.env._(
                        "Expiry Date: the clearance by %(physician)s expires before "
                        "its Issue Date.",
                        physician=clearance.physician,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        clearances = super().create(vals_list)
        for clearance in clearances.filtered(
            lambda c: c.screening_id.state == "confirmed"
        ):
            clearance.screening_id.message_post(
                body=self.env._(
                    "Clearance by %(physician)s attached, covering %(covers)s, valid "
                    "until %(expiry)s.",
                    physician=clearance.physician,
                    covers=", ".join(clearance.contraindication_ids.mapped("name")),
                    expiry=clearance.expiry_date,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return clearances

    def action_approve(self):
        """The studio manager has checked the physician's clearance: it counts."""
        for clearance in self._skinpro_decide("approved"):
            clearance.screening_id.message_post(
                body=self.env._(
                    "Clearance by %(physician)s approved by %(user)s.",
                    physician=clearance.physician,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_reject(self):
        """The studio manager found the clearance wanting (unsigned, illegible, not
        covering the treatment): it never counts, and stays on file."""
        for clearance in self._skinpro_decide("rejected"):
            clearance.screening_id.message_post(
                body=self.env._(
                    "Clearance by %(physician)s rejected by %(user)s: it does not "
                    "clear the client. Ask the physician for a new one.",
                    physician=clearance.physician,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _skinpro_decide(self, state):
        """The clearances awaiting approval, now `state`, by the studio manager."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                self.env._("Only a studio manager may approve or reject a clearance.")
            )
        pending = self.filtered(lambda c: c.state == "pending")
        with acting(pending):
            pending.write(
                {
                    "state": state,
                    "approved_by_id": self.env.user.id,
                    "approved_on": fields.Datetime.now(),
                }
            )
        return pending

    @api.model
    def _skinpro_file_accepted(self, screening, vals):
        """A provider's clearance that came with an accepted referral: it counts
        at once, approved by whoever accepted the referral."""
        with acting(self):
            clearance = self.sudo().create(
                {
                    **vals,
                    "screening_id": screening.id,
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "approved_on": fields.Datetime.now(),
                }
            )
        screening.sudo().message_post(
            body=self.env._(
                "Clearance by %(physician)s approved by %(user)s, who accepted the "
                "referral it came with.",
                physician=clearance.physician,
                user=self.env.user.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return clearance
