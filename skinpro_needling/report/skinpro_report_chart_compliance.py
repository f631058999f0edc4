# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class SkinproReportChartCompliance(models.Model):
    """Per studio, practitioner and month: the charts done, signed on time,
    overdue, sampled, reviewed and returned, and the median days from signing to
    review. Counts only: no health data."""

    _name = "skinpro.report.chart.compliance"
    _description = "Chart compliance"
    _auto = False
    _depends = {
        "skinpro.treatment.session": [
            "state",
            "session_date",
            "company_id",
            "practitioner_id",
            "sign_deadline",
            "signed_on",
            "review_state",
            "review_reason",
            "reviewed_on",
            "review_returned_count",
        ],
    }
    _order = "month desc, company_id, practitioner_id"
    _rec_name = "practitioner_id"

    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", readonly=True)
    done_count = fields.Integer(string="Charts done", readonly=True)
    on_time_count = fields.Integer(string="Signed on time", readonly=True)
    overdue_count = fields.Integer(
        string="Overdue",
        readonly=True,
        help="Signed after the deadline, or still unsigned past it.",
    )
    sampled_count = fields.Integer(string="Sampled", readonly=True)
    queued_count = fields.Integer(string="For review", readonly=True)
    reviewed_count = fields.Integer(string="Reviewed", readonly=True)
    returned_count = fields.Integer(string="Returned", readonly=True)
    median_days_to_review = fields.Float(
        string="Median days to review",
        digits=(16, 1),
        readonly=True,
        aggregator="avg",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT MIN(s.id) AS id,
                           date_trunc('month', s.session_date)::date AS month,
                           s.company_id,
                           s.practitioner_id,
                           COUNT(*) AS done_count,
                           COUNT(*) FILTER (
                               WHERE s.signed_on IS NOT NULL
                                 AND (s.sign_deadline IS NULL
                                      OR s.signed_on <= s.sign_deadline)
                           ) AS on_time_count,
                           COUNT(*) FILTER (
                               WHERE s.sign_deadline IS NOT NULL
                                 AND COALESCE(s.signed_on, now() AT TIME ZONE 'UTC')
                                     > s.sign_deadline
                           ) AS overdue_count,
                           COUNT(*) FILTER (
                               WHERE s.review_reason = 'sample'
                           ) AS sampled_count,
                           COUNT(*) FILTER (
                               WHERE s.review_state != 'none'
                           ) AS queued_count,
                           COUNT(*) FILTER (
                               WHERE s.reviewed_on IS NOT NULL
                           ) AS reviewed_count,
                           COUNT(*) FILTER (
                               WHERE s.review_returned_count > 0
                           ) AS returned_count,
                           percentile_cont(0.5) WITHIN GROUP (
                               ORDER BY EXTRACT(EPOCH FROM s.reviewed_on - s.signed_on)
                                        / 86400.0
                           ) FILTER (WHERE s.reviewed_on IS NOT NULL)
                               AS median_days_to_review
                      FROM skinpro_treatment_session s
                     WHERE s.state = 'done'
                     GROUP BY 2, s.company_id, s.practitioner_id
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
