# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Split each recall's chain-wide lists by studio, onto its studio lines; name
consumption transfers without the client (inventory staff read them); open the
clinical records' reads to break-glass accesses; fold the past months again, with
every studio's service beside its sessions."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, sql

SESSIONS = {
    "skinpro_legacy_recall_session_rel": "skinpro_recall_studio_session_rel",
    "skinpro_legacy_recall_held_session_rel": "skinpro_recall_studio_held_session_rel",
}


def migrate(cr, version):
    _open_reads_to_break_glass(cr)
    _split_recall_lists(cr)
    api.Environment(cr, SUPERUSER_ID, {})["skinpro.report.session.month"]._cron_fold()


def _split_recall_lists(cr):
    for legacy, table in SESSIONS.items():
        if not sql.table_exists(cr, legacy):
            continue
        # A held session's studio may have had no line (no stock, no treatment).
        cr.execute(
            SQL(
                """
                INSERT INTO skinpro_recall_studio (recall_id, company_id,
                       quantity_quarantined, create_date, write_date)
                SELECT DISTINCT rel.skinpro_recall_id, s.company_id, 0,
                       now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                  FROM %(legacy)s rel
                  JOIN skinpro_treatment_session s
                    ON s.id = rel.skinpro_treatment_session_id
                 WHERE NOT EXISTS (
                       SELECT 1 FROM skinpro_recall_studio line
                        WHERE line.recall_id = rel.skinpro_recall_id
                          AND line.company_id = s.company_id)
                """,
                legacy=SQL.identifier(legacy),
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO %(table)s (recall_studio_id, session_id)
                SELECT DISTINCT line.id, s.id
                  FROM %(legacy)s rel
                  JOIN skinpro_treatment_session s
                    ON s.id = rel.skinpro_treatment_session_id
                  JOIN skinpro_recall_studio line
                    ON line.recall_id = rel.skinpro_recall_id
                   AND line.company_id = s.company_id
                ON CONFLICT DO NOTHING
                """,
                table=SQL.identifier(table),
                legacy=SQL.identifier(legacy),
            )
        )
    # The clients of a studio's line: those of its sessions that used the lot.
    cr.execute(
        """
        INSERT INTO skinpro_recall_studio_partner_rel (recall_studio_id, partner_id)
        SELECT DISTINCT rel.recall_studio_id, s.partner_id
          FROM skinpro_recall_studio_session_rel rel
          JOIN skinpro_treatment_session s ON s.id = rel.session_id
        ON CONFLICT DO NOTHING
        """
    )
    for legacy in (*SESSIONS, "skinpro_legacy_recall_partner_rel"):
        if sql.table_exists(cr, legacy):
            cr.execute(SQL("DROP TABLE %s", SQL.identifier(legacy)))
    cr.execute(
        """
        UPDATE stock_picking picking
           SET origin = 'SESSION/' || session.id, partner_id = NULL
          FROM skinpro_treatment_session session
         WHERE session.consumption_picking_id = picking.id
        """
    )


def _open_reads_to_break_glass(cr):
    """The studio rules of the records a break-glass access opens hold their
    changes; their reads go to the new read rules (the rules' file is noupdate)."""
    cr.execute(
        """
        UPDATE ir_rule SET perm_read = FALSE
         WHERE id IN (
               SELECT res_id FROM ir_model_data
                WHERE module = 'skinpro_needling' AND model = 'ir.rule'
                  AND name IN ('rule_screening_company',
                               'rule_screening_answer_company',
                               'rule_screening_clearance_company',
                               'rule_treatment_session_company',
                               'rule_session_depth_company'))
        """
    )
