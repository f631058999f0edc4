# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HealthRecordReport(models.AbstractModel):
    """A client's health record, as the client may request it: every screening
    (archived ones too), session and referral the printing user may read."""

    _name = "report.skinpro_needling.report_health_record"
    _description = "Client health record"

    @api.model
    def _get_report_values(self, docids, data=None):
        clients = self.env["res.partner"].browse(docids)
        # Under the user's own rights: a studio's practitioner prints what their
        # studios hold; the front desk cannot read screenings at all.
        records = {
            client.id: {
                "screenings": self.env["skinpro.screening"]
                .with_context(active_test=False)
                .search([("partner_id", "=", client.id)], order="date, id"),
                "sessions": self.env["skinpro.treatment.session"].search(
                    [("partner_id", "=", client.id)], order="planned_start, id"
                ),
                "referrals": self.env["crm.lead"].search(
                    [
                        ("partner_id", "=", client.id),
                        ("skinpro_is_referral", "=", True),
                    ],
                    order="create_date, id",
                ),
            }
            for client in clients
        }
        # What the PDF prints of another studio's record through a break-glass
        # access is a read like any other: logged.
        for record in records.values():
            screenings, sessions = record["screenings"], record["sessions"]
            for held in (
                screenings,
                screenings.answer_ids,
                screenings.clearance_ids,
                sessions,
                sessions.depth_line_ids,
            ):
                held._skinpro_log_glass_reads(["health record PDF"])
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": clients,
            "records": records,
            "printed_on": fields.Datetime.now(),
        }
