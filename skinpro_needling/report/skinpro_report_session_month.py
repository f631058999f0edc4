# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..rules import screening as screening_rules
from .skinpro_report_session import DEPTH_CLASSES, REPORTED_STATES

CUT_PARAMETER = "skinpro_needling.session_month_cut"
# What a folded row holds besides its studio and month: the sessions' figures,
# and the studio's service (consultations, screenings by outcome, referrals).
SERVICE_COLUMNS = (
    "lead_count",
    "screening_count",
    "screening_cleared_count",
    "screening_clearance_count",
    "screening_deferred_count",
    "screening_refer_count",
    "referral_count",
    "referral_accepted_count",
)
FIGURE_COLUMNS = (
    "product_tmpl_id",
    "depth_class",
    "state",
    "session_count",
    "depth_breach_count",
    "revenue",
    "consumables_cost",
    *SERVICE_COLUMNS,
)
FOLDED = "skinpro_session_month_folded"
CHANGED = "skinpro_session_month_changed"


class SkinproReportSessionMonth(models.Model):
    """Sessions per studio and month, what the chain dashboard reads: the sessions
    analysis without the session. Months before the cut (the first day of last
    month, moved each night) are read from their folded figures; the months since,
    and any folded month a session has changed in since it was folded, from the
    sessions themselves. So the figures are always the sessions' own, and years of
    a chain cost a few thousand rows to read.

    Every studio has a row for every month (its service row: consultations,
    screenings by outcome, referrals, zeros where there is nothing) beside its
    sessions' rows, so a studio that did no session still shows. The service rows
    are folded with the sessions'.

    A month is folded again at night when a session, consultation, referral or
    screening of it changes (through their own methods)."""

    _name = "skinpro.report.session.month"
    _description = "Sessions per studio and month"
    _auto = False
    _depends = {
        "skinpro.treatment.session": [
            "session_date",
            "company_id",
            "product_id",
            "state",
            "revenue",
            "consumables_cost",
            "depth_class",
            "depth_breach",
        ],
        "product.product": ["product_tmpl_id"],
        "res.company": ["currency_id", "parent_id"],
        "crm.lead": ["create_date", "company_id", "skinpro_is_referral", "stage_id"],
        "skinpro.screening": ["date", "company_id", "state", "outcome"],
    }
    _order = "date desc"
    _rec_name = "date"

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Treatment", readonly=True
    )
    depth_class = fields.Selection(DEPTH_CLASSES, string="Class", readonly=True)
    state = fields.Selection(REPORTED_STATES, readonly=True)
    session_count = fields.Integer(string="Sessions", readonly=True)
    depth_breach_count = fields.Integer(string="Depth breaches", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    revenue = fields.Monetary(readonly=True)
    consumables_cost = fields.Monetary(string="Consumables cost", readonly=True)
    margin = fields.Monetary(readonly=True, help="Revenue less the consumables' cost.")
    lead_count = fields.Integer(string="Consultations", readonly=True)
    screening_count = fields.Integer(string="Screenings", readonly=True)
    screening_cleared_count = fields.Integer(string="Screenings cleared", readonly=True)
    screening_clearance_count = fields.Integer(
        string="Screenings needing clearance", readonly=True
    )
    screening_deferred_count = fields.Integer(
        string="Screenings deferred", readonly=True
    )
    screening_refer_count = fields.Integer(string="Screenings to refer", readonly=True)
    referral_count = fields.Integer(string="Referrals", readonly=True)
    referral_accepted_count = fields.Integer(string="Referrals accepted", readonly=True)

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
                    product_tmpl_id integer,
                    depth_class varchar,
                    state varchar,
                    session_count integer NOT NULL,
                    depth_breach_count integer NOT NULL,
                    revenue numeric NOT NULL,
                    consumables_cost numeric NOT NULL,
                    %(service_columns)s
                );
                CREATE INDEX IF NOT EXISTS %(folded_index)s
                    ON %(folded)s (company_id, date);
                CREATE TABLE IF NOT EXISTS %(changed)s (
                    company_id integer NOT NULL,
                    date date NOT NULL,
                    PRIMARY KEY (company_id, date)
                )
                """,
                folded=SQL.identifier(FOLDED),
                folded_index=SQL.identifier(f"{FOLDED}_company_date_index"),
                changed=SQL.identifier(CHANGED),
                service_columns=SQL(", ").join(
                    SQL("%s integer NOT NULL DEFAULT 0", SQL.identifier(column))
                    for column in SERVICE_COLUMNS
                ),
            )
        )
        # Each studio's months since the cut count their consultations, referrals
        # and screenings from these, at every read of the dashboard.
        tools.create_index(
            cr,
            "skinpro_crm_lead_company_create_date_index",
            "crm_lead",
            ["company_id", "create_date"],
        )
        tools.create_index(
            cr,
            "skinpro_screening_company_date_index",
            "skinpro_screening",
            ["company_id", "date"],
        )
        self._create_view(self._folded_until())

    def _create_view(self, cut):
        # The cut is written in the view, so that PostgreSQL plans the months since
        # from the sessions' date index; the night's fold writes the view again.
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(cut or "-infinity"),
            )
        )

    def _query(self, cut):
        cut_date, cut = cut, SQL("%s::date", cut)
        sessions = SQL("skinpro_treatment_session s")
        changed_sessions = self._changed_sessions()
        # Every studio's months since the cut (since its first figure before any
        # fold), this month included.
        months_since_cut = SQL(
            """
            (SELECT studio.id AS company_id, month::date AS date
               FROM res_company studio
              CROSS JOIN generate_series(
                    %(start)s::timestamp,
                    date_trunc('month', now() AT TIME ZONE 'UTC'),
                    interval '1 month') month
              WHERE studio.parent_id IS NOT NULL)
            """,
            start=self._first_month() if cut_date == "-infinity" else cut,
        )
        folded_columns = SQL(", ").join(
            SQL("folded.%s", SQL.identifier(column))
            for column in ("id", "date", "company_id", *FIGURE_COLUMNS)
        )
        return SQL(
            """
            SELECT figures.*, figures.revenue - figures.consumables_cost AS margin,
                   studio.currency_id
              FROM (
                SELECT %(folded_columns)s
                  FROM %(folded)s folded
                 WHERE folded.date < %(cut)s
                   AND NOT EXISTS (
                           SELECT 1 FROM %(changed)s changed
                            WHERE changed.company_id = folded.company_id
                              AND changed.date = folded.date)
                UNION ALL
                -- Since the cut, from the sessions and the studio's service.
                %(since_cut)s
                UNION ALL
                %(service_since_cut)s
                UNION ALL
                -- The folded months changed since they were folded.
                %(changed_months)s
                UNION ALL
                %(service_changed)s
              ) figures
              JOIN res_company studio ON studio.id = figures.company_id
            """,
            folded=SQL.identifier(FOLDED),
            folded_columns=folded_columns,
            changed=SQL.identifier(CHANGED),
            cut=cut,
            since_cut=self._sessions_per_month(
                sessions, SQL("s.session_date >= %s", cut)
            ),
            service_since_cut=self._service_per_month(months_since_cut),
            changed_months=self._sessions_per_month(changed_sessions, SQL("TRUE")),
            service_changed=self._service_per_month(
                SQL(
                    "(SELECT changed.company_id, changed.date FROM %s changed"
                    " JOIN res_company studio ON studio.id = changed.company_id"
                    " WHERE studio.parent_id IS NOT NULL)",
                    SQL.identifier(CHANGED),
                )
            ),
        )

    @api.model
    def _changed_sessions(self):
        """The sessions of each month changed since its fold, `s`, read from their
        studio and month alone (the studio x month index)."""
        return SQL(
            """
            %(changed)s changed
            CROSS JOIN LATERAL (
                SELECT * FROM skinpro_treatment_session s
                 WHERE s.company_id = changed.company_id
                   AND %(month)s = changed.date
                OFFSET 0
            ) s
            """,
            changed=SQL.identifier(CHANGED),
            month=self._month_of_session(),
        )

    @api.model
    def _month_of_session(self):
        # The sessions' studio x month index is on this very expression.
        return SQL("date_trunc('month', s.session_date::timestamp)::date")

    @api.model
    def _first_month(self):
        """The month of the chain's first session, consultation or screening."""
        return SQL(
            """
            COALESCE(LEAST(
                (SELECT date_trunc('month', MIN(session_date)::timestamp)
                   FROM skinpro_treatment_session),
                (SELECT date_trunc('month', MIN(create_date)) FROM crm_lead),
                (SELECT date_trunc('month', MIN(date)::timestamp)
                   FROM skinpro_screening)
            ), date_trunc('month', now() AT TIME ZONE 'UTC'))::date
            """
        )

    @api.model
    def _sessions_per_month(self, sessions, where):
        """The figures of `sessions` (a FROM clause naming them s) matching `where`,
        per studio, month, treatment, class and state: the view's rows, and what
        the fold keeps. A row's id is its smallest session's, doubled and negative:
        no other row holds it, nor any folded row."""
        return SQL(
            """
            SELECT -2 * MIN(s.id) AS id,
                   %(month)s AS date,
                   s.company_id,
                   p.product_tmpl_id,
                   s.depth_class,
                   s.state,
                   COUNT(*)::integer AS session_count,
                   COUNT(*) FILTER (WHERE s.depth_breach)::integer
                       AS depth_breach_count,
                   COALESCE(SUM(s.revenue), 0) AS revenue,
                   COALESCE(SUM(s.consumables_cost), 0) AS consumables_cost,
                   %(no_service)s
              FROM %(sessions)s
              LEFT JOIN product_product p ON p.id = s.product_id
             WHERE s.state != 'cancelled' AND %(where)s
             GROUP BY %(month)s, s.company_id, p.product_tmpl_id, s.depth_class,
                      s.state
            """,
            month=self._month_of_session(),
            sessions=sessions,
            where=where,
            no_service=SQL(", ").join(
                SQL("0 AS %s", SQL.identifier(column)) for column in SERVICE_COLUMNS
            ),
        )

    @api.model
    def _service_per_month(self, months):
        """A row per studio and month of `months` (a FROM clause of company_id and
        date, first days of months): its consultations (CRM leads that are not
        referrals), confirmed screenings by outcome, and referrals sent that month
        and accepted since, zeros where there is none. A row's id is odd and
        negative, from its studio and month: no session row holds it."""
        return SQL(
            """
            SELECT -(2 * (frame.company_id * 100000
                          + EXTRACT(YEAR FROM frame.date)::integer * 12
                          + EXTRACT(MONTH FROM frame.date)::integer) + 1) AS id,
                   frame.date,
                   frame.company_id,
                   NULL::integer AS product_tmpl_id,
                   NULL::varchar AS depth_class,
                   NULL::varchar AS state,
                   0 AS session_count,
                   0 AS depth_breach_count,
                   0::numeric AS revenue,
                   0::numeric AS consumables_cost,
                   COALESCE(leads.lead_count, 0) AS lead_count,
                   COALESCE(screenings.screening_count, 0) AS screening_count,
                   COALESCE(screenings.cleared, 0) AS screening_cleared_count,
                   COALESCE(screenings.clearance, 0) AS screening_clearance_count,
                   COALESCE(screenings.deferred, 0) AS screening_deferred_count,
                   COALESCE(screenings.refer, 0) AS screening_refer_count,
                   COALESCE(leads.referral_count, 0) AS referral_count,
                   COALESCE(leads.referral_accepted_count, 0)
                       AS referral_accepted_count
              FROM %(months)s frame
              LEFT JOIN LATERAL (
                SELECT COUNT(*) FILTER (
                           WHERE NOT COALESCE(lead.skinpro_is_referral, FALSE)
                       )::integer AS lead_count,
                       COUNT(*) FILTER (WHERE lead.skinpro_is_referral)::integer
                           AS referral_count,
                       COUNT(*) FILTER (
                           WHERE lead.skinpro_is_referral
                             AND lead.stage_id IN (
                                 SELECT res_id FROM ir_model_data
                                  WHERE module = 'skinpro_needling'
                                    AND model = 'crm.stage'
                                    AND name IN ('crm_stage_referral_accepted',
                                                 'crm_stage_referral_treated'))
                       )::integer AS referral_accepted_count
                  FROM crm_lead lead
                 WHERE lead.company_id = frame.company_id
                   AND lead.create_date >= frame.date
                   AND lead.create_date < frame.date + interval '1 month'
              ) leads ON TRUE
              LEFT JOIN LATERAL (
                SELECT COUNT(*)::integer AS screening_count,
                       COUNT(*) FILTER (WHERE screening.outcome = %(cleared)s)::integer
                           AS cleared,
                       COUNT(*) FILTER (
                           WHERE screening.outcome = %(clearance)s)::integer
                           AS clearance,
                       COUNT(*) FILTER (WHERE screening.outcome = %(deferred)s)::integer
                           AS deferred,
                       COUNT(*) FILTER (WHERE screening.outcome = %(refer)s)::integer
                           AS refer
                  FROM skinpro_screening screening
                 WHERE screening.company_id = frame.company_id
                   AND screening.state = 'confirmed'
                   AND screening.date >= frame.date
                   AND screening.date < frame.date + interval '1 month'
              ) screenings ON TRUE
            """,
            months=months,
            cleared=screening_rules.CLEARED,
            clearance=screening_rules.CLEARANCE_REQUIRED,
            deferred=screening_rules.DEFERRED,
            refer=screening_rules.REFER,
        )

    # --- folding ----------------------------------------------------------------

    @api.model
    def _cron_fold(self):
        """Fold the months before the first day of last month, and the folded
        months changed since; last month stays read from its sessions, which its
        last days' sessions still change."""
        today = fields.Date.context_today(self)
        cut = today.replace(day=1) - relativedelta(months=1)
        previous = self._folded_until()
        month = self._month_of_session()
        refold = SQL(
            "%(month)s < %(cut)s AND (%(month)s >= %(previous)s OR"
            " (s.company_id, %(month)s) IN (SELECT company_id, date FROM %(changed)s))",
            month=month,
            cut=cut,
            previous=previous or "-infinity",
            changed=SQL.identifier(CHANGED),
        )
        cr = self.env.cr
        # Folds one at a time; a session changed meanwhile marks its month again.
        cr.execute(SQL("LOCK TABLE %s IN EXCLUSIVE MODE", SQL.identifier(FOLDED)))
        cr.execute(
            SQL(
                """
                DELETE FROM %(folded)s f
                 WHERE f.date >= %(cut)s
                    OR f.date >= %(previous)s
                    OR (f.company_id, f.date) IN (
                        SELECT company_id, date FROM %(changed)s)
                """,
                folded=SQL.identifier(FOLDED),
                cut=cut,
                previous=previous or "-infinity",
                changed=SQL.identifier(CHANGED),
            )
        )
        columns = SQL(", ").join(
            SQL.identifier(column) for column in ("date", "company_id", *FIGURE_COLUMNS)
        )
        refolded_months = SQL(
            """
            (SELECT studio.id AS company_id, month::date AS date
               FROM res_company studio
              CROSS JOIN generate_series(
                    %(start)s::timestamp,
                    %(cut)s::date - interval '1 month',
                    interval '1 month') month
              WHERE studio.parent_id IS NOT NULL
             UNION
             SELECT changed.company_id, changed.date FROM %(changed)s changed
               JOIN res_company studio ON studio.id = changed.company_id
              WHERE studio.parent_id IS NOT NULL AND changed.date < %(cut)s)
            """,
            start=SQL("%s::date", previous) if previous else self._first_month(),
            cut=cut,
            changed=SQL.identifier(CHANGED),
        )
        for figures in (
            self._sessions_per_month(SQL("skinpro_treatment_session s"), refold),
            self._service_per_month(refolded_months),
        ):
            cr.execute(
                SQL(
                    "INSERT INTO %(folded)s (%(columns)s)"
                    " SELECT %(columns)s FROM (%(figures)s) figures",
                    folded=SQL.identifier(FOLDED),
                    columns=columns,
                    figures=figures,
                )
            )
        # The figures per practitioner fold the same months, changed ones included.
        self.env["skinpro.report.practitioner.month"]._fold(cut, previous)
        cr.execute(SQL("DELETE FROM %s WHERE date < %s", SQL.identifier(CHANGED), cut))
        self.env["ir.config_parameter"].sudo().set_param(
            CUT_PARAMETER, fields.Date.to_string(cut)
        )
        self._create_view(cut)

    @api.model
    def _folded_until(self):
        """The cut: the months before it are folded, or None before the first fold.
        From the parameters' cache: no query."""
        cut = self.env["ir.config_parameter"].sudo().get_param(CUT_PARAMETER)
        return fields.Date.to_date(cut) if cut else None

    @api.model
    def _mark_changed(self, months):
        """`months`, {(studio id, first day of the month)}: read from their
        sessions again until they are folded again. Only folded months count."""
        cut = self._folded_until()
        months = [(studio, month) for studio, month in months if cut and month < cut]
        if months:
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (company_id, date) VALUES %s"
                    " ON CONFLICT DO NOTHING",
                    SQL.identifier(CHANGED),
                    SQL(", ").join(SQL("(%s, %s)", *month) for month in months),
                )
            )
