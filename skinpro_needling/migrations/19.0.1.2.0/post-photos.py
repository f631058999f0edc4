# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Each session's before photo becomes a client photo of the front angle, cleaned
of its EXIF data; the session's field keeps it until the field is retired."""

from odoo import SUPERUSER_ID, api

from odoo.addons.skinpro_needling.models.skinpro_state_machine import acting


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    front = env.ref("skinpro_needling.photo_angle_front")
    sessions = (
        env["skinpro.treatment.session"]
        .with_context(active_test=False)
        .search([("before_photo", "!=", False), ("photo_ids", "=", False)])
    )
    Photo = env["skinpro.photo"]
    with acting(Photo):
        for session in sessions:
            Photo.create(
                {
                    "partner_id": session.partner_id.id,
                    "company_id": session.company_id.id,
                    "session_id": session.id,
                    "angle": front.id,
                    "phase": "before",
                    "image": session.before_photo,
                    "taken_on": session.date_start or session.planned_start,
                    "taken_by_id": session.practitioner_id.id,
                }
            )
