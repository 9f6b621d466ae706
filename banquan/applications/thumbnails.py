"""JPEG thumbnails (at most 480 px on the longer side) of image samples, kept in the blob store
under ``thumbnails/<uuid>.jpg`` and recorded in ``Sample.thumbnail_key``.

Uploads are untrusted: a small file can declare a gigantic canvas (a decompression bomb), so
the pixel count is checked from the header before anything is decoded."""

import io
import logging
from typing import BinaryIO

from PIL import Image, ImageOps

from banquan.applications.models import Sample
from banquan.core.storage import store

log = logging.getLogger(__name__)

MAX_SIDE = 480
# 80 megapixels covers any camera sample and decodes in a few hundred MB (just under Pillow's
# own default). Pillow refuses files above twice MAX_IMAGE_PIXELS outright; never loosen a
# stricter limit set elsewhere in the process.
MAX_PIXELS = 80_000_000
Image.MAX_IMAGE_PIXELS = min(Image.MAX_IMAGE_PIXELS or MAX_PIXELS, MAX_PIXELS)


class ThumbnailFailed(Exception):
    pass


def key_for(sample: Sample) -> str:
    return f"thumbnails/{sample.uuid}.jpg"


def render(source: BinaryIO) -> bytes:
    """Return JPEG bytes of a thumbnail of the image in ``source``; raise ThumbnailFailed."""
    try:
        with Image.open(source) as img:
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise ThumbnailFailed(f"image too large: {width}x{height}")
            img.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at reduced scale
            img.seek(0)  # the first frame of an animation or multi-page TIFF
            frame = ImageOps.exif_transpose(img)
            frame.thumbnail((MAX_SIDE, MAX_SIDE))
            if frame.mode in ("RGBA", "LA", "P"):
                rgba = frame.convert("RGBA")
                frame = Image.new("RGB", rgba.size, "white")
                frame.paste(rgba, mask=rgba.getchannel("A"))
            out = io.BytesIO()
            frame.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue()
    except ThumbnailFailed:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, MemoryError) as e:
        raise ThumbnailFailed(str(e)) from e


def ensure(sample: Sample) -> str | None:
    """Make the thumbnail unless it exists; return its blob key, or None when the sample is
    not an image or cannot be read as one."""
    if sample.media_type != "image":
        return None
    blobs = store()
    if sample.thumbnail_key and blobs.exists(sample.thumbnail_key):
        return sample.thumbnail_key
    try:
        with blobs.open(sample.blob_key) as source:
            data = render(source)
    except (ThumbnailFailed, FileNotFoundError) as e:
        log.warning("no thumbnail for sample %s: %s", sample.uuid, e)
        return None
    key = key_for(sample)
    blobs.put(key, data)
    # A derived cache column, not application data: no audit entry, no state change.
    Sample.objects.filter(pk=sample.pk).update(thumbnail_key=key)
    sample.thumbnail_key = key
    return key
