"""Test images for bench/logos.py: protected marks, transformed copies, negatives. Seeded.

Sources, all from PyPI wheels (nothing downloads at run time):

    simple-icons-pack   the npm simple-icons brand SVGs (CC0), ~3,470 monochrome marks with the
                        brand colour; split (seeded) into the protected set and held-out brands
    heroicons, lucide   generic UI icons (MIT/ISC; non-brand), the "generic icons" negatives
    Pillow              non-logo artworks: shapes, gradients, photo-like noise, text

Every image is returned as encoded bytes plus a filename (PNG, or JPEG for the JPEG kind), as an
applicant would upload it.
"""

import functools
import io
import math
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import resvg_py
from PIL import Image, ImageDraw, ImageFilter, ImageFont

KINDS = (
    "scale",
    "rotate",
    "crop",
    "mirror",
    "recolour",
    "bg_solid",
    "bg_gradient",
    "bg_photo",
    "text",
    "embedded",
    "jpeg",
)

WORDS = (
    "studio cloud digital express global group labs tech media shop coffee market design "
    "network systems solutions official store 2026 new open bank air travel games music "
    "北京 科技 有限公司 文化 传媒 设计 工作室"
).split()


_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@functools.lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont:
    """Noto Sans CJK if the system has it (Chinese words render), else Pillow's own font."""
    return ImageFont.truetype(str(_CJK), size) if _CJK.exists() else ImageFont.load_default(size=size)


def _words(rng: random.Random, n: int) -> str:
    pool = WORDS if _CJK.exists() else [w for w in WORDS if w.isascii()]
    return " ".join(rng.choice(pool) for _ in range(n))


@dataclass(frozen=True)
class Source:
    name: str  # slug or icon name
    svg: str  # coloured, with xmlns:xlink
    kind: str  # "brand" | "icon"


@dataclass
class Sample:
    data: bytes
    filename: str
    truth: str | None  # protected mark's name for positives, None for negatives
    kind: str  # transformation (positives and transformed negatives) or "artwork"
    source: str  # "protected" | "held-out brand" | "generic icon" | "artwork"


def _with_attrs(svg: str, colour: str) -> str:
    head = svg[: svg.index(">", svg.index("<svg"))]
    attrs = f' color="{colour}"' if re.search(r"\sfill=", head) else f' fill="{colour}" color="{colour}"'
    if "xmlns:xlink" not in svg:
        attrs += ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    return svg.replace("<svg", "<svg" + attrs, 1)


def _luma(hex6: str) -> float:
    r, g, b = (int(hex6[i : i + 2], 16) for i in (0, 2, 4))
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


def brands() -> list[Source]:
    """All simple-icons marks, sorted by slug, in their brand colour (black if it is too light to
    see on white)."""
    import simple_icons_pack as si

    out = []
    for attr in dir(si):
        if not attr.startswith("SI_"):
            continue
        icon = getattr(si, attr)
        colour = "#" + icon.hex if _luma(icon.hex) < 0.8 else "#000000"
        out.append(Source(icon.slug, _with_attrs(icon.svg, colour), "brand"))
    return sorted(out, key=lambda s: s.name)


def generic_icons() -> list[Source]:
    out = []
    for package in ("heroicons", "lucide"):
        mod = __import__(package)
        with zipfile.ZipFile(Path(mod.__file__).parent / f"{package}.zip") as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".svg") or name.startswith(("micro/", "mini/")):
                    continue
                svg = z.read(name).decode()
                out.append(Source(f"{package}:{name[:-4]}", _with_attrs(svg, "#000000"), "icon"))
    return out


def split(seed: int, marks: int, holdout: int) -> tuple[list[Source], list[Source]]:
    """(protected, held-out brands). ``marks`` = 0 takes every brand not held out."""
    allb = brands()
    random.Random(seed).shuffle(allb)
    held, rest = allb[:holdout], allb[holdout:]
    return (rest if marks <= 0 else rest[:marks]), held


