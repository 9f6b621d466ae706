import io
import random

import pytest
from PIL import Image, ImageDraw, ImageEnhance

from banquan.similarity.fingerprints import CODE_BYTES, distance, image_code, similarity, text_code

SPRING = (
    "春天来了，山上的雪慢慢融化，小河里的水一天比一天多。村口的老槐树发出了新芽，孩子们在树下追逐打闹，"
    "老人们坐在石凳上晒太阳，说着去年的收成和今年的打算。田野里，农民们赶着耕牛翻地，准备播种。"
    "燕子从南方飞回来，在屋檐下衔泥筑巢。傍晚时分，炊烟袅袅升起，整个村庄笼罩在一片温暖的金色之中。"
)
# traditional characters, other punctuation, and a sentence added at the end
SPRING_EDITED = (
    "春天來了，山上的雪慢慢融化；小河裡的水一天比一天多！村口的老槐樹發出了新芽，孩子們在樹下追逐打鬧，"
    "老人們坐在石凳上曬太陽，說著去年的收成和今年的打算。田野裡，農民們趕著耕牛翻地，準備播種。"
    "燕子從南方飛回來，在屋簷下銜泥築巢。傍晚時分，炊煙裊裊升起，整個村莊籠罩在一片溫暖的金色之中。遠處傳來幾聲狗叫。"
)
SOFTWARE = (
    "人工智能技术正在深刻改变软件开发的方式。程序员借助代码补全工具可以更快地完成重复性的工作，"
    "但同时也需要具备审查和理解生成代码的能力。数据库设计、接口约定和测试策略依然依赖人的判断，"
    "良好的工程习惯在新的时代显得更加重要。团队应当建立清晰的评审流程，确保每一次改动都经过验证。"
)
FOX = "The quick brown fox jumps over the lazy dog. " * 3 + "Pack my box with five dozen liquor jugs, said the wizard."
FOX_EDITED = ("ＴＨＥ ＱＵＩＣＫ brown fox jumps over the lazy dog!! " * 3
              + "Pack my box with five dozen liquor jugs -- said the wizard.")


def picture(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    rnd = random.Random(seed)
    im = Image.new("RGB", size, tuple(rnd.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(im)
    for _ in range(30):
        x0, y0 = rnd.randrange(size[0]), rnd.randrange(size[1])
        box = (x0, y0, x0 + rnd.randrange(20, 300), y0 + rnd.randrange(20, 300))
        colour = tuple(rnd.randrange(256) for _ in range(3))
        (draw.ellipse if rnd.random() < 0.5 else draw.rectangle)(box, fill=colour)
    return im


def encoded(im: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **options)
    return out.getvalue()


def code(data: bytes) -> bytes:
    found = image_code(data)
    assert found is not None
    assert len(found) == CODE_BYTES
    return found


def test_image_copies_are_close():
    original = picture(1)
    copy = ImageEnhance.Brightness(original.resize((320, 240))).enhance(1.1)
    a, b = code(encoded(original)), code(encoded(copy, "JPEG", quality=60))
    assert distance(a, b) <= 40
    assert similarity(a, b) >= 1 - 40 / 256


def test_different_images_are_far():
    for seed in range(5):
        assert distance(code(encoded(picture(seed))), code(encoded(picture(seed + 100)))) >= 90


def test_transparency_is_composited_on_white_and_exif_orientation_applied():
    im = picture(7)
    rgba = im.convert("RGBA")
    rgba.putalpha(255)
    assert distance(code(encoded(rgba)), code(encoded(im))) <= 8
    # stored sideways with an EXIF tag saying "rotate 90° clockwise to view"
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways = encoded(im.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=95, exif=exif)
    assert distance(code(sideways), code(encoded(im))) <= 40


def test_undecodable_images_give_none():
    assert image_code(b"") is None
    assert image_code(b"not an image at all") is None
    assert image_code(encoded(picture(3))[:100]) is None  # truncated PNG


def test_decompression_bombs_are_refused():
    # 12,000 × 12,000 = 144 M pixels, above Pillow's MAX_IMAGE_PIXELS (~89 M): a few KB of PNG
    bomb = encoded(Image.new("1", (12_000, 12_000)), "PNG", optimize=True)
    assert len(bomb) < 200_000
    assert image_code(bomb) is None


def test_text_copies_are_close():
    a, b = text_code(SPRING), text_code(SPRING_EDITED)
    assert a is not None and b is not None and len(a) == CODE_BYTES
    assert distance(a, b) <= 40
    fox, fox_edited = text_code(FOX), text_code(FOX_EDITED)
    assert fox is not None and fox_edited is not None
    assert distance(fox, fox_edited) <= 40


def test_unrelated_texts_are_far():
    codes = [text_code(t) for t in (SPRING, SOFTWARE, FOX)]
    assert all(c is not None for c in codes)
    for i in range(3):
        for j in range(i + 1, 3):
            assert distance(codes[i], codes[j]) >= 90  # type: ignore[arg-type]


def test_text_code_is_stable_and_ignores_punctuation_only_edits():
    assert text_code(SPRING) == text_code(SPRING)
    assert text_code(SPRING) == text_code(SPRING.replace("，", " ").replace("。", "!"))


def test_short_texts_give_none():
    assert text_code("") is None
    assert text_code("春天来了，山上的雪慢慢融化。") is None
    assert text_code("，。！ " * 100) is None


def test_distance_and_similarity():
    zero, ones = bytes(32), b"\xff" * 32
    assert distance(zero, zero) == 0 and similarity(zero, zero) == 1.0
    assert distance(zero, ones) == 256 and similarity(zero, ones) == 0.0
    assert distance(zero, b"\x01" + bytes(31)) == 1
    with pytest.raises(ValueError):
        distance(zero, bytes(16))
