# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The chain dashboard's monthly figures (skinpro.report.session.month) are the
sessions' own: before the nightly fold, after it, and as soon as a session of a
folded month is booked, moved, cancelled or deleted."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import ExampleChain

GROUPS = ["company_id", "date:month", "product_tmpl_id", "depth_class", "state"]
AMOUNTS = ["revenue:sum", "consumables_cost:sum"]


@tagged("post_install", "-at_install")
class TestReportSessionMonth(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        example = ExampleChain(cls.env)
        cls.slc = example.studio_salt_lake
        studios = cls.env["res.company"].search([])
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=studios.ids)
        )
        cls.Month = cls.env["skinpro.report.session.month"]
        cls.client = example.client_slc_cleared
        cls.treatment = example.product_full_face.product_variant_ids[:1]
        cls.months_ago = fields.Datetime.now() - relativedelta(months=4)
        # A history of its own: a session booked in each of the last six months,
        # some of them past the nightly fold.
        for months in range(1, 7):
            cls.env["skinpro.treatment.session"].create(
                {
                    "partner_id": cls.client.id,
                    "company_id": cls.slc.id,
                    "product_id": cls.treatment.id,
                    "planned_start": fields.Datetime.now()
                    - relativedelta(months=months),
                }
            )

    def sessions_figures(self):
        rows = self.env["skinpro.report.session"]._read_group(
            [], GROUPS, ["__count", *AMOUNTS]
        )
        return self.keyed(rows)

    def month_figures(self):
        # The sessions' rows; each studio's service rows carry no session state.
        rows = self.Month._read_group(
            [("state", "!=", False)], GROUPS, ["session_count:sum", *AMOUNTS]
        )
        return self.keyed(rows)

    def keyed(self, rows):
        return {
            tuple(getattr(value, "id", value) for value in row[: len(GROUPS)]): tuple(
                row[len(GROUPS) :]
            )
            for row in rows
        }

    def assertSameFigures(self):
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.month_figures(), self.sessions_figures())

    def book_months_ago(self):
        return self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client.id,
                "company_id": self.slc.id,
                "product_id": self.treatment.id,
                "planned_start": self.months_ago,
            }
        )

    def slc_sessions(self, month):
        key = (self.slc.id, month)
        return sum(
            count
            for group, (count, _revenue, _cost) in self.month_figures().items()
            if group[:2] == key
        )

    def test_the_figures_are_the_sessions_before_and_after_the_fold(self):
        self.assertTrue(self.sessions_figures(), "the history has sessions")
        self.assertSameFigures()
        self.Month._cron_fold()
        cut = self.Month._folded_until()
        today = fields.Date.context_today(self.Month)
        self.assertEqual(cut, today.replace(day=1) - relativedelta(months=1))
        self.env.cr.execute(
            "SELECT COUNT(*), MAX(date) FROM skinpro_session_month_folded"
        )
        folded, last_folded = self.env.cr.fetchone()
        self.assertTrue(folded, "the history's past months are folded")
        self.assertLess(last_folded, cut)
        self.assertSameFigures()
        # Folding again the next night changes nothing.
        self.Month._cron_fold()
        self.assertSameFigures()

    def test_a_session_of_a_folded_month_counts_at_once(self):
        self.Month._cron_fold()
        month = self.months_ago.date().replace(day=1)
        before = self.slc_sessions(month)
        session = self.book_months_ago()
        self.assertEqual(self.slc_sessions(month), before + 1)
        self.assertSameFigures()
        # Moved to today: out of the folded month, into this one.
        session.planned_start = fields.Datetime.now()
        self.assertEqual(self.slc_sessions(month), before)
        self.assertSameFigures()
        session.planned_start = self.months_ago
        self.assertSameFigures()
        session.action_cancel()
        self.assertEqual(self.slc_sessions(month), before)
        self.assertSameFigures()
        # Folded again at night: the month is read from its figures again, right.
        self.Month._cron_fold()
        self.env.cr.execute("SELECT COUNT(*) FROM skinpro_session_month_changed")
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        self.assertSameFigures()

    def test_a_deleted_session_leaves_its_folded_month(self):
        session = self.book_months_ago()
        self.Month._cron_fold()
        month = self.months_ago.date().replace(day=1)
        before = self.slc_sessions(month)
        session.unlink()
        self.assertEqual(self.slc_sessions(month), before - 1)
        self.assertSameFigures()
