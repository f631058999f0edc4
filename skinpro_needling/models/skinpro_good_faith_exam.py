# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

# How long a good-faith exam clears a client for.
VALID_MONTHS = 12

APPROVE = sm.Action(
    "action_approve",
    _lt("Approve"),
    sources=("pending",),
    target="approved",
    sets=("approved_by_id", "approved_on"),
)


class SkinproGoodFaithExam(models.Model):
    """A good-faith exam of a client by a licensed examiner (a physician, nurse
    practitioner or physician assistant), which studios of some states (California)
    require before needling: recorded as a physician's clearance is, with the
    examiner's licence; it counts once a studio manager approved it, for twelve
    months from the exam. Health data of the studio that recorded it."""

    _name = "skinpro.good.faith.exam"
    _description = "Good-faith exam"
    _inherit = ["skinpro.state.machine", "mail.thread"]
    _check_company_auto = True
    _order = "exam_date desc, id desc"
    _skinpro_machine = sm.Machine(
        state_field="state",
        states=("pending", "approved"),
        creatable=("pending",),
        deletable=("pending",),
        actions=(APPROVE,),
        locks={"approved": sm.Lock(sm.ALL)},
        computed=("valid_until",),
    )

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    examiner = fields.Char(required=True, tracking=True)
    examiner_licence = fields.Char(
        string="Examiner's licence",
        required=True,
        tracking=True,
        help="The examiner's licence number with the board that issued it.",
    )
    exam_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    valid_until = fields.Date(compute="_compute_valid_until", store=True)
    document = fields.Binary(attachment=True)
    document_name = fields.Char()
    state = fields.Selection(
        [("pending", "Awaiting approval"), ("approved", "Approved")],
        default="pending",
        required=True,
        copy=False,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)

    @api.depends("exam_date")
    def _compute_valid_until(self):
        for exam in self:
            exam.valid_until = exam.exam_date and exam.exam_date + relativedelta(
                months=VALID_MONTHS, days=-1
            )

    @api.depends("examiner", "exam_date")
    def _compute_display_name(self):
        for exam in self:
            exam.display_name = self.env._(
                "Good-faith exam by %(examiner)s on %(day)s",
                examiner=exam.examiner or "",
                day=exam.exam_date or "",
            )

    def action_approve(self):
        """The studio manager checked the exam and the examiner's licence."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                self.env._("Only a studio manager may approve a good-faith exam.")
            )
        if self.filtered(lambda exam: exam.state != "pending"):
            raise UserError(self.env._("Only an exam awaiting approval is approved."))
        with acting(self):
            self.write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "approved_on": fields.Datetime.now(),
                }
            )
        return True

    @api.model
    def _skinpro_check_examined(self, partner, studio, day):
        """Refuse a session of partner at studio on day without an approved exam
        current that day, where the studio requires one."""
        if not studio.sudo().skinpro_requires_good_faith_exam:
            return
        current = self.sudo().search_count(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", studio.id),
                ("state", "=", "approved"),
                ("exam_date", "<=", day),
                ("valid_until", ">=", day),
            ],
            limit=1,
        )
        if not current:
            raise UserError(
                self.env._(
                    "%(studio)s requires a good-faith exam by a licensed examiner "
                    "within the last %(months)s months: %(client)s has no approved "
                    "exam current on %(day)s.",
                    studio=studio.name,
                    months=VALID_MONTHS,
                    client=partner.name,
                    day=day,
                )
            )
