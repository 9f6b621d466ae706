"""The office's round red seal (公章) as a transparent PNG, drawn with Pillow.

Layout follows the usual Chinese official seal: a thick outer ring with a thin inner ring, the
office name along the upper arc reading clockwise with each character upright towards the rim,
a five-pointed star in the centre and a horizontal line (e.g. 登记专用章) under the star.
It is drawn at twice the size and scaled down, which smooths edges without a vector library.
"""

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from banquan.certificates.fonts import FontFace, cjk_bold_font

SEAL_RED = (200, 16, 30)
# Slightly translucent, so text printed under the seal stays legible as with real ink.
SEAL_ALPHA = 225
DEFAULT_CAPTION = "登记专用章"

_SUPERSAMPLE = 2
_IDEAL_SPAN = math.radians(200)  # arc between the first and last character centres
_MAX_SPAN = math.radians(235)
_MAX_SPACING_STRETCH = 1.6  # short names spread out at most this much beyond tight spacing
_MIN_CONDENSE = 0.6  # long names: narrow the characters (as engravers do) before shrinking them


def seal_png(office_name: str, size: int = 600, *, caption: str = DEFAULT_CAPTION) -> bytes:
    """The seal as PNG bytes, ``size`` pixels square with a transparent background."""
    return _seal_png(office_name.strip(), int(size), caption, cjk_bold_font())


@lru_cache(maxsize=16)
def _seal_png(office_name: str, size: int, caption: str, face: FontFace) -> bytes:
    if size < 32:
        raise ValueError("seal size must be at least 32 pixels")
    canvas_size = size * _SUPERSAMPLE
    mask = Image.new("L", (canvas_size, canvas_size), 0)
    draw = ImageDraw.Draw(mask)
    centre = canvas_size / 2
    unit = canvas_size  # all measures below are fractions of the seal's diameter

    _ring(draw, centre, radius=0.485 * unit, width=0.036 * unit)
    _ring(draw, centre, radius=0.44 * unit, width=0.008 * unit)
    _star(draw, centre, centre, outer=0.16 * unit)
    _arc_text(mask, office_name, face, centre, radius=0.35 * unit, font_size=0.125 * unit)
    if caption:
        font = _font(face, round(0.072 * unit))
        draw.text((centre, centre + 0.235 * unit), caption, font=font, fill=255, anchor="mm")

    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    mask = mask.point(lambda value: value * SEAL_ALPHA // 255)
    seal = Image.new("RGBA", (size, size), SEAL_RED + (0,))
    seal.putalpha(mask)
    out = io.BytesIO()
    seal.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _ring(draw: ImageDraw.ImageDraw, centre: float, radius: float, width: float) -> None:
    box = (centre - radius, centre - radius, centre + radius, centre + radius)
    draw.ellipse(box, outline=255, width=max(1, round(width)))


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, outer: float) -> None:
    # Inner radius of a regular pentagram: outer * sin(18°) / sin(126°) ≈ 0.382 * outer.
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + i * 36)  # first point straight up
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=255)


def _arc_text(
    mask: Image.Image, text: str, face: FontFace, centre: float, radius: float, font_size: float
) -> None:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return
    tight = font_size * 1.08 / radius  # angle one character needs, in radians
    gaps = len(chars) - 1
    condense = 1.0
    if gaps == 0:
        span = 0.0
    else:
        span = min(max(_IDEAL_SPAN, gaps * tight), gaps * tight * _MAX_SPACING_STRETCH)
        if span > _MAX_SPAN:
            squeeze = _MAX_SPAN / span
            condense = max(_MIN_CONDENSE, squeeze)
            font_size *= squeeze / condense  # shrink only what narrowing could not absorb
            span = _MAX_SPAN
    font = _font(face, round(font_size))
    step = span / gaps if gaps else 0.0
    for i, char in enumerate(chars):
        angle = -span / 2 + i * step  # clockwise from the top
        glyph = _glyph(char, font, round(font_size), condense)
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC, expand=True)
        x = centre + radius * math.sin(angle) - glyph.width / 2
        y = centre - radius * math.cos(angle) - glyph.height / 2
        mask.paste(255, (round(x), round(y)), glyph)


def _glyph(char: str, font: ImageFont.FreeTypeFont, font_size: int, condense: float) -> Image.Image:
    box = round(font_size * 1.4)
    glyph = Image.new("L", (box, box), 0)
    ImageDraw.Draw(glyph).text((box / 2, box / 2), char, font=font, fill=255, anchor="mm")
    if condense < 1.0:
        narrowed = glyph.resize((max(1, round(box * condense)), box), Image.Resampling.LANCZOS)
        glyph = Image.new("L", (box, box), 0)
        glyph.paste(narrowed, ((box - narrowed.width) // 2, 0))
    return glyph


@lru_cache(maxsize=16)
def _font(face: FontFace, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(face.path), size, index=face.index)
