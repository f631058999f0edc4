# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Client photos: a clean file whatever the door, the treatment's photo sequence
before completion, who sees and who downloads them, consent by scope."""

import base64
import importlib.util
import io
import re
from pathlib import Path

from PIL import Image

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..rules import photos as photo_rules
from .common import StockedStudiosCase

GPS_IFD = 0x8825
MAKE = 0x010F


def jpeg_with_gps(width=2400, height=1200, color=(200, 150, 120)):
    """A JPEG carrying a location and a device in its EXIF data, as a phone's."""
    image = Image.new("RGB", (width, height), color)
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def photo_b64(**kwargs):
    return base64.b64encode(jpeg_with_gps(**kwargs))


class PhotoCase(StockedStudiosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.angles = cls.env["skinpro.photo.angle"].search(
            [("code", "in", ("front", "left_45", "right_45"))]
        )
        cls.treatment.product_tmpl_id.skinpro_photo_angle_ids = cls.angles
        practitioner = "skinpro_needling.group_practitioner"
        cls.practitioner_a = cls.studio_user(
            "photo_pract_a", cls.studio_a, practitioner
        )
        cls.practitioner_b = cls.studio_user(
            "photo_pract_b", cls.studio_b, practitioner
        )
        cls.manager_a = cls.studio_user(
            "photo_manager_a", cls.studio_a, "skinpro_needling.group_studio_manager"
        )
        cls.front_desk_a = cls.studio_user(
            "photo_desk_a", cls.studio_a, "skinpro_needling.group_front_desk"
        )
        cls.chain_manager = cls.studio_user(
            "photo_chain", cls.studio_a, "skinpro_needling.group_chain_manager"
        )
        cls.chain_manager.company_ids = cls.studio_a | cls.studio_b

    def photo(self, session=None, angle=None, phase="before", client=None, **vals):
        return self.env["skinpro.photo"].create(
            {
                "partner_id": (client or self.client_a).id,
                "company_id": (session.company_id if session else self.studio_a).id,
                "session_id": session and session.id,
                "angle": (angle or self.angles[0]).id,
                "phase": phase,
                "image": photo_b64(),
                **vals,
            }
        )

    def before_sequence(self, session):
        for angle in self.angles:
            self.photo(session, angle)


def exif_of(image_b64):
    image = Image.open(io.BytesIO(base64.b64decode(image_b64)))
    return image, dict(image.getexif()), image.info


@tagged("post_install", "-at_install")
class TestPhotoFiles(PhotoCase):
    def test_rule_cleans_location_and_device_and_resizes(self):
        data = jpeg_with_gps()
        self.assertIn(GPS_IFD, Image.open(io.BytesIO(data)).getexif())
        clean = Image.open(io.BytesIO(photo_rules.clean_image(data)))
        self.assertFalse(dict(clean.getexif()))
        self.assertNotIn("exif", clean.info)
        self.assertEqual(clean.size, (1920, 960))
        with self.assertRaises(ValueError):
            photo_rules.clean_image(b"not an image at all")

    def test_a_photo_created_by_the_orm_or_the_api_is_cleaned(self):
        photo = self.photo().with_user(self.practitioner_a)
        image, exif, info = exif_of(photo.image)
        self.assertFalse(exif)
        self.assertNotIn("exif", info)
        self.assertLessEqual(max(image.size), photo_rules.MAX_SIDE)
        # A later write of a new file goes through the same door.
        photo.write({"image": photo_b64(width=3000, height=3000)})
        image, exif, _info = exif_of(photo.image)
        self.assertFalse(exif)
        self.assertEqual(image.size, (1920, 1920))

    def test_a_file_that_is_no_image_is_refused(self):
        with self.assertRaises(UserError):
            self.photo(image=base64.b64encode(b"%PDF-1.4 not a photo"))

    def test_the_sessions_single_before_photo_is_cleaned_too(self):
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.treatment.id,
                "before_photo": photo_b64(),
            }
        )
        _image, exif, _info = exif_of(session.before_photo)
        self.assertFalse(exif)


