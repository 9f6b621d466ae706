"""ISCC codes (ISO 24138, iscc-core) of a registered work, so other registries can match it
(no database).

The ISCC-CODE combines a Meta-Code (title and description), a Content-Code where the work's
sample allows one (Image-Code from 32×32 grey pixels, Text-Code from the extracted text), a
Data-Code and an Instance-Code (the sample's bytes). Audio and video samples get no
Content-Code yet (that needs Chromaprint and key frames).
"""

import io
from dataclasses import dataclass

import iscc_core as ic
from PIL import Image, ImageOps

from banquan.screening import extract

IMAGE_SIDE = 32
MAX_META = 128  # iscc-core trims name and description itself; keep ours short and stable


@dataclass(frozen=True)
class Codes:
    iscc: str
    meta: str
    content: str  # empty when the sample kind has no Content-Code
    data: str
    instance: str


def image_pixels(data: bytes) -> list[int]:
    """The 32×32 grey pixels the Image-Code hashes: upright, transparent parts on white."""
    with Image.open(io.BytesIO(data)) as opened:
        im: Image.Image = ImageOps.exif_transpose(opened) or opened
        if im.mode in ("RGBA", "LA", "P"):
            rgba = im.convert("RGBA")
            im = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
        grey = im.convert("L").resize((IMAGE_SIDE, IMAGE_SIDE), Image.Resampling.BICUBIC)
        return list(grey.tobytes())  # mode L: one byte a pixel, row by row


def sample_text(kind: str, data: bytes, name: str) -> str:
    """All the text of a text, subtitle, Word or PDF sample (no OCR), or '' when it has none."""
    try:
        found = extract.extract(kind, data, name=name)
    except extract.Unreadable:
        return ""
    return "\n".join(piece.text for piece in found.pieces)


def content_code(*, media_type: str, name: str, content_type: str, data: bytes) -> str:
    if media_type == "image":
        try:
            return ic.gen_image_code(image_pixels(data))["iscc"]
        except (OSError, ValueError, Image.DecompressionBombError):
            return ""  # a sample that cannot be decoded still gets its Data and Instance codes
    kind = extract.kind_of(name=name, media_type=media_type, content_type=content_type)
    if kind in ("text", "subtitle", "docx", "pdf"):
        text = sample_text(kind, data, name)
        if text.strip():
            return ic.gen_text_code(text)["iscc"]
    return ""


def codes(*, title: str, description: str, media_type: str, name: str, content_type: str,
          data: bytes) -> Codes:
    meta = ic.gen_meta_code(title[:MAX_META], description[:MAX_META * 8])["iscc"]
    content = content_code(media_type=media_type, name=name, content_type=content_type, data=data)
    data_code = ic.gen_data_code(io.BytesIO(data))["iscc"]
    instance = ic.gen_instance_code(io.BytesIO(data))["iscc"]
    units = [meta] + ([content] if content else []) + [data_code, instance]
    return Codes(ic.gen_iscc_code(units)["iscc"], meta, content, data_code, instance)


def distance(a: str, b: str) -> int:
    """Hamming distance between two ISCC units of the same type and length."""
    return ic.iscc_distance(a, b)
