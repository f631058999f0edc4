# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import re
import uuid
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import create_studios

PNG = (Path(__file__).parent.parent / "demo" / "consent_signature.png").read_bytes()
SIGNATURE = base64.b64encode(PNG)
PORTAL_LOGGER = "odoo.addons.skinpro_needling.models.skinpro_portal_attempt"


@tagged("post_install", "-at_install")
class TestClientPortal(HttpCase):
    """The client fills in, signs and sends the screening from the link of a mail,
    on the portal without logging in; the link opens that screening only, while it
    is open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        chain = cls.env.ref("base.main_company")
        cls.studio = create_studios(
            cls.env,
            {
                "name": "Portal studio",
                "parent_id": chain.id,
                "skinpro_code": "PORT",
                "email": "portal@studio.example",
                "country_id": chain.country_id.id,
            },
        )
        users = {
            login: new_test_user(
                cls.env,
                login=login,
                groups=f"base.group_user,skinpro_needling.group_{group}",
                company_id=cls.studio.id,
                company_ids=cls.studio.ids,
            )
            for login, group in (
                ("portalpract", "practitioner"),
                ("portaldesk", "front_desk"),
            )
        }
        cls.practitioner = users["portalpract"]
        cls.front_desk = users["portaldesk"]
        cls.client = cls.env["res.partner"].create(
            {"name": "Portal Client", "email": "portal.client@example.com"}
        )
        cls.other_client = cls.env["res.partner"].create(
            {"name": "Other Client", "email": "other.client@example.com"}
        )
        cls.treatment = cls.env["product.product"].create(
            {
                "name": "Portal micro-needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )

    # --- helpers ----------------------------------------------------------------

    def invited(self, client=None):
        """The client's draft screening at the studio, invited by the practitioner."""
        partner = (client or self.client).with_user(self.practitioner)
        partner.with_company(self.studio).action_skinpro_send_screening_invitation()
        return self.env["skinpro.screening"].search(
            [("partner_id", "=", (client or self.client).id), ("state", "=", "draft")]
        )

    def csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def post_answers(self, screening, files=None, **extra):
        url = screening.get_portal_url()
        data = {
            "csrf_token": self.csrf(url),
            "access_token": screening.access_token,
            "consent": "on",
            **{f"answer_{line.id}": "no" for line in screening.answer_ids},
            **extra,
        }
        response = self.url_open(
            f"/my/skinpro/screening/{screening.id}/answers",
            data=data,
            files=files,
            allow_redirects=False,
        )
        self.env.invalidate_all()
        return response

    def sign(self, screening, token=None):
        result = self.make_jsonrpc_request(
            f"/my/skinpro/screening/{screening.id}/sign?access_token="
            f"{token or screening.access_token}",
            {"name": "Portal Client", "signature": SIGNATURE.decode()},
        )
        self.env.invalidate_all()
        return result

    def refused(self, url, reason):
        before = self.env["skinpro.portal.attempt"].sudo().search_count([])
        with self.assertLogs(PORTAL_LOGGER, "WARNING") as logs:
            response = self.url_open(url)
        self.assertEqual(response.status_code, 404)
        self.assertIn("This link does not open anything", response.text)
        self.assertEqual(response.headers["Cache-Control"], "no-store, max-age=0")
        attempt = self.env["skinpro.portal.attempt"].sudo().search([], limit=1)
        self.assertEqual(
            self.env["skinpro.portal.attempt"].sudo().search_count([]), before + 1
        )
        self.assertEqual((attempt.kind, attempt.reason), ("refused", reason))
        return response, logs.output

    def outgoing_bodies(self):
        """The messages mailed to the clients, and their text."""
        self.env.invalidate_all()
        mails = (
            self.env["mail.message"]
            .sudo()
            .search([("partner_ids", "in", (self.client | self.other_client).ids)])
        )
        return mails, " ".join(
            str(body) for body in mails.mapped("body") + mails.mapped("subject")
        )

    # --- the invitation -----------------------------------------------------------

    def test_invitation_mails_a_link_to_a_new_draft_and_nothing_else(self):
        screening = self.invited()
        self.assertEqual(len(screening), 1)
        self.assertEqual(screening.company_id, self.studio)
        self.assertTrue(screening.access_token)
        self.assertGreater(screening.access_token_expiry, fields.Datetime.now())
        mails, bodies = self.outgoing_bodies()
        self.assertEqual(len(mails), 1)
        self.assertIn(screening.get_portal_url().replace("&", "&amp;"), bodies)
        for question in screening.answer_ids.mapped("question"):
            self.assertNotIn(question, bodies)
        # Invited again: the same draft, a new link; the first one stops working.
        old_url = screening.get_portal_url()
        self.assertEqual(self.invited(), screening)
        self.assertNotEqual(screening.get_portal_url(), old_url)
        self.refused(old_url, "wrong token")

    def test_the_front_desk_invites_a_client_without_reading_the_screening(self):
        desk_client = self.client.with_user(self.front_desk).with_company(self.studio)
        action = desk_client.action_skinpro_send_screening_invitation()
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("portal.client@example.com", action["params"]["message"])
        screening = self.env["skinpro.screening"].search(
            [("partner_id", "=", self.client.id), ("state", "=", "draft")]
        )
        self.assertEqual(screening.company_id, self.studio)
        self.assertTrue(screening.access_token)
        mails, _bodies = self.outgoing_bodies()
        self.assertEqual(len(mails), 1)
        # The front desk sees the client's status, not the screening.
        self.assertEqual(desk_client.skinpro_screening_status, "none")
        with self.assertRaises(AccessError):
            screening.with_user(self.front_desk).read(["access_token"])
        # Whoever is neither front desk nor practitioner is refused, in words.
        inventory = new_test_user(
            self.env,
            login="portalinventory",
            groups="base.group_user,skinpro_needling.group_inventory",
            company_id=self.studio.id,
            company_ids=self.studio.ids,
        )
        with self.assertRaisesRegex(AccessError, "front desk or a practitioner"):
            self.other_client.with_user(inventory).with_company(
                self.studio
            ).action_skinpro_send_screening_invitation()

    def test_a_consultation_and_a_planned_session_invite_alike(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Consultation",
                "partner_id": self.client.id,
                "company_id": self.studio.id,
            }
        )
        lead.with_user(self.practitioner).with_company(
            self.studio
        ).action_skinpro_send_screening_invitation()
        screening = self.env["skinpro.screening"].search(
            [("partner_id", "=", self.client.id)]
        )
        self.assertEqual(screening.lead_id, lead)
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.other_client.id,
                "company_id": self.studio.id,
                "product_id": self.treatment.id,
            }
        )
        session.with_user(self.practitioner).action_send_screening_invitation()
        self.assertTrue(
            self.env["skinpro.screening"]
            .search([("partner_id", "=", self.other_client.id)])
            .access_token
        )

    # --- the client's form --------------------------------------------------------

    def test_client_fills_signs_and_sends_the_form_in_the_browser(self):
        screening = self.invited()
        self.start_tour(screening.get_portal_url(), "skinpro_portal_screening")
        self.env.invalidate_all()
        peel = screening.answer_ids.filtered(
            lambda a: a.contraindication_id.code == "chemical_peel"
        )
        self.assertEqual(peel.answer, "yes")
        self.assertEqual(peel.date, fields.Date.today() - timedelta(days=30))
        self.assertEqual(set((screening.answer_ids - peel).mapped("answer")), {"no"})
        self.assertTrue(screening.consent_signature)
        self.assertTrue(screening.photo_consent_signature)
        self.assertTrue(screening.form_received_on)
        self.assertEqual(screening.state, "draft")
        self.assertEqual(screening.outcome, "cleared")
        self.assertFalse(screening.access_token)
        # The front desk sees the status, never the answers.
        desk_client = self.client.with_user(self.front_desk).with_company(self.studio)
        self.assertEqual(desk_client.skinpro_screening_status, "received")
        with self.assertRaises(AccessError):
            screening.with_user(self.front_desk).answer_ids.mapped("answer")
        with self.assertRaises(AccessError):
            self.env["skinpro.screening.answer"].with_user(self.front_desk).search([])
        # No answer and no question in any mail the client got.
        mails, bodies = self.outgoing_bodies()
        self.assertEqual(len(mails), 2)
        self.assertIn("received your health questionnaire", bodies)
        for question in screening.answer_ids.mapped("question"):
            self.assertNotIn(question, bodies)
        # The practitioner confirms at the studio: the client is cleared.
        screening.with_user(self.practitioner).action_confirm()
        self.client.invalidate_recordset()
        self.assertEqual(desk_client.skinpro_screening_status, "cleared")

    def test_answers_are_checked_and_kept_for_a_second_try(self):
        screening = self.invited()
        line = screening.answer_ids.filtered(
            lambda a: a.contraindication_id.code == "chemical_peel"
        )
        response = self.post_answers(
            screening, **{f"answer_{line.id}": "yes", "consent": ""}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Give the date, today or before, for:", response.text)
        self.assertIn("Tick the treatment consent", response.text)
        self.assertFalse(any(screening.answer_ids.mapped("answer")))
        # Signing before answering is refused.
        self.assertIn("Answer:", self.sign(screening)["error"])
        self.assertFalse(screening.form_received_on)

    def test_photos_come_with_the_photo_consent(self):
        screening = self.invited()
        url = screening.get_portal_url()
        data = {
            "csrf_token": self.csrf(url),
            "access_token": screening.access_token,
            "consent": "on",
            "photo_consent": "on",
            **{f"answer_{line.id}": "no" for line in screening.answer_ids},
        }
        response = self.url_open(
            f"/my/skinpro/screening/{screening.id}/answers",
            data=data,
            files={"photos": ("cheek.png", PNG, "image/png")},
            allow_redirects=False,
        )
        self.env.invalidate_all()
        self.assertEqual(response.status_code, 303)
        self.assertIn("step=sign", response.headers["Location"])
        self.assertEqual(len(screening.before_photo_ids), 1)
        self.assertTrue(self.sign(screening)["force_refresh"])
        self.assertTrue(screening.photo_consent_signature)

    # --- links that open nothing --------------------------------------------------

    def test_a_used_link_opens_nothing(self):
        screening = self.invited()
        url = screening.get_portal_url()
        self.assertEqual(self.post_answers(screening).status_code, 303)
        token = screening.access_token
        self.assertTrue(self.sign(screening)["force_refresh"])
        self.refused(url, "wrong token")
        with mute_logger(PORTAL_LOGGER):
            self.assertIn("error", self.sign(screening, token))

    def test_an_expired_link_opens_nothing(self):
        screening = self.invited()
        screening.access_token_expiry = fields.Datetime.now() - timedelta(minutes=1)
        self.refused(screening.get_portal_url(), "closed or expired")

    def test_a_revoked_link_opens_nothing(self):
        screening = self.invited()
        url = screening.get_portal_url()
        screening.with_user(self.practitioner).action_revoke_invitation()
        self.refused(url, "wrong token")

    def test_a_forged_link_opens_nothing_and_the_log_carries_no_answer(self):
        screening = self.invited()
        screening.answer_ids.write({"answer": "no"})
        _response, log = self.refused(
            f"/my/skinpro/screening/{screening.id}?access_token={uuid.uuid4()}",
            "wrong token",
        )
        logged = " ".join(log)
        self.assertIn(f"skinpro.screening {screening.id}", logged)
        self.assertNotIn(screening.access_token, logged)
        for question in screening.answer_ids.mapped("question"):
            self.assertNotIn(question, logged)
        self.refused(f"/my/skinpro/screening/{screening.id}", "wrong token")
        self.refused("/my/skinpro/screening/999999?access_token=x", "missing")

    def test_another_clients_link_opens_nothing(self):
        mine = self.invited()
        theirs = self.invited(self.other_client)
        self.refused(
            f"/my/skinpro/screening/{mine.id}?access_token={theirs.access_token}",
            "wrong token",
        )
        # Nor does a colleague's login stand in for the link.
        self.authenticate("portalpract", "portalpract")
        self.refused(f"/my/skinpro/screening/{mine.id}", "wrong token")

    def test_a_confirmed_screening_opens_nothing(self):
        screening = self.invited()
        url = screening.get_portal_url()
        screening.answer_ids.write({"answer": "no"})
        screening.consent_signature = SIGNATURE
        screening.action_confirm()
        self.assertFalse(screening.access_token)
        self.refused(url, "wrong token")

    def test_pages_are_not_cached(self):
        screening = self.invited()
        response = self.url_open(screening.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Cache-Control"], "no-store, max-age=0")
        self.assertEqual(response.headers["Pragma"], "no-cache")
        self.post_answers(screening)
        self.sign(screening)
        received = self.url_open(f"/my/skinpro/screening/{screening.id}/received")
        self.assertEqual(received.headers["Cache-Control"], "no-store, max-age=0")

    def test_submissions_are_rate_limited(self):
        screening = self.invited()
        Attempt = self.registry["skinpro.portal.attempt"]
        with patch.object(Attempt, "_skinpro_limit_form", 2):
            self.assertEqual(self.post_answers(screening).status_code, 303)
            self.assertEqual(self.post_answers(screening).status_code, 303)
            with mute_logger(PORTAL_LOGGER):
                response = self.post_answers(screening)
                self.assertEqual(response.status_code, 429)
                self.assertIn("error", self.sign(screening))
        self.assertFalse(screening.form_received_on)
        self.assertEqual(
            self.env["skinpro.portal.attempt"]
            .sudo()
            .search_count([("reason", "=", "rate limit")]),
            2,
        )

    def test_an_address_that_tries_links_is_stopped(self):
        screening = self.invited()
        Attempt = self.registry["skinpro.portal.attempt"]
        with patch.object(Attempt, "_skinpro_limit_address", 2):
            for _try in range(2):
                self.refused(
                    f"/my/skinpro/screening/{screening.id}?access_token={uuid.uuid4()}",
                    "wrong token",
                )
            with mute_logger(PORTAL_LOGGER):
                self.assertEqual(self.post_answers(screening).status_code, 429)
        self.assertFalse(any(screening.answer_ids.mapped("answer")))

    # --- the re-confirmation before a session ------------------------------------

    def test_client_reconfirms_before_the_session_in_the_browser(self):
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client.id,
                "company_id": self.studio.id,
                "product_id": self.treatment.id,
                "planned_start": fields.Datetime.now() + timedelta(days=1),
            }
        )
        self.assertTrue(session.reconfirmation_ids)
        session.with_user(self.practitioner).action_send_reconfirmation()
        url = session.get_portal_url()
        self.start_tour(url, "skinpro_portal_reconfirmation")
        self.env.invalidate_all()
        self.assertEqual(set(session.reconfirmation_ids.mapped("answer")), {"no"})
        self.assertTrue(session.reconfirmed_on)
        self.assertFalse(session.access_token)
        self.refused(url, "wrong token")
        _mails, bodies = self.outgoing_bodies()
        for question in session.reconfirmation_ids.mapped("question"):
            self.assertNotIn(question, bodies)

    # --- photo consent ------------------------------------------------------------

    def test_client_withdraws_photo_consent_in_the_browser(self):
        screening = self.invited()
        photo = self.env["ir.attachment"].create(
            {
                "name": "cheek.png",
                "raw": PNG,
                "res_model": "skinpro.screening",
                "res_id": screening.id,
            }
        )
        screening.write(
            {
                "client_photo_consent": True,
                "before_photo_ids": [Command.link(photo.id)],
            }
        )
        self.post_answers(screening, photo_consent="on")
        self.sign(screening)
        screening.action_confirm()
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client.id,
                "company_id": self.studio.id,
                "product_id": self.treatment.id,
                "before_photo": SIGNATURE,
            }
        )
        _mails, bodies = self.outgoing_bodies()
        url = screening._skinpro_photo_withdrawal_url()
        self.assertIn(url.replace("&", "&amp;"), bodies)
        self.start_tour(url, "skinpro_portal_photo_withdrawal")
        self.env.invalidate_all()
        self.assertFalse(photo.exists())
        self.assertFalse(screening.before_photo_ids)
        self.assertFalse(screening.photo_consent_signature)
        self.assertTrue(screening.photo_consent_withdrawn_on)
        self.assertFalse(session.before_photo)
        self.assertIn(
            "withdrew photo consent", " ".join(screening.message_ids.mapped("body"))
        )
        self.assertIn(
            "withdrew photo consent", " ".join(session.message_ids.mapped("body"))
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "skinpro_needling.action_report_skinpro_screening", screening.ids
            )[0]
            .decode()
        )
        self.assertIn("Withdrawn on", html)
        # The link is used up.
        self.refused(url, "wrong token")

    # --- the client's language, and the reminders ---------------------------------

    def test_the_form_speaks_the_clients_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        pregnancy = self.env.ref("skinpro_needling.contraindication_pregnancy")
        pregnancy.with_context(lang="fr_FR").name = "Êtes-vous enceinte ?"
        self.client.lang = "fr_FR"
        screening = self.invited()
        page = self.url_open(screening.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("Êtes-vous enceinte ?", page.text)
        self.assertNotIn("Are you pregnant or breastfeeding?", page.text)

    def test_sessions_in_two_days_get_their_reconfirmation_link(self):
        Session = self.env["skinpro.treatment.session"]
        soon, later = Session.create(
            [
                {
                    "partner_id": self.client.id,
                    "company_id": self.studio.id,
                    "product_id": self.treatment.id,
                    "planned_start": fields.Datetime.now() + timedelta(days=days),
                }
                for days in (1, 5)
            ]
        )
        Session._cron_send_reconfirmations()
        self.assertTrue(soon.access_token)
        self.assertFalse(later.access_token)
        token = soon.access_token
        Session._cron_send_reconfirmations()
        self.assertEqual(soon.access_token, token)
