# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.skinpro_screening import OUTCOMES


class SkinproReportScreening(models.Model):
    """One row per confirmed screening: its studio, month and outcome, and the
    contraindications that decided it. Grouped by contraindication, the count is the
    number of screenings each one deferred or referred. No client, no answers."""

    _name = "skinpro.report.screening"
    _description = "Screening outcomes analysis"
    _auto = False
    _depends = {
        "skinpro.screening": [
            "date",
            "company_id",
            "practitioner_id",
            "outcome",
            "state",
            "outcome_reason_ids",
        ],
    }
    _order = "date desc"
    _rec_name = "outcome"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    # The screening's own outcome reasons: the view's id is the screening's.
    contraindication_ids = fields.Many2many(
        "skinpro.contraindication",
        relation="skinpro_contraindication_skinpro_screening_rel",
        column1="skinpro_screening_id",
        column2="skinpro_contraindication_id",
        string="Because of",
        readonly=True,
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT id, date, company_id, practitioner_id, outcome
                      FROM skinpro_screening
                     WHERE state = 'confirmed'
                )
                """,
                SQL.identifier(self._table),
            )
        )
