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
        photo = _photo_of_file(record, field_name)
        if photo and not self.env.user.has_group(DOWNLOAD_RIGHT):
            raise AccessError(
                self.env._(
                    "A client's photo file is downloaded with the download right, "
                    "from the photo's Download button."
                )
            )
        stream = super()._record_to_stream(record, field_name)
        if photo:
            # A download by another door than the Download button is one too.
            self.env["skinpro.photo.download"].sudo().create(
                {"photo_id": photo.id, "user_id": self.env.uid}
            )
        return stream


def _photo_of_file(record, field_name):
    """The photo whose file this is, if it is one."""
    if record._name == "skinpro.photo" and field_name == "image":
        return record
    if record._name == "ir.attachment":
        attachment = record.sudo()
        if attachment.res_model == "skinpro.photo" and attachment.res_field == "image":
            return record.env["skinpro.photo"].browse(attachment.res_id)
    return None
