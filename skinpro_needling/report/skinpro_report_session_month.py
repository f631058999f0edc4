# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .skinpro_report_session import DEPTH_CLASSES, REPORTED_STATES

CUT_PARAMETER = "skinpro_needling.session_month_cut"
FOLDED = "skinpro_session_month_folded"
CHANGED = "skinpro_session_month_changed"


class SkinproReportSessionMonth(models.Model):
    """Sessions per studio and month, what the chain dashboard reads: the sessions
    analysis without the session. Months before the cut (the first day of last
    month, moved each night) are read from their folded figures; the months since,
    and any folded month a session has changed in since it was folded, from the
    sessions themselves. So the figures are always the sessions' own, and years of
    a chain cost a few thousand rows to read.

    A month is folded again at night when a session of it changes (its state,
    studio, treatment, dates or amounts, through the session's own methods)."""

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
        "res.company": ["currency_id"],
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
                    consumables_cost numeric NOT NULL
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
            )
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
        cut = SQL("%s::date", cut)
        sessions = SQL("skinpro_treatment_session s")
        # Each month changed, from its sessions alone (the studio x month index).
        changed_sessions = SQL(
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
        return SQL(
            """
            SELECT figures.*, studio.currency_id
              FROM (
                SELECT folded.id, folded.date, folded.company_id,
                       folded.product_tmpl_id, folded.depth_class, folded.state,
                       folded.session_count, folded.depth_breach_count,
                       folded.revenue, folded.consumables_cost
                  FROM %(folded)s folded
                 WHERE folded.date < %(cut)s
                   AND NOT EXISTS (
                           SELECT 1 FROM %(changed)s changed
                            WHERE changed.company_id = folded.company_id
                              AND changed.date = folded.date)
                UNION ALL
                -- Since the cut, from the sessions.
                %(since_cut)s
                UNION ALL
                -- The folded months changed since they were folded.
                %(changed_months)s
              ) figures
              JOIN res_company studio ON studio.id = figures.company_id
            """,
            folded=SQL.identifier(FOLDED),
            changed=SQL.identifier(CHANGED),
            cut=cut,
            since_cut=self._sessions_per_month(
                sessions, SQL("s.session_date >= %s", cut)
            ),
            changed_months=self._sessions_per_month(changed_sessions, SQL("TRUE")),
        )

    @api.model
    def _month_of_session(self):
        # The sessions' studio x month index is on this very expression.
        return SQL("date_trunc('month', s.session_date::timestamp)::date")

    @api.model
    def _sessions_per_month(self, sessions, where):
        """The figures of `sessions` (a FROM clause naming them s) matching `where`,
        per studio, month, treatment, class and state: the view's rows, and what
        the fold keeps. A row's id is its smallest session's, negative: no other
        row holds it, nor any folded row."""
        return SQL(
            """
            SELECT -MIN(s.id) AS id,
                   %(month)s AS date,
                   s.company_id,
                   p.product_tmpl_id,
                   s.depth_class,
                   s.state,
                   COUNT(*) AS session_count,
                   COUNT(*) FILTER (WHERE s.depth_breach) AS depth_breach_count,
                   COALESCE(SUM(s.revenue), 0) AS revenue,
                   COALESCE(SUM(s.consumables_cost), 0) AS consumables_cost
              FROM %(sessions)s
              LEFT JOIN product_product p ON p.id = s.product_id
             WHERE s.state != 'cancelled' AND %(where)s
             GROUP BY %(month)s, s.company_id, p.product_tmpl_id, s.depth_class,
                      s.state
            """,
            month=self._month_of_session(),
            sessions=sessions,
            where=where,
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
        cr.execute(
            SQL(
                """
                INSERT INTO %(folded)s (date, company_id, product_tmpl_id,
                    depth_class, state, session_count, depth_breach_count, revenue,
                    consumables_cost)
                SELECT date, company_id, product_tmpl_id, depth_class, state,
                       session_count, depth_breach_count, revenue, consumables_cost
                  FROM (%(figures)s) figures
                """,
                folded=SQL.identifier(FOLDED),
                figures=self._sessions_per_month(
                    SQL("skinpro_treatment_session s"), refold
                ),
            )
        )
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
