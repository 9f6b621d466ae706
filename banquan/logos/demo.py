"""The demo's protected marks: three made-up brand marks drawn with Pillow (no database for
drawing; ``load_demo`` adds them through the services), and a demo artwork that copies one."""

import io
import math

from PIL import Image, ImageDraw, ImageFont

SIDE = 400
DEMO_OWNER = "演示商标权利人（虚构）"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _star(cx: float, cy: float, r: float, points: int = 5) -> list[tuple[float, float]]:
    return [(cx + (r if i % 2 == 0 else r * 0.42) * math.cos(-math.pi / 2 + math.pi * i / points),
             cy + (r if i % 2 == 0 else r * 0.42) * math.sin(-math.pi / 2 + math.pi * i / points))
            for i in range(2 * points)]


def _xinghe(d: ImageDraw.ImageDraw) -> None:
    d.ellipse((30, 30, 370, 370), fill=(18, 52, 120))
    d.ellipse((70, 70, 330, 330), fill=(255, 255, 255))
    d.polygon(_star(200, 190, 110), fill=(18, 52, 120))
    d.arc((40, 150, 360, 330), 200, 340, fill=(230, 170, 20), width=14)
    d.text((200, 345), "XINGHE", font=_font(34), anchor="mm", fill=(255, 255, 255))


def _qingsong(d: ImageDraw.ImageDraw) -> None:
    green = (20, 110, 60)
    for top, half in ((40, 80), (110, 120), (190, 160)):
        d.polygon([(200, top), (200 + half, top + 110), (200 - half, top + 110)], fill=green)
    d.rectangle((180, 300, 220, 360), fill=(110, 70, 30))
    d.text((200, 375), "QS", font=_font(30), anchor="mm", fill=green)


def _jinlu(d: ImageDraw.ImageDraw) -> None:
    gold = (190, 140, 20)
    d.regular_polygon((200, 200, 175), 6, rotation=30, fill=gold)
    d.text((200, 195), "JL", font=_font(150), anchor="mm", fill=(255, 255, 255, 0))
    d.rectangle((110, 290, 290, 305), fill=(255, 255, 255, 0))


MARKS = (  # (brand, file name, drawing)
    ("天穹星标", "tianqiong.png", _xinghe),
    ("青松食品", "qingsong.png", _qingsong),
    ("金鹿电器", "jinlu.png", _jinlu),
)


def mark_image(draw) -> Image.Image:
    im = Image.new("RGBA", (SIDE, SIDE), (255, 255, 255, 0))
    draw(ImageDraw.Draw(im))
    return im


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def poster_copying(brand: str, background: bytes) -> bytes:
    """A demo artwork (``background``, any image) with the named demo mark set in its corner."""
    draw = next(d for b, _, d in MARKS if b == brand)
    canvas = Image.open(io.BytesIO(background)).convert("RGBA")
    side = min(canvas.size) * 3 // 4
    logo = mark_image(draw).resize((side, side))
    canvas.alpha_composite(logo, (canvas.width - side - 16, 16))
    return png(canvas.convert("RGB"))


def load_demo(*, by) -> int:
    """Add the demo marks (once); returns how many were added."""
    from banquan.core.errors import DomainError
    from banquan.logos import services

    added = 0
    for brand, name, draw in MARKS:
        try:
            services.add_mark(by=by, data=png(mark_image(draw)), filename=name, brand=brand, owner=DEMO_OWNER,
                              note="演示数据")
            added += 1
        except DomainError:  # already in the library
            pass
    return added
