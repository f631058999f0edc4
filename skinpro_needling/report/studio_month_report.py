# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


def last_month(record):
    """The first day of the month before today, in the user's time zone."""
    return fields.Date.context_today(record).replace(day=1) - relativedelta(months=1)


class StudioMonthReport(models.AbstractModel):
    """The monthly studio report: one page of figures per studio printed."""

    _name = "report.skinpro_needling.report_studio_month"
    _description = "Monthly studio report"

    @api.model
    def _get_report_values(self, docids, data=None):
        month = (data or {}).get("month") or last_month(self)
        studios = self.env["res.company"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "res.company",
            "docs": studios,
            "outcome_labels": dict(
                self.env["skinpro.report.screening"]
                ._fields["outcome"]
                ._description_selection(self.env)
            ),
            "figures": {
                studio.id: self._studio_figures(studio, month) for studio in studios
            },
            "shelf": {
                studio.id: self._shelf_figures(studio, month) for studio in studios
            },
        }

    @api.model
    @api.readonly
    def _studio_figures(self, studio, month):
        """The studio's figures for the month of `month` (a date), as its monthly
        report prints them. Read-only, so a chain with a read replica serves it
        from there; it reads the report views, under the caller's access."""
        start = fields.Date.to_date(month).replace(day=1)
        end = start + relativedelta(months=1)
        period = [
            ("company_id", "=", studio.id),
            ("date", ">=", start),
            ("date", "<", end),
        ]
        sessions = self.env["skinpro.report.session"]
        done = period + [("state", "=", "done")]
        [[count, revenue, cost]] = sessions._read_group(
            done, [], ["__count", "revenue:sum", "consumables_cost:sum"]
        )
        expiring = self.env["stock.quant"].search(
            [
                ("company_id", "=", studio.id),
                ("location_id.usage", "=", "internal"),
                ("quantity", ">", 0),
                ("expiration_date", "<", end + relativedelta(months=1)),
            ],
            order="expiration_date, id",
        )
        return {
            "month": start,
            "sessions": count,
            "revenue": revenue,
            "consumables_cost": cost,
            "sessions_by_treatment": sessions._read_group(
                done, ["product_tmpl_id"], ["__count", "revenue:sum"]
            ),
            "outcomes": self.env["skinpro.report.screening"]._read_group(
                period, ["outcome"], ["__count"]
            ),
            "referrals": self.env["skinpro.report.referral"]._read_group(
                period, ["stage_id"], ["__count", "days_to_acceptance:avg"]
            ),
            "consumption": self.env["skinpro.report.consumption"]._read_group(
                period,
                ["product_id", "uom_id"],
                ["expected_qty:sum", "actual_qty:sum", "variance_qty:sum"],
            ),
            "expiring_quants": expiring,
            "practitioner_figures": self.env[
                "skinpro.report.practitioner.month"
            ]._month_figures(studio, start),
        }

    @api.model
    @api.readonly
    def _shelf_figures(self, studio, month):
        """Charted use against the shelf for the studio's month: its rows of
        skinpro.report.shelf, and per consumable the practitioners whose sessions
        used it with their quantities, as a line of text (from the consumption
        analysis: no client)."""
        start = fields.Date.to_date(month).replace(day=1)
        end = start + relativedelta(months=1)
        rows = self.env["skinpro.report.shelf"].search(
            [("company_id", "=", studio.id), ("date", "=", start)],
            order="product_id",
        )
        used_by = {}
        for product, practitioner, quantity in self.env[
            "skinpro.report.consumption"
        ]._read_group(
            [
                ("company_id", "=", studio.id),
                ("date", ">=", fields.Datetime.to_datetime(start)),
                ("date", "<", fields.Datetime.to_datetime(end)),
                ("actual_qty", "!=", 0),
            ],
            ["product_id", "practitioner_id"],
            ["actual_qty:sum"],
        ):
            used_by.setdefault(product.id, []).append(
                f"{practitioner.name} {quantity:g}"
            )
        return {
            "rows": rows,
            "used_by": {product: ", ".join(uses) for product, uses in used_by.items()},
        }
