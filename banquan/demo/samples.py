"""Small, real sample files for demo works (no database): drawn images, a PDF, a WAV tune, text.

Each file is a valid instance of its type (the upload checks read the bytes, not the name) and
small, so the whole demo stays a few megabytes. Chinese text is drawn with the certificate CJK
font when one is installed; without it images carry shapes only and PDFs fall back to text.
"""

import io
import math
import random
import struct
import wave
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

SIZE = (480, 360)
STYLES = ("landscape", "blueprint", "map", "abstract", "stage", "portrait")


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | None:
    try:
        from banquan.certificates.fonts import cjk_font

        face = cjk_font()
        return ImageFont.truetype(str(face.path), size, index=face.index)
    except Exception:  # no CJK font installed: the demo still works, just without captions
        return None


def image(title: str, style: str, *, seed: int, fmt: str = "PNG", caption: str = "") -> bytes:
    """A 480×360 picture in one of ``STYLES`` with the title written across the bottom."""
    rng = random.Random(seed)
    img = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(img)
    {"landscape": _snowy if "雪" in title else _landscape, "blueprint": _blueprint, "map": _map, "abstract": _abstract,
     "stage": _stage, "portrait": _portrait}[style](draw, rng)
    _caption(draw, title, caption)
    out = io.BytesIO()
    if fmt == "JPEG":
        img.save(out, "JPEG", quality=80, optimize=True)
    else:
        # A palette keeps flat drawings small (most styles use a handful of colours).
        img.quantize(64).save(out, "PNG", optimize=True)
    return out.getvalue()