@tagged("post_install", "-at_install")
class TestPhotoSequence(PhotoCase):
    def setUp(self):
        super().setUp()
        self.stock_studio(self.studio_a, "PH")

    def test_a_sequence_takes_at_least_three_angles_or_none(self):
        template = self.treatment.product_tmpl_id
        with self.assertRaises(ValidationError):
            template.skinpro_photo_angle_ids = self.angles[:2]
        template.skinpro_photo_angle_ids = False
        self.assertFalse(template.skinpro_photo_angle_ids)

    def test_completion_waits_for_the_before_sequence(self):
        session = self.started_session(self.studio_a, self.client_a)
        self.photo(session, self.angles[0])
        self.assertIn(self.angles[1].name, session.before_photos_missing)
        with self.assertRaisesRegex(UserError, self.angles[2].name):
            session.action_done()
        self.assertEqual(session.state, "in_progress")
        # An after photo is no before photo.
        self.photo(session, self.angles[1], phase="after")
        with self.assertRaises(UserError):
            session.action_done()
        self.photo(session, self.angles[1])
        self.photo(session, self.angles[2])
        self.assertFalse(session.before_photos_missing)
        session.action_done()
        self.assertEqual(session.state, "done")

    def test_a_recorded_refusal_with_its_reason_lets_the_session_complete(self):
        session = self.started_session(self.studio_a, self.client_a)
        session.photo_refusal_reason = "   "
        with self.assertRaises(UserError):
            session.action_done()
        session.photo_refusal_reason = "Client does not want photos taken today."
        session.action_done()
        self.assertEqual(session.state, "done")
        self.env.cr.precommit.run()
        self.assertIn(
            "does not want photos",
            " ".join(
                filter(
                    None,
                    session.message_ids.tracking_value_ids.mapped("new_value_text"),
                )
            ),
        )

    def test_a_treatment_without_a_sequence_requires_no_photo(self):
        self.treatment.product_tmpl_id.skinpro_photo_angle_ids = False
        session = self.started_session(self.studio_a, self.client_a)
        session.action_done()
        self.assertEqual(session.state, "done")

    def test_a_done_sessions_photos_are_locked_and_follow_ups_are_added(self):
        session = self.started_session(self.studio_a, self.client_a)
        self.before_sequence(session)
        session.action_done()
        before = session.photo_ids[0].with_user(self.practitioner_a)
        with self.assertRaises(UserError):
            before.write({"phase": "after"})
        with self.assertRaises(UserError):
            before.unlink()
        with self.assertRaises(UserError):
            self.photo(session, self.angles[0])
        follow_up = self.photo(session, self.angles[0], phase="after")
        self.assertIn(follow_up, session.photo_ids)
        # And through the session's form.
        session.with_user(self.practitioner_a).write(
            {
                "photo_ids": [
                    Command.create(
                        {
                            "partner_id": self.client_a.id,
                            "company_id": self.studio_a.id,
                            "angle": self.angles[1].id,
                            "phase": "after",
                            "image": photo_b64(),
                        }
                    )
                ]
            }
        )
        self.assertEqual(len(session.photo_ids), 5)

    def test_a_photo_is_of_the_sessions_client(self):
        session = self.started_session(self.studio_a, self.client_a)
        with self.assertRaises(ValidationError):
            self.photo(session, client=self.client_b)


