# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..demo.photos import DemoPhotos
from ..rules import photos as photo_rules
from .skinpro_state_machine import _ACTING, acting

PHASES = [("before", "Before"), ("after", "After")]
# A done or cancelled session keeps its photos; only follow-up photos join it.
CLOSED = ("done", "cancelled")


class SkinproPhoto(models.Model):
    """A photo of a client's skin from one angle, before a session or at a
    follow-up after it: health data. Whatever door it comes in by (the web client,
    the portal, the external API), its file is re-encoded without EXIF (location,
    device) and at most 1920 pixels on its longest side; the original is not kept.
    """

    _name = "skinpro.photo"
    _description = "Client photo"
    _order = "taken_on desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    session_id = fields.Many2one(
        "skinpro.treatment.session",
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    angle = fields.Many2one("skinpro.photo.angle", ondelete="restrict")
    phase = fields.Selection(PHASES, required=True, default="before")
    image = fields.Image(string="Photo", required=True)
    # What the screens show: a practitioner views these, the file itself is
    # downloaded only with the download right.
    image_1024 = fields.Image(
        string="Photo (screen)",
        related="image",
        max_width=1024,
        max_height=1024,
        store=True,
    )
    image_256 = fields.Image(
        string="Photo (thumbnail)",
        related="image",
        max_width=256,
        max_height=256,
        store=True,
    )
    taken_on = fields.Datetime(required=True, default=fields.Datetime.now)
    taken_by_id = fields.Many2one(
        "res.users", string="Taken by", default=lambda self: self.env.user
    )
    depth_mm = fields.Float(
        string="Session's depth (mm)",
        related="session_id.max_depth_mm",
        digits=(4, 2),
    )
    download_ids = fields.One2many(
        "skinpro.photo.download", "photo_id", string="Downloads"
    )

    @api.depends("angle", "phase", "taken_on")
    def _compute_display_name(self):
        phases = dict(self._fields["phase"]._description_selection(self.env))
        for photo in self:
            parts = (
                photo.angle.name,
                phases.get(photo.phase),
                photo.taken_on and str(photo.taken_on.date()),
            )
            photo.display_name = " - ".join(filter(None, parts))

    # --- the doors ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._skinpro_clean_vals(vals)
            self._skinpro_check_session_open(vals.get("session_id"), vals)
        return super().create(vals_list)

    def write(self, vals):
        self._skinpro_check_not_locked()
        self._skinpro_clean_vals(vals)
        if "session_id" in vals:
            for photo in self:
                phase = vals.get("phase", photo.phase)
                self._skinpro_check_session_open(vals["session_id"], {"phase": phase})
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self._skinpro_check_not_locked()

    @api.model
    def _skinpro_clean_vals(self, vals):
        if vals.get("image"):
            vals["image"] = self._skinpro_clean(vals["image"])

    @api.model
    def _skinpro_clean(self, image_b64):
        """The base64 file, re-encoded without metadata and resized."""
        try:
            data = base64.b64decode(image_b64, validate=True)
            return base64.b64encode(photo_rules.clean_image(data))
        except (binascii.Error, ValueError) as error:
            raise UserError(
                self.env._("Photo: the file is not an image (JPEG, PNG, ...).")
            ) from error

    @api.model
    def _skinpro_check_session_open(self, session_id, vals):
        if not session_id or (self._name, None) in _ACTING.get():
            return
        session = self.env["skinpro.treatment.session"].sudo().browse(session_id)
        if session.state in CLOSED and vals.get("phase", "before") != "after":
            raise UserError(
                self.env._(
                    "%(session)s is closed: only follow-up (after) photos are "
                    "added to it.",
                    session=session.display_name,
                )
            )

    def _skinpro_check_not_locked(self):
        acting_on = _ACTING.get()
        for photo in self.sudo():
            if (self._name, photo.id) in acting_on:
                continue
            if photo.session_id.state in CLOSED:
                raise UserError(
                    self.env._(
                        "%(photo)s belongs to %(session)s, which is closed: its "
                        "photos are kept as they are.",
                        photo=photo.display_name,
                        session=photo.session_id.display_name,
                    )
                )

    # --- checks ---------------------------------------------------------------------

    @api.constrains("partner_id", "session_id", "angle")
    def _check_session_client(self):
        for photo in self.filtered("session_id"):
            if photo.session_id.partner_id != photo.partner_id:
                raise ValidationError(
                    self.env._(
                        "Client: a photo of %(session)s is a photo of its client.",
                        session=photo.session_id.display_name,
                    )
                )
            if not photo.angle:
                raise ValidationError(
                    self.env._("Angle: a session's photo says its angle.")
                )

    # --- clinical photo consent withdrawn -------------------------------------------

    @api.model
    def _skinpro_withdraw(self, partner):
        """Delete every photo of `partner`: the client withdrew photo consent."""
        photos = self.sudo().search([("partner_id", "=", partner.id)])
        with acting(photos):
            photos.unlink()
        return len(photos)

    @api.model
    def _skinpro_generate_demo_photos(self):
        """The demo's photos, run by the demo data only
        (demo/skinpro_photo_demo.xml)."""
        DemoPhotos(self.env).generate()

    # --- download -------------------------------------------------------------------

    def _skinpro_may_download(self):
        return self.env.su or self.env.user.has_group(
            "skinpro_needling.group_skinpro_photo_download"
        )

    def _read_format(self, fnames, load="_classic_read"):
        """The file itself is the download right's: every read (the web client's,
        the external API's read and search_read) gives the others the screen
        copies (image_1024, image_256) and no file."""
        result = super()._read_format(fnames, load)
        if "image" in fnames and not self._skinpro_may_download():
            for values in result:
                values["image"] = False
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Likewise for an export, of photos or of their sessions."""
        rows = super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        if not self._skinpro_may_download():
            files = [i for i, path in enumerate(fields) if path[0] == "image"]
            for row in rows:
                for i in files:
                    row[i] = False
        return rows

    def action_skinpro_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/skinpro/photo/{self.id}/download",
            "target": "download",
        }

    def _skinpro_download(self):
        """The file, for a user with the download right; the download is logged."""
        self.ensure_one()
        if not self._skinpro_may_download():
            raise UserError(
                self.env._("Downloading a client's photo needs the download right.")
            )
        self.check_access("read")
        self.env["skinpro.photo.download"].sudo().create(
            {"photo_id": self.id, "user_id": self.env.uid}
        )
        return base64.b64decode(self.sudo().image)
