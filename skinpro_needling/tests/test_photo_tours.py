# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The practitioner, in headless Chromium, takes the three before photos of a
session with the previous session's photo as an overlay, then compares them."""

from odoo.tests import HttpCase, tagged

from .test_photos import PhotoCase, exif_of


@tagged("post_install", "-at_install")
class TestPhotoTours(PhotoCase, HttpCase):
    def test_practitioner_takes_the_sequence_and_compares_two_sessions(self):
        self.stock_studio(self.studio_a, "TOUR")
        earlier = self.started_session(self.studio_a, self.client_a)
        for angle in self.angles:
            self.photo(earlier, angle, taken_on="2026-01-10 10:00:00")
        earlier.action_done()
        session = self.started_session(self.studio_a, self.client_a)

        self.start_tour(
            f"/odoo/skinpro.treatment.session/{session.id}",
            "skinpro_photo_sequence",
            login="photo_pract_a",
        )
        before = session.photo_ids.filtered(lambda p: p.phase == "before")
        self.assertEqual(before.angle, self.angles)
        self.assertEqual(before.taken_by_id, self.practitioner_a)
        for photo in before:
            self.assertFalse(exif_of(photo.image)[1])
        self.assertFalse(session.before_photos_missing)
        session.with_user(self.practitioner_a).action_done()
        self.assertEqual(session.state, "done")


@tagged("post_install", "-at_install")
class TestPhotoDemoTours(HttpCase):
    def test_the_demo_practitioner_compares_a_regulars_three_sessions(self):
        practitioner = self.env.ref("skinpro_needling.user_slc_practitioner", False)
        if not practitioner:
            self.skipTest("the demo's logins: a database with demo data")
        photos = self.env["skinpro.photo"].search([])
        client = photos.partner_id
        self.assertEqual(len(client), 1)
        self.assertEqual(len(photos.session_id), 3)
        self.assertTrue(client.skinpro_marketing_photo_consent)
        self.start_tour(
            f"/odoo/res.partner/{client.id}",
            "skinpro_photo_demo_compare",
            login=practitioner.login,
        )