@tagged("post_install", "-at_install")
class TestPhotoMigration(PhotoCase):
    def test_a_sessions_before_photo_becomes_a_clean_front_photo(self):
        self.stock_studio(self.studio_a, "MIG")
        session = self.started_session(self.studio_a, self.client_a)
        session.photo_refusal_reason = "Taken before photo sequences existed."
        session.action_done()
        # 19.0.1.1.0 kept the file as it came, EXIF and all.
        self.env.cr.execute(
            "UPDATE skinpro_treatment_session SET photo_refusal_reason = NULL "
            "WHERE id = %s",
            [session.id],
        )
        self.env["ir.attachment"].create(
            {
                "name": "before_photo",
                "res_model": session._name,
                "res_field": "before_photo",
                "res_id": session.id,
                # Small enough for ir.attachment to keep it as it is.
                "datas": photo_b64(width=800, height=600),
            }
        )
        self.env.invalidate_all()
        self.assertTrue(exif_of(session.before_photo)[1])
        script = (
            Path(__file__).parent.parent
            / "migrations"
            / "19.0.1.2.0"
            / "post-photos.py"
        )
        spec = importlib.util.spec_from_file_location("post_photos", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "19.0.1.1.0")
        self.env.invalidate_all()
        photo = session.photo_ids
        self.assertEqual(len(photo), 1)
        self.assertEqual(
            photo.angle, self.env.ref("skinpro_needling.photo_angle_front")
        )
        self.assertEqual(photo.phase, "before")
        self.assertFalse(exif_of(photo.image)[1])
        # Run twice, it adds nothing.
        module.migrate(self.env.cr, "19.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(len(session.photo_ids), 1)


@tagged("post_install", "-at_install")
class TestPhotoAccess(PhotoCase):
    def test_clinical_roles_of_the_clients_studio_see_the_photos(self):
        photo = self.photo()
        Photo = self.env["skinpro.photo"]
        self.assertEqual(
            Photo.with_user(self.practitioner_a).search([("id", "=", photo.id)]), photo
        )
        self.assertFalse(
            Photo.with_user(self.practitioner_b).search([("id", "=", photo.id)])
        )
        for user in (self.front_desk_a, self.chain_manager):
            with self.assertRaises(AccessError):
                photo.with_user(user).read(["image_1024"])

    def test_a_break_glass_access_opens_the_photos(self):
        self.screening(client=self.client_a, studio=self.studio_a).action_confirm()
        photo = self.photo()
        with self.assertRaises(AccessError):
            photo.with_user(self.practitioner_b).read(["image_1024"])
        self.client_a.with_user(self.practitioner_b).action_skinpro_break_glass(
            "Client in studio B with a reaction after her session in A."
        )
        photo.with_user(self.practitioner_b).read(["image_1024"])
        self.assertTrue(
            self.env["skinpro.break.glass.read"].search(
                [("res_model", "=", "skinpro.photo"), ("res_id", "=", photo.id)]
            )
        )

    def test_downloading_is_a_right_of_its_own_and_is_logged(self):
        photo = self.photo()
        practitioner = self.practitioner_a
        self.assertFalse(
            practitioner.has_group("skinpro_needling.group_skinpro_photo_download")
        )
        with self.assertRaises(UserError):
            photo.with_user(practitioner)._skinpro_download()
        self.assertFalse(photo.download_ids)
        data = photo.with_user(self.manager_a)._skinpro_download()
        self.assertEqual(data, base64.b64decode(photo.image))
        self.assertEqual(photo.download_ids.user_id, self.manager_a)
        # Another studio's manager downloads nothing.
        manager_b = self.studio_user(
            "photo_manager_b", self.studio_b, "skinpro_needling.group_studio_manager"
        )
        with self.assertRaises(AccessError):
            photo.with_user(manager_b)._skinpro_download()
        self.assertEqual(len(photo.download_ids), 1)

    def test_no_read_gives_the_file_without_the_right(self):
        photo = self.photo()
        self.practitioner_a.group_ids += self.env.ref("base.group_allow_export")
        as_practitioner = photo.with_user(self.practitioner_a)
        self.assertFalse(as_practitioner.read(["image"])[0]["image"])
        self.assertTrue(as_practitioner.read(["image_1024"])[0]["image_1024"])
        self.assertFalse(
            as_practitioner.search_read([("id", "=", photo.id)], ["image"])[0]["image"]
        )
        self.assertFalse(as_practitioner.web_read({"image": {}})[0]["image"])
        self.assertEqual(as_practitioner.export_data(["image"])["datas"], [[False]])
        # The download right reads it.
        file = photo.with_user(self.manager_a).read(["image"])[0]["image"]
        self.assertEqual(base64.b64decode(file), base64.b64decode(photo.image))


@tagged("post_install", "-at_install")
class TestPhotoConsent(PhotoCase):
    def pair(self, client):
        self.photo(client=client, taken_on="2026-01-05 10:00:00")
        self.photo(client=client, phase="after", taken_on="2026-03-05 10:00:00")

    def gallery(self):
        self.env.invalidate_all()
        return self.env["skinpro.marketing.gallery"].with_user(self.chain_manager)

    def test_the_gallery_holds_consented_pairs_only_and_a_withdrawal_empties_it(self):
        self.pair(self.client_a)
        self.pair(self.client_b)
        self.assertFalse(self.gallery().search([]))
        self.client_a.with_user(
            self.practitioner_a
        ).action_skinpro_give_marketing_consent()
        pairs = self.gallery().search([])
        self.assertEqual(len(pairs), 1)
        self.assertTrue(pairs.before_image and pairs.after_image)
        self.assertEqual(pairs.angle, self.angles[0])
        self.assertNotIn("partner_id", pairs._fields)
        # As the gallery's kanban reads it.
        [card] = pairs.web_search_read(
            [], {"before_image": {}, "after_image": {}, "write_date": {}}
        )["records"]
        self.assertTrue(card["before_image"] and card["write_date"])
        self.client_a.with_user(
            self.practitioner_a
        ).action_skinpro_withdraw_marketing_consent()
        self.assertFalse(self.gallery().search([]))
        self.assertTrue(self.client_a.skinpro_marketing_consent_withdrawn_on)
        bodies = " ".join(self.client_a.message_ids.mapped("body"))
        self.assertIn("Marketing photo consent given", bodies)
        self.assertIn("Marketing photo consent withdrawn", bodies)
        # The clinical photos stay.
        self.assertEqual(
            self.env["skinpro.photo"].search_count(
                [("partner_id", "=", self.client_a.id)]
            ),
            2,
        )

    def test_only_clinical_roles_record_the_marketing_consent(self):
        with self.assertRaises(UserError):
            self.client_a.with_user(
                self.front_desk_a
            ).action_skinpro_give_marketing_consent()
        with self.assertRaises(AccessError):
            self.env["skinpro.marketing.gallery"].with_user(self.practitioner_a).search(
                []
            )

    def test_withdrawing_the_clinical_consent_deletes_every_photo(self):
        self.stock_studio(self.studio_a, "WD")
        session = self.started_session(self.studio_a, self.client_a)
        self.before_sequence(session)
        session.action_done()
        self.photo(session, phase="after")
        screening = session.screening_id
        screening.action_withdraw_photo_consent()
        self.assertFalse(
            self.env["skinpro.photo"].search([("partner_id", "=", self.client_a.id)])
        )
        self.assertIn(
            "4 photo(s) of the session were deleted",
            " ".join(session.message_ids.mapped("body")),
        )


@tagged("post_install", "-at_install")
class TestPhotoDoors(PhotoCase, HttpCase):
    """The HTTP doors: the portal's upload, /web/content, the download route, the
    portal's marketing consent."""

    def csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_the_file_itself_leaves_only_by_the_logged_download(self):
        photo = self.photo()
        file = base64.b64decode(photo.image)
        self.authenticate("photo_pract_a", "photo_pract_a")
        screen = self.url_open(f"/web/image/skinpro.photo/{photo.id}/image_1024")
        self.assertEqual(screen.status_code, 200)
        self.assertEqual(screen.headers["Content-Type"], "image/jpeg")
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "skinpro.photo"),
                ("res_id", "=", photo.id),
                ("res_field", "=", "image"),
            ]
        )
        for url in (
            f"/web/content/skinpro.photo/{photo.id}/image?download=true",
            f"/web/image/skinpro.photo/{photo.id}/image",
            f"/web/content/{attachment.id}?download=true",
            f"/skinpro/photo/{photo.id}/download",
        ):
            with mute_logger("odoo.http"):
                response = self.url_open(url)
            # Refused, or /web/image's placeholder in its place.
            self.assertFalse(
                response.status_code == 200 and response.content == file, url
            )
        self.assertFalse(photo.download_ids)

        self.authenticate("photo_manager_a", "photo_manager_a")
        response = self.url_open(f"/skinpro/photo/{photo.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, base64.b64decode(photo.image))
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertEqual(photo.download_ids.user_id, self.manager_a)

    def test_a_photo_sent_from_the_portal_is_cleaned(self):
        self.client_a.email = "client.a@example.com"
        self.client_a.with_user(self.practitioner_a).with_company(
            self.studio_a
        ).action_skinpro_send_screening_invitation()
        screening = self.env["skinpro.screening"].search(
            [("partner_id", "=", self.client_a.id), ("state", "=", "draft")]
        )
        url = screening.get_portal_url()
        response = self.url_open(
            f"/my/skinpro/screening/{screening.id}/answers",
            data={
                "csrf_token": self.csrf(url),
                "access_token": screening.access_token,
                "consent": "on",
                "photo_consent": "on",
                **{f"answer_{line.id}": "no" for line in screening.answer_ids},
            },
            files={"photos": ("cheek.jpg", jpeg_with_gps(), "image/jpeg")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        self.assertEqual(len(screening.before_photo_ids), 1)
        image = Image.open(io.BytesIO(screening.before_photo_ids.raw))
        self.assertFalse(dict(image.getexif()))
        self.assertEqual(max(image.size), photo_rules.MAX_SIDE)

    def test_the_client_gives_and_withdraws_marketing_consent_on_the_portal(self):
        screening = self.screening()
        screening.sudo().photo_withdrawal_token = "marketing-token"
        url = f"/my/skinpro/photo-consent/{screening.id}?access_token=marketing-token"
        self.assertIn("o_skinpro_marketing_give", self.url_open(url).text)

        def post(choice):
            return self.url_open(
                f"/my/skinpro/photo-consent/{screening.id}",
                data={
                    "csrf_token": self.csrf(url),
                    "access_token": "marketing-token",
                    "scope": "marketing",
                    "marketing": choice,
                },
            )

        self.assertEqual(post("give").status_code, 200)
        self.env.invalidate_all()
        self.assertTrue(self.client_a.skinpro_marketing_photo_consent)
        self.assertIn("o_skinpro_marketing_withdraw", self.url_open(url).text)
        self.assertEqual(post("withdraw").status_code, 200)
        self.env.invalidate_all()
        self.assertFalse(self.client_a.skinpro_marketing_photo_consent)
        self.assertTrue(self.client_a.skinpro_marketing_consent_withdrawn_on)
        # The clinical consent is untouched.
        self.assertFalse(screening.photo_consent_withdrawn_on)