def _gradient(draw: ImageDraw.ImageDraw, top: tuple, bottom: tuple, height: int) -> None:
    w, _ = SIZE
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line([(0, y), (w, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _landscape(draw, rng) -> None:
    w, h = SIZE
    _gradient(draw, (rng.randrange(40, 90), rng.randrange(90, 140), 200), (250, 200, 150), h)
    draw.ellipse([w * 0.7, h * 0.12, w * 0.7 + 50, h * 0.12 + 50], fill=(255, 230, 160))
    for layer, colour in enumerate([(90, 110, 130), (60, 90, 80), (35, 60, 50)]):
        base = h * (0.55 + 0.12 * layer)
        points = [(0, h)]
        for x in range(0, w + 40, 40):
            points.append((x, base - rng.randrange(10, 70 - 15 * layer)))
        points.append((w, h))
        draw.polygon(points, fill=colour)


def _snowy(draw, rng) -> None:
    _landscape(draw, rng)
    w, h = SIZE
    draw.rectangle([0, h * 0.72, w, h], fill=(235, 238, 245))  # snow-covered ground
    draw.rectangle([w * 0.2, h * 0.5, w * 0.8, h * 0.72], fill=(150, 40, 35))  # a red palace wall
    draw.polygon([(w * 0.15, h * 0.5), (w * 0.85, h * 0.5), (w * 0.78, h * 0.42), (w * 0.22, h * 0.42)],
                 fill=(210, 160, 40))  # yellow glazed roof
    for _ in range(250):
        x, y = rng.randrange(w), rng.randrange(h - 40)
        draw.ellipse([x, y, x + 3, y + 3], fill=(255, 255, 255))


def _blueprint(draw, rng) -> None:
    w, h = SIZE
    draw.rectangle([0, 0, w, h], fill=(20, 60, 120))
    for x in range(0, w, 20):
        draw.line([(x, 0), (x, h)], fill=(40, 85, 150))
    for y in range(0, h, 20):
        draw.line([(0, y), (w, y)], fill=(40, 85, 150))
    x0, y0 = 60, 50
    draw.rectangle([x0, y0, x0 + 240, y0 + 160], outline="white", width=3)
    draw.rectangle([x0 + 260, y0 + 40, x0 + 340, y0 + 160], outline="white", width=2)
    draw.ellipse([x0 + 90, y0 + 50, x0 + 150, y0 + 110], outline="white", width=2)
    for i in range(rng.randrange(3, 6)):
        y = y0 + 20 + i * 30
        draw.line([(x0 + 10, y), (x0 + 80, y)], fill="white")
    draw.line([(x0, y0 + 185), (x0 + 240, y0 + 185)], fill=(200, 220, 255))  # dimension line
    draw.polygon([(x0, y0 + 185), (x0 + 8, y0 + 181), (x0 + 8, y0 + 189)], fill=(200, 220, 255))


def _map(draw, rng) -> None:
    w, h = SIZE
    draw.rectangle([0, 0, w, h], fill=(238, 230, 205))
    river = [(0, h * 0.3)]
    for x in range(40, w + 40, 40):
        river.append((x, river[-1][1] + rng.randrange(-25, 30)))
    draw.line(river, fill=(110, 160, 210), width=12, joint="curve")
    for _ in range(4):
        x, y = rng.randrange(w), rng.randrange(h)
        draw.line([(x, 0), (x + rng.randrange(-80, 80), h)], fill=(200, 120, 60), width=3)
        draw.line([(0, y), (w, y + rng.randrange(-60, 60))], fill=(160, 160, 160), width=2)
    for _ in range(6):
        x, y = rng.randrange(30, w - 30), rng.randrange(30, h - 60)
        draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=(180, 30, 40))
    draw.polygon([(w - 40, 20), (w - 48, 45), (w - 32, 45)], fill=(60, 60, 60))  # north arrow


def _abstract(draw, rng) -> None:
    w, h = SIZE
    _gradient(draw, (250, 245, 235), (235, 225, 210), h)
    for _ in range(14):
        r = rng.randrange(20, 90)
        x, y = rng.randrange(w), rng.randrange(h - 60)
        colour = (rng.randrange(120, 255), rng.randrange(40, 200), rng.randrange(40, 160))
        if rng.random() < 0.5:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        else:
            draw.rectangle([x - r, y - r // 2, x + r, y + r // 2], fill=colour)
    for _ in range(5):
        draw.line([(rng.randrange(w), rng.randrange(h)), (rng.randrange(w), rng.randrange(h))],
                  fill=(30, 30, 30), width=rng.randrange(2, 8))


def _stage(draw, rng) -> None:
    w, h = SIZE
    _gradient(draw, (20, 10, 30), (70, 20, 40), h)
    cx = w // 2 + rng.randrange(-60, 60)
    draw.polygon([(cx - 20, 0), (cx + 20, 0), (cx + 120, h - 70), (cx - 120, h - 70)], fill=(120, 100, 70))
    draw.ellipse([cx - 120, h - 95, cx + 120, h - 45], fill=(170, 145, 100))
    # A figure mid-movement: head, body and limbs as thick lines.
    draw.ellipse([cx - 12, h - 220, cx + 12, h - 196], fill=(25, 20, 25))
    body = [(cx, h - 196), (cx + 5, h - 140)]
    draw.line(body, fill=(25, 20, 25), width=10)
    arm = rng.randrange(30, 60)
    draw.line([(cx, h - 185), (cx - arm, h - 215)], fill=(25, 20, 25), width=7)
    draw.line([(cx, h - 185), (cx + arm, h - 170)], fill=(25, 20, 25), width=7)
    draw.line([(cx + 5, h - 140), (cx - 30, h - 75)], fill=(25, 20, 25), width=8)
    draw.line([(cx + 5, h - 140), (cx + 45, h - 95)], fill=(25, 20, 25), width=8)
    draw.rectangle([0, 0, 50, h], fill=(120, 15, 25))  # curtains
    draw.rectangle([w - 50, 0, w, h], fill=(120, 15, 25))


def _portrait(draw, rng) -> None:
    w, h = SIZE
    _gradient(draw, (210, 200, 190), (120, 110, 100), h)
    cx = w // 2
    draw.ellipse([cx - 110, h - 150, cx + 110, h + 80], fill=(60, 70, 90))  # shoulders
    draw.ellipse([cx - 60, 60, cx + 60, 200], fill=(225, 190, 160))  # face
    draw.chord([cx - 65, 45, cx + 65, 150], 180, 360, fill=(30, 25, 25))  # hair
    for dx in (-25, 25):
        draw.ellipse([cx + dx - 6, 120, cx + dx + 6, 130], fill=(40, 30, 30))
    draw.arc([cx - 20, 145, cx + 20, 170], 20, 160, fill=(150, 60, 60), width=3)


def _caption(draw, title: str, caption: str) -> None:
    w, h = SIZE
    draw.rectangle([0, h - 40, w, h], fill=(255, 255, 255))
    font = _font(20)
    if font is not None:
        draw.text((w // 2, h - 20), f"《{title}》{caption}", font=font, fill=(30, 30, 30), anchor="mm")


def pdf(title: str, author: str, paragraphs: list[str]) -> bytes | None:
    """A one-page A5 PDF of a written work, like a scanned manuscript page; None without a CJK
    font. Drawn with Pillow rather than fpdf2: embedding a subset of the CJK font costs about
    two seconds a document, and applicants' PDFs are often scans anyway."""
    title_font, body_font, small = _font(30), _font(19), _font(17)
    if title_font is None or body_font is None or small is None:
        return None
    width, height, margin = 700, 990, 70  # A5 at 120 dpi
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    draw.text((width // 2, 90), title, font=title_font, fill=0, anchor="mm")
    draw.text((width // 2, 135), author, font=small, fill=60, anchor="mm")
    y = 190
    for paragraph in paragraphs:
        for line in _wrap("\u3000\u3000" + paragraph, body_font, width - 2 * margin):
            draw.text((margin, y), line, font=body_font, fill=20)
            y += 34
        y += 12
    draw.text((width // 2, height - 50), "— 1 —", font=small, fill=90, anchor="mm")
    out = io.BytesIO()
    page.save(out, "PDF", resolution=120, title=title, author=author)
    return out.getvalue()


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break Chinese text anywhere a line is full (no spaces to break at)."""
    lines, line = [], ""
    for ch in text:
        if line and font.getlength(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


# Numbered musical notation (简谱) degrees of a pentatonic scale in D: 1=D.
_DEGREE_HZ = {1: 293.66, 2: 329.63, 3: 369.99, 5: 440.00, 6: 493.88, 8: 587.33}


def wav(melody: list[tuple[int, float]], *, rate: int = 8000) -> bytes:
    """A mono 8-bit WAV of ``melody`` ([(scale degree, beats)], 0 = rest) at 100 beats a minute."""
    beat = 0.6
    frames = bytearray()
    for degree, beats in melody:
        n = int(rate * beat * beats)
        freq = _DEGREE_HZ.get(degree, 0.0)
        for i in range(n):
            # A short attack and a gentle decay so notes do not click.
            env = min(1.0, i / (0.02 * rate)) * math.exp(-2.5 * i / n)
            value = env * (0.7 * math.sin(2 * math.pi * freq * i / rate)
                           + 0.2 * math.sin(4 * math.pi * freq * i / rate)) if freq else 0.0
            frames += struct.pack("B", 128 + int(100 * value))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return out.getvalue()


def text(title: str, author: str, body: str) -> bytes:
    return f"《{title}》\n{author}\n\n{body}\n".encode()