def render(svg: str, width: int) -> Image.Image:
    """RGBA, transparent background, ``width`` px wide."""
    png = resvg_py.svg_to_bytes(svg_string=svg, width=int(width))
    return Image.open(io.BytesIO(bytes(png))).convert("RGBA")


def _recolour(svg: str, colour: str) -> str:
    """The root's fill and color (set by _with_attrs) to ``colour``."""
    return re.sub(r'(fill|color)="#[0-9A-Fa-f]{6}"', lambda m: f'{m.group(1)}="{colour}"', svg, count=2)


# --- backgrounds and artworks -------------------------------------------------------------------


def _rand_colour(rng: random.Random) -> tuple[int, int, int]:
    return tuple(rng.randrange(256) for _ in range(3))


def gradient(rng: random.Random, w: int, h: int) -> Image.Image:
    a, b = np.array(_rand_colour(rng), float), np.array(_rand_colour(rng), float)
    ang = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:h, 0:w]
    t = (xx * math.cos(ang) + yy * math.sin(ang)).astype(float)
    t = (t - t.min()) / max(1e-9, np.ptp(t))
    img = a * (1 - t[..., None]) + b * t[..., None]
    return Image.fromarray(img.astype(np.uint8), "RGB")


def photo_like(rng: random.Random, w: int, h: int) -> Image.Image:
    """Multi-scale smoothed colour noise with a few soft blobs: texture like a photo's."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    acc = np.zeros((h, w, 3))
    for cells, weight in ((3, 1.0), (8, 0.5), (24, 0.25), (80, 0.12)):
        small = nrng.random((cells, max(2, cells * w // max(h, 1)), 3))
        up = Image.fromarray((small * 255).astype(np.uint8), "RGB").resize((w, h), Image.BICUBIC)
        acc += weight * np.asarray(up, float)
    acc = acc / acc.max() * 255
    acc += nrng.normal(0, 6, acc.shape)
    img = Image.fromarray(np.clip(acc, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randrange(2, 6)):
        r = rng.randrange(min(w, h) // 10 + 2, min(w, h) // 3 + 3)
        x, y = rng.randrange(w), rng.randrange(h)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rand_colour(rng))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(1, 4)))


def shapes(
    rng: random.Random, img: Image.Image, n: int, avoid: tuple[int, int, int, int] | None = None
) -> None:
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(n):
        for _try in range(10):
            sw, sh = rng.randrange(w // 12 + 2, w // 3 + 3), rng.randrange(h // 12 + 2, h // 3 + 3)
            x, y = rng.randrange(-sw // 2, w), rng.randrange(-sh // 2, h)
            box = (x, y, x + sw, y + sh)
            if (
                avoid is None
                or box[2] < avoid[0]
                or box[0] > avoid[2]
                or box[3] < avoid[1]
                or box[1] > avoid[3]
            ):
                break
        else:
            continue
        fill = _rand_colour(rng)
        what = rng.randrange(5)
        if what == 0:
            draw.rectangle(box, fill=fill)
        elif what == 1:
            draw.ellipse(box, fill=fill)
        elif what == 2:
            draw.line(box, fill=fill, width=rng.randrange(2, 12))
        elif what == 3:
            pts = [
                (rng.randrange(box[0], box[2] + 1), rng.randrange(box[1], box[3] + 1))
                for _ in range(rng.randrange(3, 7))
            ]
            draw.polygon(pts, fill=fill)
        else:
            draw.rounded_rectangle(box, radius=min(sw, sh) // 4, outline=fill, width=rng.randrange(2, 8))


def add_text(rng: random.Random, img: Image.Image, region: tuple[int, int, int, int] | None = None) -> None:
    draw = ImageDraw.Draw(img)
    w, h = img.size
    words = _words(rng, rng.randrange(1, 4))
    size = max(10, int(h * rng.uniform(0.06, 0.14)))
    font = _font(size)
    if region is None:
        x, y = rng.randrange(0, max(1, w // 3)), rng.randrange(0, max(1, h - size))
    else:
        x, y = region[0], region[1]
    draw.text((x, y), words, fill=_rand_colour(rng) if rng.random() < 0.5 else (20, 20, 20), font=font)


def background(rng: random.Random, w: int, h: int, how: str) -> Image.Image:
    if how == "white":
        return Image.new("RGB", (w, h), "white")
    if how == "solid":
        return Image.new("RGB", (w, h), _rand_colour(rng))
    if how == "gradient":
        return gradient(rng, w, h)
    return photo_like(rng, w, h)


def artwork(rng: random.Random) -> Image.Image:
    """A non-logo artwork: a background, shapes, sometimes text."""
    w, h = rng.randrange(256, 900), rng.randrange(256, 900)
    img = background(rng, w, h, rng.choice(("white", "solid", "gradient", "photo", "photo")))
    shapes(rng, img, rng.randrange(2, 14))
    if rng.random() < 0.5:
        add_text(rng, img)
    return img


# --- transformations ----------------------------------------------------------------------------


def _paste(bg: Image.Image, logo: Image.Image, xy: tuple[int, int]) -> Image.Image:
    bg = bg.convert("RGBA")
    bg.alpha_composite(logo, xy)
    return bg.convert("RGB")


def _on(rng: random.Random, logo: Image.Image, how: str, pad: float = 0.15) -> Image.Image:
    w, h = logo.size
    p = int(max(w, h) * pad)
    bg = background(rng, w + 2 * p, h + 2 * p, how)
    return _paste(bg, logo, (p, p))


def transform(rng: random.Random, src: Source, kind: str) -> tuple[bytes, str]:
    size = rng.randrange(160, 420)
    svg = src.svg
    if kind == "recolour":
        svg = _recolour(svg, "#{:02x}{:02x}{:02x}".format(*_rand_colour(rng)))
    logo = render(svg, size)
    if kind == "recolour" and rng.random() < 0.4:  # negative: light mark on a dark ground
        a = logo.getchannel("A")
        logo = Image.new("RGBA", logo.size, (255, 255, 255, 255))
        logo.putalpha(a)
        img = _on(rng, logo, "solid")
        img = Image.eval(img, lambda v: v // 3)  # darken the ground; the mark stays light
        img = _paste(img, logo, (int(max(logo.size) * 0.15),) * 2)
    elif kind == "scale":
        s = rng.choice((rng.uniform(0.2, 0.5), rng.uniform(1.5, 3.0)))
        logo = render(svg, max(24, int(size * s)))
        if rng.random() < 0.5:  # anisotropic squash too
            logo = logo.resize((logo.width, max(8, int(logo.height * rng.uniform(0.75, 1.3)))), Image.BICUBIC)
        img = _on(rng, logo, "white")
    elif kind == "rotate":
        ang = rng.uniform(5, 30) * rng.choice((-1, 1))
        img = _on(rng, logo, "white").rotate(ang, Image.BICUBIC, expand=True, fillcolor="white")
    elif kind == "crop":
        img = _on(rng, logo, "white", pad=0.05)
        w, h = img.size
        f = rng.uniform(0.10, 0.20)
        sides = rng.sample(("l", "t", "r", "b"), rng.choice((1, 2)))
        box = [0, 0, w, h]
        for s in sides:  # split the crop over the chosen sides
            d = f / len(sides)
            if s == "l":
                box[0] = int(w * d)
            elif s == "t":
                box[1] = int(h * d)
            elif s == "r":
                box[2] = w - int(w * d)
            else:
                box[3] = h - int(h * d)
        img = img.crop(box)
    elif kind == "mirror":
        logo = logo.transpose(Image.FLIP_LEFT_RIGHT if rng.random() < 0.75 else Image.FLIP_TOP_BOTTOM)
        img = _on(rng, logo, "white")
    elif kind == "recolour":
        img = _on(rng, logo, rng.choice(("white", "white", "solid")))
    elif kind == "bg_solid":
        img = _on(rng, logo, "solid")
    elif kind == "bg_gradient":
        img = _on(rng, logo, "gradient")
    elif kind == "bg_photo":
        img = _on(rng, logo, "photo")
    elif kind == "text":
        w, h = logo.size
        th = int(h * rng.uniform(0.3, 0.6))
        where = rng.choice(("below", "right", "over"))
        cw, ch = (w + 2 * th, h + th) if where != "below" else (w + 20, h + th + 20)
        if where == "right":
            cw = int(w * rng.uniform(2.0, 3.0))
        bg = background(rng, cw, ch, "white")
        img = _paste(bg, logo, (10, 10))
        region = {"below": (10, h + 12), "right": (w + 20, h // 3), "over": (w // 4, h // 2)}[where]
        draw = ImageDraw.Draw(img)
        words = _words(rng, rng.randrange(1, 3))
        colour = (20, 20, 20) if rng.random() < 0.6 else _rand_colour(rng)
        draw.text(region, words, fill=colour, font=_font(max(10, th // 2)))
    elif kind == "embedded":
        frac = rng.uniform(0.15, 0.40)  # logo's share of the canvas side
        cw = int(max(logo.size) / frac)
        ch = int(cw * rng.uniform(0.7, 1.4))
        ch = max(ch, logo.height + 4)
        bg = background(rng, cw, ch, rng.choice(("white", "solid", "gradient", "photo")))
        x, y = rng.randrange(0, cw - logo.width + 1), rng.randrange(0, ch - logo.height + 1)
        shapes(rng, bg, rng.randrange(3, 12), avoid=(x, y, x + logo.width, y + logo.height))
        if rng.random() < 0.5:
            add_text(rng, bg)
        img = _paste(bg, logo, (x, y))
    elif kind == "jpeg":
        logo = render(svg, rng.randrange(64, 320))
        img = _on(rng, logo, rng.choice(("white", "white", "solid", "gradient")))
        out = io.BytesIO()
        img.save(out, "JPEG", quality=rng.randrange(20, 61))
        return out.getvalue(), f"{src.name.replace(':', '_').replace('/', '_')}.jpg"
    else:
        raise ValueError(kind)
    return encode(img), f"{src.name.replace(':', '_').replace('/', '_')}.png"


def encode(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=1)
    return out.getvalue()


def samples(
    protected: list[Source],
    held_out: list[Source],
    icons: list[Source],
    positives: int,
    negatives: int,
    seed: int,
) -> list[Sample]:
    """Positives: ``positives`` transformed copies of protected marks, kinds in turn. Negatives:
    40 % held-out brands and 30 % generic icons, each under a transformation drawn from the same
    kinds (so a method cannot tell them apart by the kind of edit), and 30 % non-logo artworks."""
    rng = random.Random(seed * 7919 + 1)
    out: list[Sample] = []
    for i in range(positives):
        kind = KINDS[i % len(KINDS)]
        src = rng.choice(protected)
        data, fn = transform(rng, src, kind)
        out.append(Sample(data, fn, src.name, kind, "protected"))
    n_brand, n_icon = int(negatives * 0.4), int(negatives * 0.3)
    for i in range(negatives):
        if i < n_brand:
            src, source = rng.choice(held_out), "held-out brand"
        elif i < n_brand + n_icon:
            src, source = rng.choice(icons), "generic icon"
        else:
            out.append(Sample(encode(artwork(rng)), f"artwork{i}.png", None, "artwork", "artwork"))
            continue
        kind = KINDS[i % len(KINDS)]
        data, fn = transform(rng, src, kind)
        out.append(Sample(data, fn, None, kind, source))
    return out
