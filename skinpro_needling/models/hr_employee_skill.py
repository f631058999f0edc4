# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

from ..rules import credentials as credential_rules

# Days before a credential lapses that its practitioner and studio manager are told.
REMINDER_DAYS = (90, 30)


class HrEmployeeSkill(models.Model):
    """A practitioner's licence or training: an `hr_skills` certification with
    the issuing body's reference."""

    _inherit = "hr.employee.skill"

    skinpro_reference = fields.Char(
        string="Reference", help="The licence's or certificate's number."
    )
    skinpro_issuer = fields.Char(
        string="Issued by", help="The state board or the training body."
    )
    skinpro_reminded_days = fields.Integer(
        string="Reminded (days ahead)",
        readonly=True,
        copy=False,
        help="The last expiry reminder sent: 90, then 30 days before it lapses.",
    )
    skinpro_blocked_session_ids = fields.Many2many(
        "skinpro.treatment.session",
        string="Booked sessions it would block",
        compute="_compute_skinpro_blocked_session_ids",
        groups="skinpro_needling.group_studio_manager",
        help="The practitioner's planned sessions after it lapses that need it, "
        "unless it is renewed.",
    )
    skinpro_blocked_session_count = fields.Integer(
        string="Sessions it would block",
        compute="_compute_skinpro_blocked_session_ids",
        groups="skinpro_needling.group_studio_manager",
    )

    @api.depends("valid_to", "skill_id", "employee_id")
    @api.depends_context("allowed_company_ids")
    def _compute_skinpro_blocked_session_ids(self):
        Session = self.env["skinpro.treatment.session"].sudo()
        for line in self:
            blocked = Session
            employee = line.employee_id.sudo()
            # Sessions are read in the studios the user works in at the moment.
            if (
                line.valid_to
                and employee.user_id
                and line.skill_type_id.skinpro_is_credential
                and employee.company_id in self.env.companies
            ):
                studio = employee.company_id
                held = studio._skinpro_credentials_held(employee.user_id, line.skill_id)
                for session in Session.search(
                    [
                        ("state", "=", "planned"),
                        ("practitioner_id", "=", employee.user_id.id),
                        ("company_id", "=", studio.id),
                        ("session_date", ">", line.valid_to),
                    ]
                ):
                    required = studio.skinpro_requirement_ids._skinpro_required_for(
                        session.product_id.skinpro_depth_mm
                    )
                    if line.skill_id in required and credential_rules.gaps(
                        line.skill_id, held, session.session_date
                    ):
                        blocked |= session
            line.skinpro_blocked_session_ids = blocked
            line.skinpro_blocked_session_count = len(blocked)

    def _skinpro_lapsing(self, today, days):
        """Whether this certificate lapses within days, not renewed."""
        self.ensure_one()
        periods = [
            (line.valid_from, line.valid_to)
            for line in self.employee_id.employee_skill_ids
            if line.skill_id == self.skill_id
        ]
        return (self.valid_from, self.valid_to) in credential_rules.lapsing(
            periods, today, days
        )

    @api.model
    def _cron_skinpro_remind_expiry(self):
        """90 and 30 days before a credential lapses (not renewed), an activity
        for the practitioner and for their studio's managers."""
        today = fields.Date.context_today(self)
        managers = self.env.ref("skinpro_needling.group_studio_manager").all_user_ids
        lines = self.search(
            [
                ("skill_type_id.skinpro_is_credential", "=", True),
                ("valid_to", ">=", today),
                ("valid_to", "<=", today + timedelta(days=max(REMINDER_DAYS))),
            ]
        )
        for line in lines:
            days_left = (line.valid_to - today).days
            stage = min(days for days in REMINDER_DAYS if days_left <= days)
            if line.skinpro_reminded_days and line.skinpro_reminded_days <= stage:
                continue
            if not line._skinpro_lapsing(today, stage):
                continue
            employee = line.employee_id
            studio_managers = managers.filtered(
                lambda user, studio=employee.company_id: (
                    studio in user.company_ids and not user.share
                )
            )
            for user in employee.user_id | studio_managers:
                employee.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=line.valid_to,
                    summary=self.env._(
                        "%(credential)s of %(employee)s lapses on %(day)s: renew it",
                        credential=line.skill_id.name,
                        employee=employee.name,
                        day=line.valid_to,
                    ),
                    user_id=user.id,
                )
            line.skinpro_reminded_days = stage
