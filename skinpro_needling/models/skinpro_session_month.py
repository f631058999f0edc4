# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# What the monthly figures (skinpro.report.session.month) count of a session, and
# what its month and studio come from.
FIGURE_FIELDS = {
    "state",
    "company_id",
    "product_id",
    "planned_start",
    "date_start",
    "date_end",
    "pos_order_line_id",
    "consumables_cost",
    "depth_breach",
    "practitioner_id",
    "partner_id",
    "duration",
    "cancellation",
}


class SkinproSessionMonth(models.AbstractModel):
    """A record's side of the monthly figures (a session, a consultation or
    referral, a screening): one created, changed or deleted in a folded month has
    that month read from its records again, until the night folds it anew."""

    _name = "skinpro.session.month"
    _description = "Record's side of the monthly figures"
    # What the figures count of the record, and the field its month comes from.
    _skinpro_figure_fields = FIGURE_FIELDS
    _skinpro_figure_date = "session_date"
    # A record also counts in the figures of the days this many days before it
    # (a session: whether the client's previous sessions were rebooked).
    _skinpro_figure_lookback_days = 0

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._skinpro_mark_months()
        return sessions

    def write(self, vals):
        folded = self.env["skinpro.report.session.month"]._folded_until()
        if not folded or not self._skinpro_figure_fields.intersection(vals):
            return super().write(vals)
        before = self._skinpro_months()
        result = super().write(vals)
        self._skinpro_mark_months(before)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_mark_months(self):
        self._skinpro_mark_months()

    def _skinpro_months(self):
        months = set()
        for record in self:
            day = record[self._skinpro_figure_date]
            if day and record.company_id:
                day = fields.Date.to_date(day)
                month = day.replace(day=1)
                earliest = day - timedelta(days=self._skinpro_figure_lookback_days)
                while month >= earliest.replace(day=1):
                    months.add((record.company_id.id, month))
                    month -= relativedelta(months=1)
        return months

    def _skinpro_mark_months(self, months=frozenset()):
        month_figures = self.env["skinpro.report.session.month"]
        if month_figures._folded_until():
            month_figures._mark_changed(months | self._skinpro_months())
