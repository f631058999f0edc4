# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class StudioMonthReport(models.AbstractModel):
    """The monthly studio report: one page of figures per studio printed."""

    _name = "report.skinpro_needling.report_studio_month"
    _description = "Monthly studio report"

    @api.model
    def _get_report_values(self, docids, data=None):
        month = (data or {}).get("month") or (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        )
        studios = self.env["res.company"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "res.company",
            "docs": studios,
            "outcome_labels": dict(
                self.env["skinpro.report.screening"]
                ._fields["outcome"]
                ._description_selection(self.env)
            ),
            "figures": {
                studio.id: studio.skinpro_month_figures(month) for studio in studios
            },
        }
