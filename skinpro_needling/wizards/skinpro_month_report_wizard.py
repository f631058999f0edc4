# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..report.studio_month_report import last_month


class SkinproMonthReportWizard(models.TransientModel):
    """Which studio and month to print the monthly studio report for."""

    _name = "skinpro.month.report.wizard"
    _description = "Monthly studio report"

    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        domain="[('skinpro_is_studio', '=', True), ('id', 'in', allowed_company_ids)]",
        default=lambda self: self.env.company,
    )
    month = fields.Date(
        required=True,
        default=last_month,
        help="Any day of the month to report on.",
    )

    def action_print(self):
        self.ensure_one()
        # The practitioners' working hours of that month, as their calendars
        # say today.
        self.env["skinpro.report.practitioner.month"].sudo()._skinpro_refresh_hours(
            since=self.month.replace(day=1), studios=self.company_id
        )
        return self.env.ref(
            "skinpro_needling.action_report_studio_month"
        ).report_action(
            self.company_id, data={"month": fields.Date.to_string(self.month)}
        )
