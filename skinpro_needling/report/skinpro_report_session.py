# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..rules import depth as depth_rules

# The sessions' class and states the reports show (a cancelled session is none).
DEPTH_CLASSES = [
    (depth_rules.COSMETIC, "Cosmetic"),
    (depth_rules.MEDICAL, "Medical (referral)"),
]
REPORTED_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In progress"),
    ("done", "Done"),
]


class SkinproReportSession(models.Model):
    """One row per session that was not cancelled, with its share of the POS line
    that paid for it and what its consumables cost when they left the studio. No
    client and no health data: figures only."""

    _name = "skinpro.report.session"
    _description = "Sessions analysis"
    _auto = False
    _depends = {
        "skinpro.treatment.session": [
            "session_date",
            "company_id",
            "practitioner_id",
            "product_id",
            "state",
            "course_id",
            "revenue",
            "consumables_cost",
            "depth_class",
            "depth_breach",
        ],
        "product.product": ["product_tmpl_id", "skinpro_depth_mm"],
        "res.company": ["currency_id"],
    }
    _order = "date desc"
    _rec_name = "product_id"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Treatment", readonly=True
    )
    product_id = fields.Many2one("product.product", string="Variant", readonly=True)
    depth_mm = fields.Float(
        string="Depth (mm)", digits=(4, 2), readonly=True, aggregator="avg"
    )
    depth_class = fields.Selection(DEPTH_CLASSES, string="Class", readonly=True)
    state = fields.Selection(REPORTED_STATES, readonly=True)
    in_course = fields.Boolean(string="Part of a course", readonly=True)
    depth_breach = fields.Boolean(string="Depth breach", readonly=True)
    depth_breach_count = fields.Integer(string="Depth breaches", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    revenue = fields.Monetary(readonly=True)
    consumables_cost = fields.Monetary(string="Consumables cost", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        # The class stored on the session: the one it started under (today's while
        # it is planned), never one read against the studio's limit of today.
        return SQL(
            """
            SELECT s.id,
                   s.session_date AS date,
                   s.company_id,
                   s.practitioner_id,
                   p.product_tmpl_id,
                   s.product_id,
                   p.skinpro_depth_mm AS depth_mm,
                   s.depth_class,
                   s.state,
                   s.course_id IS NOT NULL AS in_course,
                   COALESCE(s.depth_breach, FALSE) AS depth_breach,
                   CASE WHEN s.depth_breach THEN 1 ELSE 0 END AS depth_breach_count,
                   studio.currency_id,
                   COALESCE(s.revenue, 0) AS revenue,
                   COALESCE(s.consumables_cost, 0) AS consumables_cost
              FROM skinpro_treatment_session s
              -- Left joins on unique keys: a pivot that reads none of their
              -- columns does not pay for them.
              LEFT JOIN product_product p ON p.id = s.product_id
              LEFT JOIN res_company studio ON studio.id = s.company_id
             WHERE s.state != 'cancelled'
            """
        )
