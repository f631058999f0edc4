# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request


class SkinproPhotoController(http.Controller):
    @http.route(
        "/skinpro/photo/<int:photo_id>/download",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def skinpro_photo_download(self, photo_id):
        """A client's photo file, for a user with the download right: logged."""
        photo = request.env["skinpro.photo"].browse(photo_id)
        try:
            data = photo._skinpro_download()
        except (AccessError, MissingError, UserError):
            raise request.not_found() from None
        filename = f"photo-{photo.id}.jpg"
        return request.make_response(
            data,
            headers=[
                ("Content-Type", "image/jpeg"),
                ("Content-Disposition", http.content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
