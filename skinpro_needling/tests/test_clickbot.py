# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unittest
from datetime import datetime, time

import pytz

from odoo.tests import HttpCase, tagged

CLICKBOT = (
    "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
    ".startClickEverywhere('skinpro_needling.menu_skinpro_root');"
)


@tagged("post_install", "-at_install")
class TestClickbot(HttpCase):
    """Every menu and every view of the Micro-needling app opens, with each of its
    filters, for every demo login of the app's roles: Odoo's clickbot in headless
    Chromium, logged in as each of them. It needs the demo's users and records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        module = cls.env["ir.module.module"].search([("name", "=", "skinpro_needling")])
        if not module.demo:
            raise unittest.SkipTest(
                "the demo's logins and records: needs a database with demo data"
            )
        privilege = cls.env.ref("skinpro_needling.res_groups_privilege_skinpro")
        # The demo's logins of the app's roles, however many the demo holds; the
        # password of each is its login.
        roles = cls.env["res.groups"].search([("privilege_id", "=", privilege.id)])
        cls.logins = roles.all_user_ids.filtered(lambda user: not user.share).sorted(
            "login"
        )
        cls.logins.tour_enabled = False

    def test_every_menu_and_view_opens_for_every_demo_login(self):
        self.assertGreaterEqual(
            set(self.logins.mapped("login")),
            {"admin", "frontdesk", "practitioner", "inventory"},
        )
        for user in self.logins:
            with self.subTest(login=user.login):
                self.browser_js(
                    "/odoo",
                    CLICKBOT,
                    "odoo.isReady === true",
                    login=user.login,
                    timeout=600,
                    success_signal="clickbot test succeeded",
                )

    def test_the_day_view_shows_the_days_sessions(self):
        # A session booked for noon today, in the practitioner's time zone; one of
        # yesterday's stays off the day.
        practitioner = self.env.ref("skinpro_needling.user_slc_practitioner")
        zone = pytz.timezone(practitioner.tz or "UTC")
        today = datetime.now(zone).date()
        noon = zone.localize(datetime.combine(today, time(12))).astimezone(pytz.utc)
        self.env.ref(
            "skinpro_needling.session_emma_planned"
        ).planned_start = noon.replace(tzinfo=None)
        self.start_tour("/odoo", "skinpro_day_view", login="practitioner")
