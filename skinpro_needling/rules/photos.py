# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Photos: the sequence of angles a treatment asks for, and the clean file kept of
each photo."""

import io

from PIL import Image, ImageOps

# A photo sequence holds at least this many angles (front and both sides).
MIN_ANGLES = 3
# The longest side of a kept photo, in pixels: sharp on a tablet, small on disk.
MAX_SIDE = 1920
JPEG_QUALITY = 90


def missing_angles(required, taken):
    """The angles of `required` (in its order) not in `taken`."""
    taken = set(taken)
    return [angle for angle in required if angle not in taken]


def clean_image(data):
    """The photo in `data` (bytes) re-encoded as a JPEG of at most MAX_SIDE pixels,
    turned as its EXIF orientation says, without any metadata: no location, no
    device, no date. Raises ValueError when `data` is no image."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, SyntaxError) as error:
        raise ValueError("not an image") from error
    image = ImageOps.exif_transpose(image)
    if image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    # A new image from the pixels alone: nothing of the original's info survives.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return output.getvalue()
