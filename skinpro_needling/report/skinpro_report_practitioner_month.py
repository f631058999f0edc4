# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..rules import attendance as attendance_rules
from .skinpro_report_session_month import CHANGED

FOLDED = "skinpro_practitioner_month_folded"
HOURS = "skinpro_practitioner_month_hours"
# The sessions' counts, per studio, practitioner, month and treatment: what the
# night folds for the months before the dashboard's cut.
SESSION_COLUMNS = (
    "appointment_count",
    "session_count",
    "no_show_count",
    "late_cancel_count",
    "rebooked_count",
    "session_hours",
    "revenue",
    "consumables_cost",
)
# The other counts, read from their records at every read: working hours (a row
# per practitioner and month), courses, referrals and consultations.
OTHER_COLUMNS = (
    "working_hours",
    "course_count",
    "course_completed_count",
    "referral_count",
    "referral_accepted_count",
    "referral_timed_count",
    "referral_days",
    "consultation_count",
    "consultation_treated_count",
    "consultation_days",
)
# Each figure a ratio of two sums, in the view's rows and in every grouping of the
# pivot: {field: (numerator, denominator, factor)}.
RATIOS = {
    "rebooking_rate": ("rebooked_count", "session_count", 100),
    "course_completion_rate": ("course_completed_count", "course_count", 100),
    "no_show_rate": ("no_show_count", "appointment_count", 100),
    "late_cancel_rate": ("late_cancel_count", "appointment_count", 100),
    "utilisation": ("session_hours", "working_hours", 100),
    "revenue_per_hour": ("revenue", "working_hours", 1),
    "cost_per_session": ("consumables_cost", "session_count", 1),
    "margin_per_session": ("margin", "session_count", 1),
    "referral_conversion": ("referral_accepted_count", "referral_count", 100),
    "days_to_acceptance": ("referral_days", "referral_timed_count", 1),
    "consultation_conversion": (
        "consultation_treated_count",
        "consultation_count",
        100,
    ),
    "days_to_first_session": ("consultation_days", "consultation_treated_count", 1),
}


