# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The client's pages, opened by the link of a mail without logging in: the
screening to fill in and sign, the re-confirmation before a session, and the
withdrawal of photo consent. A link opens its own document only, while it is open;
anything else shows the same page as a missing one, and the attempt is logged
(never an answer). Submissions are counted in the database and limited per address
and per form. No page is kept by a browser or a proxy."""

import base64
import binascii

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..rules import photos as photo_rules

NO_STORE = {"Cache-Control": "no-store, max-age=0", "Pragma": "no-cache"}
PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif")
MAX_PHOTOS = 5
MAX_PHOTO_BYTES = 10 * 1024 * 1024
ANSWERS = ("yes", "no")


class SkinproPortal(CustomerPortal):
    # --- what every page does -------------------------------------------------------

    def _skinpro_address(self):
        return request.httprequest.remote_addr or ""

    def _skinpro_page(self, template, values, status=200):
        return request.render(template, values, status=status, headers=NO_STORE)

    def _skinpro_refused(self, model, record_id, reason):
        """The page of a missing document, whatever the reason; logged."""
        request.env["skinpro.portal.attempt"]._skinpro_log(
            "refused", self._skinpro_address(), model, record_id, reason
        )
        return self._skinpro_page("skinpro_needling.portal_not_found", {}, status=404)

    def _skinpro_document(self, model, record_id, access_token):
        """The document the link opens, as superuser, or None with the reason."""
        try:
            record = self._document_check_access(model, record_id, access_token)
        except MissingError:
            return None, "missing"
        except AccessError:
            return None, "wrong token"
        # A logged-in colleague passes Odoo's check without a token: the client's
        # pages always ask for the link's own token.
        if not (
            access_token
            and record.access_token
            and consteq(record.access_token, access_token)
        ):
            return None, "wrong token"
        if not record._skinpro_portal_open():
            return None, "closed or expired"
        return record, ""

    def _skinpro_limited(self, record):
        limited = request.env["skinpro.portal.attempt"]._skinpro_limited(
            self._skinpro_address(), record._name, record.id
        )
        if limited:
            request.env["skinpro.portal.attempt"]._skinpro_log(
                "refused",
                self._skinpro_address(),
                record._name,
                record.id,
                "rate limit",
                record.company_id,
            )
        return limited

    def _skinpro_count_submission(self, record):
        request.env["skinpro.portal.attempt"]._skinpro_log(
            "submitted",
            self._skinpro_address(),
            record._name,
            record.id,
            company=record.company_id,
        )

    def _skinpro_too_many(self):
        return self._skinpro_page("skinpro_needling.portal_too_many", {}, status=429)

    def _skinpro_in_client_language(self, record):
        lang = record.partner_id.lang
        if lang:
            request.update_context(lang=lang)
        return record.with_context(lang=lang) if lang else record

    # --- the screening --------------------------------------------------------------

    @http.route(
        "/my/skinpro/screening/<int:screening_id>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def skinpro_screening_form(self, screening_id, access_token=None, **kw):
        screening, reason = self._skinpro_document(
            "skinpro.screening", screening_id, access_token
        )
        if not screening:
            return self._skinpro_refused("skinpro.screening", screening_id, reason)
        screening = self._skinpro_in_client_language(screening)
        return self._skinpro_screening_page(screening, access_token)

    def _skinpro_screening_page(self, screening, access_token, errors=(), given=None):
        answers = screening.answer_ids
        # Once every question is answered, the second step is the signature.
        step = "answers"
        if (
            not errors
            and request.params.get("step") == "sign"
            and not screening._skinpro_portal_missing()
        ):
            step = "sign"
        values = {
            "screening": screening,
            "answers": answers,
            "access_token": access_token,
            "errors": errors,
            "given": given or {},
            "step": step,
            "no_breadcrumbs": True,
            "sign_url": screening.get_portal_url(suffix="/sign"),
            "today": fields.Date.context_today(screening),
        }
        status = 400 if errors else 200
        return self._skinpro_page("skinpro_needling.portal_screening", values, status)

    @http.route(
        "/my/skinpro/screening/<int:screening_id>/answers",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def skinpro_screening_answers(self, screening_id, access_token=None, **post):
        screening, reason = self._skinpro_document(
            "skinpro.screening", screening_id, access_token
        )
        if not screening:
            return self._skinpro_refused("skinpro.screening", screening_id, reason)
        if self._skinpro_limited(screening):
            return self._skinpro_too_many()
        self._skinpro_count_submission(screening)
        screening = self._skinpro_in_client_language(screening)
        photos = [
            upload
            for upload in request.httprequest.files.getlist("photos")
            if upload and upload.filename
        ]
        values, errors = self._skinpro_read_answers(screening, post, photos)
        if errors:
            return self._skinpro_screening_page(
                screening, access_token, errors=errors, given=post
            )
        for (answer, day), lines in values.items():
            lines.write({"answer": answer, "date": day})
        screening.write(
            {
                "client_photo_consent": bool(post.get("photo_consent")),
                "before_photo_ids": [
                    fields.Command.link(attachment.id)
                    for attachment in self._skinpro_photos(screening, photos)
                ],
            }
        )
        return request.redirect(screening.get_portal_url(query_string="&step=sign"))

    def _skinpro_read_answers(self, screening, post, photos):
        """{(answer, date): answer lines} from the form, and what is wrong with it."""
        errors = []
        values = {}
        today = fields.Date.context_today(screening)
        for line in screening.answer_ids:
            answer = post.get(f"answer_{line.id}")
            if answer not in ANSWERS:
                errors.append(
                    request.env._("Answer: %(question)s", question=line.question)
                )
                continue
            day = False
            if line.severity == "waiting" and answer == "yes":
                try:
                    day = fields.Date.to_date(post.get(f"date_{line.id}") or None)
                except ValueError:
                    day = False
                if not day or day > today:
                    errors.append(
                        request.env._(
                            "Give the date, today or before, for: %(question)s",
                            question=line.question,
                        )
                    )
                    continue
            key = (answer, day)
            values[key] = values.get(key, screening.answer_ids.browse()) | line
        if not post.get("consent"):
            errors.append(request.env._("Tick the treatment consent to go on."))
        if photos and not post.get("photo_consent"):
            errors.append(
                request.env._(
                    "Tick the photo consent to send photos, or leave them out."
                )
            )
        if len(photos) > MAX_PHOTOS:
            errors.append(
                request.env._("Send at most %(count)s photos.", count=MAX_PHOTOS)
            )
        return values, errors

    def _skinpro_photos(self, screening, photos):
        attachments = request.env["ir.attachment"].sudo()
        for upload in photos:
            data = upload.read(MAX_PHOTO_BYTES + 1)
            if len(data) > MAX_PHOTO_BYTES or guess_mimetype(data) not in PHOTO_TYPES:
                continue
            # No location or device of the client's phone is kept.
            try:
                data = photo_rules.clean_image(data)
            except ValueError:
                continue
            attachments |= attachments.create(
                {
                    "name": request.env._("Before photo"),
                    "raw": data,
                    "res_model": screening._name,
                    "res_id": screening.id,
                }
            )
        return attachments

    @http.route(
        "/my/skinpro/screening/<int:screening_id>/sign",
        type="jsonrpc",
        auth="public",
        website=True,
    )
    def skinpro_screening_sign(
        self, screening_id, access_token=None, name=None, signature=None
    ):
        access_token = access_token or request.httprequest.args.get("access_token")
        screening, reason = self._skinpro_document(
            "skinpro.screening", screening_id, access_token
        )
        request.future_response.headers.update(NO_STORE)
        if not screening:
            self._skinpro_refused("skinpro.screening", screening_id, reason)
            return {"error": request.env._("This link does not open a form any more.")}
        if self._skinpro_limited(screening):
            return {
                "error": request.env._(
                    "Too many attempts: try again in a quarter of an hour."
                )
            }
        self._skinpro_count_submission(screening)
        screening = self._skinpro_in_client_language(screening)
        missing = screening._skinpro_portal_missing()
        if missing:
            return {"error": "\n".join(missing)}
        if not signature or not _is_image(signature):
            return {"error": request.env._("Sign in the box before sending.")}
        screening._skinpro_portal_submit(signature)
        return {
            "force_refresh": True,
            "redirect_url": f"/my/skinpro/screening/{screening.id}/received",
        }

    @http.route(
        "/my/skinpro/screening/<int:screening_id>/received",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def skinpro_screening_received(self, screening_id, **kw):
        # Says nothing of the screening: any id shows the same thanks.
        return self._skinpro_page(
            "skinpro_needling.portal_done",
            {"message": request.env._("Thank you: your form was received.")},
        )

    # --- photo consent --------------------------------------------------------------

    def _skinpro_withdrawal_screening(self, screening_id, access_token):
        screening = request.env["skinpro.screening"].sudo().browse(screening_id)
        if not screening.exists():
            return None, "missing"
        token = screening.photo_withdrawal_token
        if not (access_token and token and consteq(token, access_token)):
            return None, "wrong token"
        return screening, ""

    @http.route(
        "/my/skinpro/photo-consent/<int:screening_id>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def skinpro_photo_consent(self, screening_id, access_token=None, **post):
        screening, reason = self._skinpro_withdrawal_screening(
            screening_id, access_token
        )
        if not screening:
            return self._skinpro_refused("skinpro.screening", screening_id, reason)
        screening = self._skinpro_in_client_language(screening)
        if request.httprequest.method == "POST":
            if self._skinpro_limited(screening):
                return self._skinpro_too_many()
            self._skinpro_count_submission(screening)
            if post.get("scope") == "marketing":
                return self._skinpro_marketing_consent(screening, post)
            screening.action_withdraw_photo_consent()
            return self._skinpro_page(
                "skinpro_needling.portal_done",
                {
                    "message": request.env._(
                        "Your photo consent is withdrawn: every photo of you was "
                        "deleted."
                    )
                },
            )
        return self._skinpro_page(
            "skinpro_needling.portal_photo_consent",
            {"screening": screening, "access_token": access_token},
        )

    def _skinpro_marketing_consent(self, screening, post):
        """The client gives or withdraws the marketing use of her photos; her
        clinical photo consent stays as it is."""
        given = post.get("marketing") == "give"
        screening.partner_id._skinpro_set_marketing_consent(given)
        if given:
            message = request.env._(
                "Thank you: your before/after photos may be shown in our studios' "
                "marketing, until you withdraw this consent."
            )
        else:
            message = request.env._(
                "Your marketing consent is withdrawn: your photos are no longer "
                "shown in any marketing. Your clinical photos stay in your record."
            )
        return self._skinpro_page("skinpro_needling.portal_done", {"message": message})

    # --- the re-confirmation before a session --------------------------------------

    @http.route(
        "/my/skinpro/session/<int:session_id>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def skinpro_session_reconfirmation(self, session_id, access_token=None, **post):
        session, reason = self._skinpro_document(
            "skinpro.treatment.session", session_id, access_token
        )
        if not session:
            return self._skinpro_refused(
                "skinpro.treatment.session", session_id, reason
            )
        session = self._skinpro_in_client_language(session)
        errors = []
        if request.httprequest.method == "POST":
            if self._skinpro_limited(session):
                return self._skinpro_too_many()
            self._skinpro_count_submission(session)
            answers = {
                line: post.get(f"answer_{line.id}")
                for line in session.reconfirmation_ids
            }
            errors = [
                request.env._("Answer: %(question)s", question=line.question)
                for line, answer in answers.items()
                if answer not in ANSWERS
            ]
            if not errors:
                session._skinpro_portal_reconfirm(answers)
                return self._skinpro_page(
                    "skinpro_needling.portal_done",
                    {
                        "message": request.env._(
                            "Thank you: your answers reached the studio. See you soon."
                        )
                    },
                )
        return self._skinpro_page(
            "skinpro_needling.portal_session",
            {
                "session": session,
                "access_token": access_token,
                "errors": errors,
                "given": post,
                "no_breadcrumbs": True,
            },
            status=400 if errors else 200,
        )

    # --- sharing her record -----------------------------------------------------------

    @http.route(
        "/my/skinpro/sharing",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def skinpro_sharing(self, **post):
        """The client, logged in to her portal, shares her health record with
        named studios of the chain (their practitioners read it, no break-glass
        needed), or stops sharing it."""
        client = request.env.user.partner_id
        studios = request.env["res.company"].sudo().search([("parent_id", "!=", False)])
        saved = False
        if request.httprequest.method == "POST":
            chosen = {
                int(value)
                for value in request.httprequest.form.getlist("studio_ids")
                if value.isdigit()
            }
            client.sudo()._skinpro_share_with(
                studios.filtered(lambda s: s.id in chosen)
            )
            saved = True
        return self._skinpro_page(
            "skinpro_needling.portal_sharing",
            {
                "studios": studios,
                "shared": client.sudo().skinpro_shared_with_ids,
                "saved": saved,
                "no_breadcrumbs": True,
            },
        )


def _is_image(signature):
    try:
        data = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return False
    return guess_mimetype(data).startswith("image/")
