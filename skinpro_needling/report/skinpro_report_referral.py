# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.crm_lead import REFERRAL_REASONS


class SkinproReportReferral(models.Model):
    """One row per referral to a medical provider: its studio, provider, stage, and
    the days it took to be accepted. The acceptance date is when the referral first
    reached 'Accepted' (or 'Treated', if it skipped it), read from the stage changes
    CRM tracks in the chatter, else, for a referral recorded in that stage directly,
    when it last changed stage."""

    _name = "skinpro.report.referral"
    _description = "Referrals analysis"
    _auto = False
    _depends = {
        "crm.lead": [
            "create_date",
            "company_id",
            "user_id",
            "skinpro_provider_id",
            "stage_id",
            "skinpro_referral_reason",
            "skinpro_is_referral",
            "date_last_stage_update",
        ],
    }
    _order = "date desc"
    _rec_name = "provider_id"

    date = fields.Datetime(string="Referred on", readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    practitioner_id = fields.Many2one("res.users", string="Referred by", readonly=True)
    provider_id = fields.Many2one(
        "res.partner", string="Medical provider", readonly=True
    )
    stage_id = fields.Many2one("crm.stage", readonly=True)
    reason = fields.Selection(REFERRAL_REASONS, readonly=True)
    date_accepted = fields.Datetime(string="Accepted on", readonly=True)
    days_to_acceptance = fields.Float(
        string="Days to acceptance", digits=(16, 1), readonly=True, aggregator="avg"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH accepted_stage AS (
                        SELECT res_id AS id
                          FROM ir_model_data
                         WHERE module = 'skinpro_needling'
                           AND model = 'crm.stage'
                           AND name IN ('crm_stage_referral_accepted',
                                        'crm_stage_referral_treated')
                    ),
                    acceptance AS (
                        SELECT message.res_id AS lead_id,
                               MIN(message.date) AS date_accepted
                          FROM mail_tracking_value tracking
                          JOIN mail_message message
                            ON message.id = tracking.mail_message_id
                          JOIN ir_model_fields field
                            ON field.id = tracking.field_id
                         WHERE message.model = 'crm.lead'
                           AND field.model = 'crm.lead'
                           AND field.name = 'stage_id'
                           AND tracking.new_value_integer IN (
                               SELECT id FROM accepted_stage)
                         GROUP BY message.res_id
                    )
                    SELECT id, date, company_id, practitioner_id, provider_id,
                           stage_id, reason,
                           date_accepted,
                           EXTRACT(EPOCH FROM date_accepted - date) / 86400.0
                               AS days_to_acceptance
                      FROM (
                        SELECT lead.id,
                               lead.create_date AS date,
                               lead.company_id,
                               lead.user_id AS practitioner_id,
                               lead.skinpro_provider_id AS provider_id,
                               lead.stage_id,
                               lead.skinpro_referral_reason AS reason,
                               COALESCE(
                                   acceptance.date_accepted,
                                   CASE WHEN lead.stage_id IN (
                                            SELECT id FROM accepted_stage)
                                        THEN lead.date_last_stage_update END
                               ) AS date_accepted
                          FROM crm_lead lead
                          LEFT JOIN acceptance ON acceptance.lead_id = lead.id
                         WHERE lead.skinpro_is_referral
                      ) referral
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
