# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo's photos: a Salt Lake City regular's last three sessions, each with
its before sequence, and a follow-up after the last, drawn so that the redness
visibly fades from one session to the next."""

import base64
import io
import random

from PIL import Image, ImageDraw

from ..models.skinpro_state_machine import acting

# Where the face sits in the frame from each angle: its centre's shift.
SHIFTS = {"front": 0, "left_45": -60, "right_45": 60}


def face(angle_code, redness, seed):
    """A drawn face seen from `angle_code`, with `redness` blotches (0 to 40)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (600, 800), (236, 236, 232))
    draw = ImageDraw.Draw(image)
    centre = 300 + SHIFTS.get(angle_code, 0)
    draw.ellipse((centre - 190, 130, centre + 190, 690), fill=(226, 180, 150))
    for eye in (-75, 75):
        x = centre + eye + SHIFTS.get(angle_code, 0) // 3
        draw.ellipse((x - 28, 330, x + 28, 360), fill=(70, 50, 40))
    draw.arc((centre - 70, 520, centre + 70, 600), 20, 160, fill=(160, 80, 80), width=6)
    for _spot in range(redness):
        x = centre + rng.randint(-150, 150)
        y = rng.randint(380, 620)
        radius = rng.randint(6, 16)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(205, 120, 110)
        )
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85)
    return base64.b64encode(output.getvalue())


class DemoPhotos:
    def __init__(self, env):
        self.env = env

    def generate(self):
        studio = self.env.ref("skinpro_needling.studio_salt_lake")
        angles = self.env["skinpro.photo.angle"].search([("code", "in", list(SHIFTS))])
        Session = self.env["skinpro.treatment.session"]
        groups = Session._read_group(
            [("company_id", "=", studio.id), ("state", "=", "done")],
            ["partner_id"],
            ["__count"],
            order="__count desc",
            limit=1,
        )
        if not groups:
            return
        client = groups[0][0]
        sessions = Session.search(
            [
                ("partner_id", "=", client.id),
                ("company_id", "=", studio.id),
                ("state", "=", "done"),
            ],
            order="date_start desc",
            limit=3,
        ).sorted("date_start")
        Photo = self.env["skinpro.photo"]
        values = []
        for rank, session in enumerate(sessions):
            taken_on = session.date_start or session.planned_start
            for angle in angles:
                values.append(
                    self._values(session, angle, "before", taken_on, 36 - 12 * rank)
                )
        last = sessions[-1:]
        for angle in angles:
            values.extend(
                self._values(session, angle, "after", session.date_end, 6)
                for session in last
            )
        with acting(Photo):
            Photo.create(values)
        client.write(
            {
                "skinpro_marketing_photo_consent": True,
                "skinpro_marketing_consent_on": sessions[:1].date_start,
            }
        )

    def _values(self, session, angle, phase, taken_on, redness):
        return {
            "partner_id": session.partner_id.id,
            "company_id": session.company_id.id,
            "session_id": session.id,
            "angle": angle.id,
            "phase": phase,
            "taken_on": taken_on,
            "taken_by_id": session.practitioner_id.id,
            "image": face(angle.code, redness, seed=session.id),
        }
