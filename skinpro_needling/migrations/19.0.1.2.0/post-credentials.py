# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Credentials come with `hr_skills`: every practitioner becomes an employee of
each studio they work at, so their studio manager can record their licences.
Studios start without requirements: nobody is gated until a studio declares them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search(
        [("parent_id", "!=", False)]
    ).action_skinpro_employ_practitioners()
