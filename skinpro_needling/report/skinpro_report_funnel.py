# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class SkinproReportFunnel(models.Model):
    """One row per consultation lead of a studio (a CRM lead that is not a
    referral), and how far its client went at that studio: screened (a confirmed
    screening), first session done, a course completed. Summed, the four counts
    are the studio's funnel for the month the lead came in."""

    _name = "skinpro.report.funnel"
    _description = "Client funnel"
    _auto = False
    _depends = {
        "crm.lead": [
            "create_date",
            "company_id",
            "user_id",
            "team_id",
            "partner_id",
            "skinpro_is_referral",
        ],
        "skinpro.screening": ["state", "company_id", "lead_id", "partner_id"],
        "skinpro.treatment.session": ["state", "company_id", "partner_id", "course_id"],
        "skinpro.course": ["company_id", "partner_id", "sessions_total"],
    }
    _order = "date desc"
    _rec_name = "company_id"

    date = fields.Datetime(string="Lead received", readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", string="Consulted by", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales team", readonly=True)
    lead_count = fields.Integer(string="Consultation leads", readonly=True)
    screened_count = fields.Integer(string="Screened", readonly=True)
    first_session_count = fields.Integer(string="First session", readonly=True)
    course_completed_count = fields.Integer(string="Course completed", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT lead.id,
                           lead.create_date AS date,
                           lead.company_id,
                           lead.user_id AS practitioner_id,
                           lead.team_id,
                           1 AS lead_count,
                           (EXISTS (
                               SELECT 1 FROM skinpro_screening screening
                                WHERE screening.state = 'confirmed'
                                  AND screening.company_id = lead.company_id
                                  AND (screening.lead_id = lead.id
                                       OR screening.partner_id = lead.partner_id)
                           ))::integer AS screened_count,
                           (EXISTS (
                               SELECT 1 FROM skinpro_treatment_session s
                                WHERE s.state = 'done'
                                  AND s.company_id = lead.company_id
                                  AND s.partner_id = lead.partner_id
                           ))::integer AS first_session_count,
                           (EXISTS (
                               SELECT 1 FROM skinpro_course course
                                WHERE course.company_id = lead.company_id
                                  AND course.partner_id = lead.partner_id
                                  AND course.sessions_total > 0
                                  AND course.sessions_total <= (
                                      SELECT COUNT(*)
                                        FROM skinpro_treatment_session done
                                       WHERE done.course_id = course.id
                                         AND done.state = 'done')
                           ))::integer AS course_completed_count
                      FROM crm_lead lead
                      JOIN res_company studio ON studio.id = lead.company_id
                     WHERE NOT COALESCE(lead.skinpro_is_referral, FALSE)
                       AND studio.parent_id IS NOT NULL
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
