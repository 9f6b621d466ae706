"""Synthetic marks, transformations and artworks for the logo tests (drawn with Pillow)."""

from __future__ import annotations

import io
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = 400


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _poly(cx: float, cy: float, r: float, n: int, rot: float = 0.0, star: bool = False) -> list[tuple[float, float]]:
    pts = []
    k = 2 * n if star else n
    for i in range(k):
        rr = r if not star or i % 2 == 0 else r * 0.45
        a = rot + 2 * math.pi * i / k
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def mark(kind: str, letter: str, seed: int, colour: tuple[int, int, int] = (0, 0, 0)) -> Image.Image:
    """A logo-like mark: a main shape, a letter cut out of it, and a few seeded small details."""
    im = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    c = (*colour, 255)
    clear = (255, 255, 255, 0)
    m = SIZE // 2
    if kind == "circle":
        d.ellipse((40, 40, 360, 360), fill=c)
    elif kind == "triangle":
        d.polygon([(m, 30), (370, 360), (30, 360)], fill=c)
    elif kind == "star":
        d.polygon(_poly(m, m, 180, 5, -math.pi / 2, star=True), fill=c)
    elif kind == "ring":
        d.rectangle((40, 40, 360, 360), fill=c)
        d.rectangle((90, 90, 310, 310), fill=clear)
    elif kind == "hexagon":
        d.polygon(_poly(m, m, 175, 6), fill=c)
    elif kind == "crescent":
        d.ellipse((30, 30, 370, 370), fill=c)
        d.ellipse((130, 10, 400, 300), fill=clear)
    elif kind == "arrow":
        d.polygon([(30, 150), (230, 150), (230, 60), (380, 200), (230, 340), (230, 250), (30, 250)], fill=c)
    elif kind == "cross":
        d.rectangle((150, 30, 250, 370), fill=c)
        d.rectangle((30, 150, 370, 250), fill=c)
    elif kind == "rings":
        d.ellipse((20, 80, 260, 320), outline=c, width=36)
        d.ellipse((140, 80, 380, 320), outline=c, width=36)
    elif kind == "diamond":
        d.polygon([(m, 20), (380, m), (m, 380), (20, m)], fill=c)
    elif kind == "shield":
        d.polygon([(60, 40), (340, 40), (340, 220), (m, 370), (60, 220)], fill=c)
    elif kind == "blob":
        d.chord((30, 60, 370, 400), 180, 360, fill=c)
        d.rectangle((30, 230, 370, 300), fill=c)
    rnd = random.Random(seed)
    for _ in range(4):  # small details make marks of the same shape distinct
        x, y, r = rnd.randint(70, 330), rnd.randint(70, 330), rnd.randint(14, 30)
        d.polygon(_poly(x, y, r, rnd.choice([3, 4, 5]), rnd.random() * 6), fill=rnd.choice([c, clear]))
    font = _font(170)
    d.text((m, m + 10), letter, font=font, anchor="mm", fill=clear if kind not in ("rings",) else c)
    return im


def on_white(im: Image.Image) -> Image.Image:
    bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
    return Image.alpha_composite(bg, im.convert("RGBA")).convert("RGB")


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def jpeg(im: Image.Image, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    on_white(im).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def recolour(im: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    a = np.asarray(im.convert("RGBA")).copy()
    a[..., :3] = colour
    return Image.fromarray(a, "RGBA")


def photo(w: int, h: int, seed: int) -> Image.Image:
    """A photo-like background: smooth colour gradients, blobs and sensor noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    base = np.zeros((h, w, 3), np.float32)
    for ch in range(3):
        fx, fy, ph = rng.uniform(0.002, 0.01, 2).tolist() + [rng.uniform(0, 6)]
        base[..., ch] = 128 + 70 * np.sin(x * fx + ph) * np.cos(y * fy)
    im = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    rnd = random.Random(seed)
    for _ in range(12):
        cx, cy, r = rnd.randint(0, w), rnd.randint(0, h), rnd.randint(20, 120)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=tuple(rnd.randint(40, 220) for _ in range(3)))
    a = np.asarray(im).astype(np.float32) + rng.normal(0, 12, (h, w, 3))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def artwork(w: int, h: int, seed: int) -> Image.Image:
    """A non-logo artwork: coloured ellipses, rectangles and lines on white."""
    im = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(im)
    rnd = random.Random(seed)
    for _ in range(25):
        x0, y0 = rnd.randint(0, w), rnd.randint(0, h)
        x1, y1 = x0 + rnd.randint(20, w // 3), y0 + rnd.randint(20, h // 3)
        col = tuple(rnd.randint(0, 230) for _ in range(3))
        shape = rnd.choice(["ellipse", "rect", "line"])
        if shape == "ellipse":
            d.ellipse((x0, y0, x1, y1), fill=col)
        elif shape == "rect":
            d.rectangle((x0, y0, x1, y1), outline=col, width=rnd.randint(2, 12))
        else:
            d.line((x0, y0, x1, y1), fill=col, width=rnd.randint(2, 10))
    return im


def paste(canvas: Image.Image, logo: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """Paste ``logo`` (RGBA, transparent background) scaled into ``box`` = (x, y, w, h)."""
    out = canvas.convert("RGBA")
    lg = logo.convert("RGBA").resize((box[2], box[3]), Image.Resampling.LANCZOS)
    out.alpha_composite(lg, (box[0], box[1]))
    return out.convert("RGB")


SVG_MARKS = {
    "svg-zigzag": (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<path d="M2 4h20v3H8l14 10v3H2v-3h14L2 7z"/><circle cx="19" cy="12" r="1.6"/>'
        '<rect x="3" y="10.5" width="5" height="3"/></svg>'
    ),
    "svg-gear": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">'
        '<defs><rect id="t" x="44" y="2" width="12" height="20"/></defs>'
        '<circle cx="50" cy="50" r="32" fill="#0a6"/><circle cx="50" cy="50" r="13" fill="#fff"/>'
        '<use xlink:href="#t" fill="#0a6"/><use xlink:href="#t" fill="#0a6" transform="rotate(60 50 50)"/>'
        '<use xlink:href="#t" fill="#0a6" transform="rotate(120 50 50)"/>'
        '<use xlink:href="#t" fill="#0a6" transform="rotate(200 50 50)"/>'
        '<path d="M30 70 L45 55 L52 62 Z" fill="#fff"/></svg>'
    ),
}

LIBRARY = [
    ("circle-a", "circle", "A", 1), ("triangle-b", "triangle", "B", 2), ("star-k", "star", "K", 3),
    ("ring-z", "ring", "Z", 4), ("hexagon-q", "hexagon", "Q", 5), ("crescent-m", "crescent", "M", 6),
    ("arrow-r", "arrow", "R", 7), ("cross-t", "cross", "T", 8), ("rings-w", "rings", "W", 9),
    ("diamond-g", "diamond", "G", 10),
]
OTHERS = [("shield-h", "shield", "H", 21), ("blob-e", "blob", "E", 22), ("circle-s", "circle", "S", 23),
          ("hexagon-n", "hexagon", "N", 24)]


def library() -> list[tuple[str, bytes, str]]:
    marks = [(name, png(mark(kind, letter, seed)), f"{name}.png") for name, kind, letter, seed in LIBRARY]
    marks += [(name, svg.encode(), f"{name}.svg") for name, svg in SVG_MARKS.items()]
    return marks
