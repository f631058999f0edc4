# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures per practitioner and month: fold the months the chain dashboard has
folded already, and write every practitioner's working hours. Sessions cancelled
before this version keep no cancellation kind: they count neither as late nor as
no-shows, nothing having recorded when or how they were cancelled."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cut = env["skinpro.report.session.month"]._folded_until()
    figures = env["skinpro.report.practitioner.month"]
    if cut:
        figures._fold(cut, None)
    else:
        figures._skinpro_refresh_hours()
