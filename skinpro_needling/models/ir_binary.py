# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import AccessError

DOWNLOAD_RIGHT = "skinpro_needling.group_skinpro_photo_download"


class IrBinary(models.AbstractModel):
    """A client photo's file leaves Odoo only by its logged download: /web/content
    and /web/image serve its screen copies (image_1024, image_256) to whoever may
    read the photo, and its file itself (field `image`, or its attachment) only to
    a user with the download right."""

    _inherit = "ir.binary"

    def _record_to_stream(self, record, field_name):
        if _is_photo_file(record, field_name) and not self.env.user.has_group(
            DOWNLOAD_RIGHT
        ):
            raise AccessError(
                self.env._(
                    "A client's photo file is downloaded with the download right, "
                    "from the photo's Download button."
                )
            )
        return super()._record_to_stream(record, field_name)


def _is_photo_file(record, field_name):
    if record._name == "skinpro.photo":
        return field_name == "image"
    if record._name == "ir.attachment":
        attachment = record.sudo()
        return (
            attachment.res_model == "skinpro.photo" and attachment.res_field == "image"
        )
    return False