class SkinproReportPractitionerMonth(models.Model):
    """The figures chain managers compare studios and practitioners by, per studio,
    practitioner and month: rebooking, course completion, no-shows and late
    cancellations, utilisation, revenue per working hour, consumables cost and
    margin per session, referral conversion and days to acceptance, days from a
    consultation to the first session. Each figure is a ratio of two sums, so it
    stays right whatever the pivot groups by (readme/USAGE.rst defines each).

    No client: counts, hours and amounts only. The sessions' counts of the months
    before the chain dashboard's cut are folded at night with the dashboard's
    (`skinpro.report.session.month`), and its changed months are read from the
    sessions again; working hours come from each practitioner's resource calendar,
    kept per month in a table the night, the menu and the monthly report refresh."""

    _name = "skinpro.report.practitioner.month"
    _description = "Studio figures per practitioner and month"
    _auto = False
    _depends = {
        "skinpro.treatment.session": [
            "session_date",
            "planned_start",
            "company_id",
            "partner_id",
            "practitioner_id",
            "product_id",
            "state",
            "cancellation",
            "duration",
            "date_start",
            "revenue",
            "consumables_cost",
            "course_id",
        ],
        "skinpro.course": ["company_id", "state", "create_date"],
        "crm.lead": [
            "create_date",
            "company_id",
            "user_id",
            "partner_id",
            "skinpro_is_referral",
            "stage_id",
        ],
        "res.company": ["currency_id", "parent_id"],
    }
    _order = "date desc"
    _rec_name = "date"

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Treatment", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    appointment_count = fields.Integer(string="Appointments", readonly=True)
    session_count = fields.Integer(string="Sessions done", readonly=True)
    no_show_count = fields.Integer(string="No-shows", readonly=True)
    late_cancel_count = fields.Integer(string="Late cancellations", readonly=True)
    rebooked_count = fields.Integer(string="Rebooked within 8 weeks", readonly=True)
    session_hours = fields.Float(string="Session hours", digits=(16, 1), readonly=True)
    working_hours = fields.Float(string="Working hours", digits=(16, 1), readonly=True)
    revenue = fields.Monetary(readonly=True)
    consumables_cost = fields.Monetary(string="Consumables cost", readonly=True)
    margin = fields.Monetary(readonly=True, help="Revenue less the consumables' cost.")
    course_count = fields.Integer(string="Courses sold", readonly=True)
    course_completed_count = fields.Integer(string="Courses completed", readonly=True)
    referral_count = fields.Integer(string="Referrals", readonly=True)
    referral_accepted_count = fields.Integer(string="Referrals accepted", readonly=True)
    referral_timed_count = fields.Integer(
        string="Referrals accepted (dated)", readonly=True
    )
    referral_days = fields.Float(
        string="Days to acceptance (total)", digits=(16, 1), readonly=True
    )
    consultation_count = fields.Integer(string="Consultations", readonly=True)
    consultation_treated_count = fields.Integer(
        string="Consultations treated", readonly=True
    )
    consultation_days = fields.Float(
        string="Days to first session (total)", digits=(16, 1), readonly=True
    )
    # The figures: ratios of the sums above (see _read_group_select).
    rebooking_rate = fields.Float(
        string="Rebooking (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Done sessions whose client's next session at the studio is planned "
        "within 8 weeks, per 100 done sessions.",
    )
    course_completion_rate = fields.Float(
        string="Course completion (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Courses sold in the month whose every session is used, per 100 "
        "courses sold.",
    )
    no_show_rate = fields.Float(
        string="No-shows (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="No-shows per 100 appointments (every session planned in the month).",
    )
    late_cancel_rate = fields.Float(
        string="Late cancellations (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Cancellations within the studio's late-cancel window per 100 "
        "appointments.",
    )
    utilisation = fields.Float(
        string="Utilisation (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Planned hours of the done sessions per 100 working hours of the "
        "practitioner's resource calendar.",
    )
    revenue_per_hour = fields.Monetary(
        string="Revenue per working hour",
        aggregator="avg",
        readonly=True,
        help="Revenue of the done sessions per working hour of the practitioner.",
    )
    cost_per_session = fields.Monetary(
        string="Consumables cost per session", aggregator="avg", readonly=True
    )
    margin_per_session = fields.Monetary(
        string="Margin per treatment",
        aggregator="avg",
        readonly=True,
        help="Revenue less consumables' cost, per done session.",
    )
    referral_conversion = fields.Float(
        string="Referral conversion (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Referrals sent in the month that the provider accepted, per 100.",
    )
    days_to_acceptance = fields.Float(
        string="Days to acceptance",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
    )
    consultation_conversion = fields.Float(
        string="Consultations treated (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
    )
    days_to_first_session = fields.Float(
        string="Days to first session",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Days from a consultation to the client's first done session at the "
        "studio, over the consultations treated.",
    )

    def _read_group_select(self, aggregate_spec, query):
        """A figure of a group is the ratio of its sums, never an average of the
        rows' ratios."""
        name, __, __ = aggregate_spec.partition(":")
        if name not in RATIOS:
            return super()._read_group_select(aggregate_spec, query)
        numerator, denominator, factor = RATIOS[name]
        return SQL(
            "%(factor)s * SUM(%(numerator)s)::numeric"
            " / NULLIF(SUM(%(denominator)s), 0)",
            factor=factor,
            numerator=self._field_to_sql(self._table, numerator, query),
            denominator=self._field_to_sql(self._table, denominator, query),
        )

    # --- the view ---------------------------------------------------------------

    def init(self):
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                CREATE TABLE IF NOT EXISTS %(folded)s (
                    id serial PRIMARY KEY,
                    date date NOT NULL,
                    company_id integer NOT NULL,
                    practitioner_id integer,
                    product_tmpl_id integer,
                    %(session_columns)s
                );
                CREATE INDEX IF NOT EXISTS %(folded_index)s
                    ON %(folded)s (company_id, date);
                CREATE TABLE IF NOT EXISTS %(hours)s (
                    id serial PRIMARY KEY,
                    company_id integer NOT NULL,
                    practitioner_id integer NOT NULL,
                    date date NOT NULL,
                    working_hours numeric NOT NULL,
                    UNIQUE (company_id, practitioner_id, date)
                )
                """,
                folded=SQL.identifier(FOLDED),
                folded_index=SQL.identifier(f"{FOLDED}_company_date_index"),
                hours=SQL.identifier(HOURS),
                session_columns=SQL(", ").join(
                    SQL(
                        "%s %s NOT NULL DEFAULT 0",
                        SQL.identifier(column),
                        SQL("integer" if column.endswith("_count") else "numeric"),
                    )
                    for column in SESSION_COLUMNS
                ),
            )
        )
        self._create_view(self.env["skinpro.report.session.month"]._folded_until())

    def _create_view(self, cut):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(cut or "-infinity"),
            )
        )

    def _query(self, cut):
        cut = SQL("%s::date", cut)
        changed_sessions = self.env["skinpro.report.session.month"]._changed_sessions()
        folded_columns = SQL(", ").join(
            SQL("folded.%s", SQL.identifier(column))
            for column in (
                "id",
                "date",
                "company_id",
                "practitioner_id",
                "product_tmpl_id",
                *SESSION_COLUMNS,
            )
        )
        zeros = SQL(", ").join(
            SQL("0 AS %s", SQL.identifier(column)) for column in OTHER_COLUMNS
        )
        ratios = SQL(", ").join(
            SQL(
                "%(factor)s * %(numerator)s::numeric / NULLIF(%(denominator)s, 0)"
                " AS %(name)s",
                factor=factor,
                numerator=SQL.identifier("figures", numerator)
                if numerator != "margin"
                else SQL("(figures.revenue - figures.consumables_cost)"),
                denominator=SQL.identifier("figures", denominator),
                name=SQL.identifier(name),
            )
            for name, (numerator, denominator, factor) in RATIOS.items()
        )
        return SQL(
            """
            SELECT figures.*,
                   figures.revenue - figures.consumables_cost AS margin,
                   studio.currency_id,
                   %(ratios)s
              FROM (
                SELECT %(folded_columns)s, %(zeros)s
                  FROM %(folded)s folded
                 WHERE folded.date < %(cut)s
                   AND NOT EXISTS (
                           SELECT 1 FROM %(changed)s changed
                            WHERE changed.company_id = folded.company_id
                              AND changed.date = folded.date)
                UNION ALL
                SELECT *, %(zeros)s FROM (%(since_cut)s) since_cut
                UNION ALL
                SELECT *, %(zeros)s FROM (%(changed_months)s) changed_months
                UNION ALL
                %(others)s
              ) figures
              JOIN res_company studio ON studio.id = figures.company_id
             WHERE studio.parent_id IS NOT NULL
            """,
            ratios=ratios,
            folded=SQL.identifier(FOLDED),
            folded_columns=folded_columns,
            zeros=zeros,
            changed=SQL.identifier(CHANGED),
            cut=cut,
            since_cut=self._session_figures(
                SQL("skinpro_treatment_session s"), SQL("s.session_date >= %s", cut)
            ),
            changed_months=self._session_figures(changed_sessions, SQL("TRUE")),
            others=self._other_figures(),
        )

    @api.model
    def _session_figures(self, sessions, where):
        """The sessions' counts of `sessions` (a FROM clause naming them s) matching
        `where`, per studio, month, practitioner and treatment. A row's id is its
        smallest session's, times four and negative: no other row holds it."""
        month_figures = self.env["skinpro.report.session.month"]
        return SQL(
            """
            SELECT -4 * MIN(s.id) AS id,
                   %(month)s AS date,
                   s.company_id,
                   s.practitioner_id,
                   p.product_tmpl_id,
                   COUNT(*)::integer AS appointment_count,
                   COUNT(*) FILTER (WHERE s.state = 'done')::integer AS session_count,
                   COUNT(*) FILTER (WHERE s.cancellation = %(no_show)s)::integer
                       AS no_show_count,
                   COUNT(*) FILTER (WHERE s.cancellation = %(late)s)::integer
                       AS late_cancel_count,
                   COUNT(*) FILTER (
                       WHERE s.state = 'done' AND rebooked.found
                   )::integer AS rebooked_count,
                   COALESCE(SUM(s.duration) FILTER (WHERE s.state = 'done'), 0)::numeric
                       AS session_hours,
                   COALESCE(SUM(s.revenue) FILTER (WHERE s.state = 'done'), 0)
                       AS revenue,
                   COALESCE(SUM(s.consumables_cost) FILTER (WHERE s.state = 'done'), 0)
                       AS consumables_cost
              FROM %(sessions)s
              LEFT JOIN product_product p ON p.id = s.product_id
              -- The client's next visit, one index probe a session (a regular's
              -- years of sessions are never scanned).
              LEFT JOIN LATERAL (
                SELECT TRUE AS found FROM skinpro_treatment_session rebooked
                 WHERE rebooked.partner_id = s.partner_id
                   AND rebooked.company_id = s.company_id
                   AND rebooked.planned_start > s.planned_start
                   AND rebooked.planned_start
                       <= s.planned_start + %(rebook_days)s * interval '1 day'
                   AND rebooked.state != 'cancelled'
                 ORDER BY rebooked.planned_start
                 LIMIT 1
              ) rebooked ON s.state = 'done'
             WHERE %(where)s
             GROUP BY %(month)s, s.company_id, s.practitioner_id, p.product_tmpl_id
            """,
            month=month_figures._month_of_session(),
            sessions=sessions,
            where=where,
            no_show=attendance_rules.NO_SHOW,
            late=attendance_rules.LATE,
            rebook_days=attendance_rules.REBOOK_DAYS,
        )

    @api.model
    def _other_figures(self):
        """Working hours, courses, referrals and consultations, a row each, with no
        session count. Ids: negative, 4 x the record's id less 1, 2 or 3."""
        no_sessions = SQL(", ").join(
            SQL("0 AS %s", SQL.identifier(column)) for column in SESSION_COLUMNS
        )

        def row(id_, date, company, practitioner, **values):
            return SQL(
                "SELECT %(id)s AS id, %(date)s AS date, %(company)s AS company_id,"
                " %(practitioner)s AS practitioner_id,"
                " NULL::integer AS product_tmpl_id, %(no_sessions)s, %(values)s",
                id=id_,
                date=date,
                company=company,
                practitioner=practitioner,
                no_sessions=no_sessions,
                values=SQL(", ").join(
                    SQL(
                        "%s AS %s", values.get(column, SQL("0")), SQL.identifier(column)
                    )
                    for column in OTHER_COLUMNS
                ),
            )

        hours = SQL(
            "%(row)s FROM %(hours)s hours",
            row=row(
                SQL("-4 * hours.id - 1"),
                SQL("hours.date"),
                SQL("hours.company_id"),
                SQL("hours.practitioner_id"),
                working_hours=SQL("hours.working_hours"),
            ),
            hours=SQL.identifier(HOURS),
        )
        # A course counts in the month it was sold, for the practitioner of its
        # first session.
        courses = SQL(
            """
            %(row)s
              FROM skinpro_course course
              LEFT JOIN LATERAL (
                SELECT s.practitioner_id FROM skinpro_treatment_session s
                 WHERE s.course_id = course.id AND s.state != 'cancelled'
                 ORDER BY s.planned_start, s.id LIMIT 1
              ) first_session ON TRUE
            """,
            row=row(
                SQL("-4 * course.id - 2"),
                SQL("date_trunc('month', course.create_date)::date"),
                SQL("course.company_id"),
                SQL("first_session.practitioner_id"),
                course_count=SQL("1"),
                course_completed_count=SQL(
                    "CASE WHEN course.state = 'completed' THEN 1 ELSE 0 END"
                ),
            ),
        )
        # Referrals from the referrals analysis: acceptance is its rule.
        referrals = SQL(
            "%(row)s FROM skinpro_report_referral referral",
            row=row(
                SQL("-4 * referral.id - 3"),
                SQL("date_trunc('month', referral.date)::date"),
                SQL("referral.company_id"),
                SQL("referral.practitioner_id"),
                referral_count=SQL("1"),
                referral_accepted_count=SQL(
                    "CASE WHEN referral.date_accepted IS NOT NULL THEN 1 ELSE 0 END"
                ),
                referral_timed_count=SQL(
                    "CASE WHEN referral.days_to_acceptance IS NOT NULL"
                    " THEN 1 ELSE 0 END"
                ),
                referral_days=SQL("COALESCE(referral.days_to_acceptance, 0)"),
            ),
        )
        # A consultation (a lead that is no referral) is treated once its client
        # has a done session at the studio started after it.
        consultations = SQL(
            """
            %(row)s
              FROM crm_lead lead
              LEFT JOIN LATERAL (
                SELECT MIN(s.date_start) AS date_start
                  FROM skinpro_treatment_session s
                 WHERE s.partner_id = lead.partner_id
                   AND s.company_id = lead.company_id
                   AND s.state = 'done'
                   AND s.date_start >= lead.create_date
              ) first_session ON TRUE
             WHERE NOT COALESCE(lead.skinpro_is_referral, FALSE)
               AND lead.company_id IS NOT NULL
            """,
            row=row(
                SQL("-4 * lead.id - 3"),
                SQL("date_trunc('month', lead.create_date)::date"),
                SQL("lead.company_id"),
                SQL("lead.user_id"),
                consultation_count=SQL("1"),
                consultation_treated_count=SQL(
                    "CASE WHEN first_session.date_start IS NOT NULL THEN 1 ELSE 0 END"
                ),
                consultation_days=SQL(
                    "COALESCE(EXTRACT(EPOCH FROM first_session.date_start"
                    " - lead.create_date) / 86400.0, 0)"
                ),
            ),
        )
        return SQL(" UNION ALL ").join([hours, courses, referrals, consultations])

    # --- folding ----------------------------------------------------------------

    @api.model
    def _fold(self, cut, previous):
        """Fold the sessions' counts of the months before `cut` not folded yet (since
        `previous`, the cut before) and of the folded months changed since: the
        chain dashboard's fold calls it before it forgets the changed months."""
        cr = self.env.cr
        cr.execute(SQL("LOCK TABLE %s IN EXCLUSIVE MODE", SQL.identifier(FOLDED)))
        changed = SQL(
            "(company_id, date) IN (SELECT company_id, date FROM %s)",
            SQL.identifier(CHANGED),
        )
        cr.execute(
            SQL(
                "DELETE FROM %(folded)s WHERE date >= %(cut)s OR date >= %(previous)s"
                " OR %(changed)s",
                folded=SQL.identifier(FOLDED),
                cut=cut,
                previous=previous or "-infinity",
                changed=changed,
            )
        )
        month = self.env["skinpro.report.session.month"]._month_of_session()
        refold = SQL(
            "%(month)s < %(cut)s AND (%(month)s >= %(previous)s OR"
            " (s.company_id, %(month)s) IN (SELECT company_id, date FROM %(changed)s))",
            month=month,
            cut=cut,
            previous=previous or "-infinity",
            changed=SQL.identifier(CHANGED),
        )
        columns = SQL(", ").join(
            SQL.identifier(column)
            for column in (
                "date",
                "company_id",
                "practitioner_id",
                "product_tmpl_id",
                *SESSION_COLUMNS,
            )
        )
        cr.execute(
            SQL(
                "INSERT INTO %(folded)s (%(columns)s)"
                " SELECT %(columns)s FROM (%(figures)s) figures",
                folded=SQL.identifier(FOLDED),
                columns=columns,
                figures=self._session_figures(
                    SQL("skinpro_treatment_session s"), refold
                ),
            )
        )
        self._skinpro_refresh_hours(since=previous)
        self._create_view(cut)

    # --- working hours ----------------------------------------------------------

    @api.model
    def _skinpro_refresh_hours(self, since=None, studios=None):
        """Write the working hours of every practitioner with an appointment at a
        studio in a month since `since` (a date; None: every month), from the
        practitioner's resource calendar at the studio (their own, else the
        studio's working hours), leaves of the calendar and of the practitioner
        deducted, as Odoo's planning counts them."""
        cr = self.env.cr
        month = self.env["skinpro.report.session.month"]._month_of_session()
        cr.execute(
            SQL(
                """
                SELECT DISTINCT s.company_id, s.practitioner_id, %(month)s
                  FROM skinpro_treatment_session s
                 WHERE s.practitioner_id IS NOT NULL
                   AND s.session_date >= %(since)s
                   AND (%(all_studios)s OR s.company_id = ANY(%(studios)s))
                """,
                month=month,
                since=since or "-infinity",
                all_studios=not studios,
                studios=list(studios.ids) if studios else [],
            )
        )
        rows = cr.fetchall()
        if not rows:
            return
        hours = self._skinpro_working_hours(rows)
        cr.execute(
            SQL(
                "INSERT INTO %(hours)s (company_id, practitioner_id, date,"
                " working_hours) VALUES %(values)s"
                " ON CONFLICT (company_id, practitioner_id, date)"
                " DO UPDATE SET working_hours = EXCLUDED.working_hours",
                hours=SQL.identifier(HOURS),
                values=SQL(", ").join(
                    SQL("(%s, %s, %s, %s)", *key, value) for key, value in hours.items()
                ),
            )
        )

    @api.model
    def _skinpro_working_hours(self, keys):
        """{(studio id, user id, first day of a month): working hours} of `keys`:
        the hours of work intervals of the user's resource at the studio (or any
        of theirs) in the month, else of the studio's calendar."""
        studios = self.env["res.company"].sudo().browse({key[0] for key in keys})
        users = self.env["res.users"].sudo().browse({key[1] for key in keys})
        resources = (
            self.env["resource.resource"]
            .sudo()
            .search(
                [("user_id", "in", users.ids), ("calendar_id", "!=", False)],
                order="id",
            )
        )
        resource_of = {}
        for resource in resources:
            user_id = resource.user_id.id
            resource_of.setdefault((user_id, resource.company_id.id), resource)
            resource_of.setdefault((user_id, None), resource)
        # One call per calendar and month for all its resources.
        by_calendar = {}
        for studio_id, user_id, month in keys:
            resource = resource_of.get((user_id, studio_id)) or resource_of.get(
                (user_id, None)
            )
            calendar = (
                resource.calendar_id
                if resource
                else studios.browse(studio_id).resource_calendar_id
            )
            if calendar:
                by_calendar.setdefault((calendar, month), []).append(
                    ((studio_id, user_id, month), resource)
                )
        hours = dict.fromkeys(keys, 0.0)
        for (calendar, month), wanted in by_calendar.items():
            tz = pytz.timezone(calendar.tz or "UTC")
            start = tz.localize(datetime.combine(month, time.min))
            end = tz.localize(
                datetime.combine(month + relativedelta(months=1), time.min)
            )
            resources = (
                self.env["resource.resource"]
                .sudo()
                .union(*(resource for __, resource in wanted if resource))
            )
            intervals = calendar._work_intervals_batch(start, end, resources=resources)
            for key, resource in wanted:
                hours[key] = sum(
                    (stop - begin).total_seconds() / 3600
                    for begin, stop, __ in intervals[resource.id if resource else False]
                )
        return hours

    @api.model
    def action_open(self):
        """The figures, their working hours refreshed for the months the night
        has not folded yet. For those who may read them only."""
        self.browse().check_access("read")
        cut = self.env["skinpro.report.session.month"]._folded_until()
        self.sudo()._skinpro_refresh_hours(since=cut)
        return self.env["ir.actions.act_window"]._for_xml_id(
            "skinpro_needling.skinpro_report_practitioner_month_action"
        )

    @api.model
    @api.readonly
    def _month_figures(self, studio, month):
        """The figures of `studio` in the month of `month` (a date), for the studio
        and each practitioner, as the monthly studio report prints them:
        {"practitioners": users, "rows": [(field, [studio's, each one's])]}; a
        figure without its denominator (no session, no referral...) is None."""
        start = fields.Date.to_date(month).replace(day=1)
        domain = [("company_id", "=", studio.id), ("date", "=", start)]
        denominators = sorted({denominator for __, denominator, __ in RATIOS.values()})
        aggregates = [f"{name}:avg" for name in RATIOS] + [
            f"{name}:sum" for name in denominators
        ]
        [studio_values] = self._read_group(domain, [], aggregates)
        by_practitioner = self._read_group(
            domain + [("practitioner_id", "!=", False)],
            ["practitioner_id"],
            aggregates,
        )
        columns = []
        for values in [studio_values] + [row[1:] for row in by_practitioner]:
            sums = dict(zip(denominators, values[len(RATIOS) :], strict=True))
            columns.append(
                [
                    value if sums[RATIOS[name][1]] else None
                    for name, value in zip(RATIOS, values, strict=False)
                ]
            )
        return {
            "practitioners": [row[0] for row in by_practitioner],
            "rows": [
                (self._fields[name], [column[index] for column in columns])
                for index, name in enumerate(RATIOS)
            ],
        }
