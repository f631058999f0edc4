# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class StudioMonthReport(models.AbstractModel):
    """The monthly studio report's chart compliance: per practitioner."""

    _inherit = "report.skinpro_needling.report_studio_month"

    @api.model
    @api.readonly
    def _studio_figures(self, studio, month):
        figures = super()._studio_figures(studio, month)
        start = fields.Date.to_date(month).replace(day=1)
        figures["charts"] = self.env["skinpro.report.chart.compliance"].search(
            [
                ("company_id", "=", studio.id),
                ("month", ">=", start),
                ("month", "<", start + relativedelta(months=1)),
            ],
            order="practitioner_id",
        )
        return figures
