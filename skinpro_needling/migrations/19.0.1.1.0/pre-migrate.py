# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A recall's lists of clients and sessions move to its studio lines: keep the
chain-wide tables, which the update would drop, for post-migrate to split. The
monthly figures gain every studio's service (consultations, screenings by outcome,
referrals): the folded table is made anew with its columns, and until the fold of
the post-migration the dashboard reads every month from its records."""

from odoo.tools import SQL, sql

LEGACY = {
    "res_partner_skinpro_recall_rel": "skinpro_legacy_recall_partner_rel",
    "skinpro_recall_session_rel": "skinpro_legacy_recall_session_rel",
    "skinpro_recall_held_session_rel": "skinpro_legacy_recall_held_session_rel",
}


def migrate(cr, version):
    _keep_recall_lists(cr)
    _unfold_monthly_figures(cr)


def _keep_recall_lists(cr):
    for table, legacy in LEGACY.items():
        if sql.table_exists(cr, table):
            cr.execute(
                SQL(
                    "ALTER TABLE %s RENAME TO %s",
                    SQL.identifier(table),
                    SQL.identifier(legacy),
                )
            )


def _unfold_monthly_figures(cr):
    cr.execute("DROP VIEW IF EXISTS skinpro_report_session_month")
    cr.execute("DROP TABLE IF EXISTS skinpro_session_month_folded")
    cr.execute("TRUNCATE skinpro_session_month_changed")
    cr.execute(
        "DELETE FROM ir_config_parameter WHERE key = %s",
        ["skinpro_needling.session_month_cut"],
    )
