"""The certificate PDF and its building blocks (fonts, seal, QR code). No database needed.

These tests need a CJK font; on Debian/Ubuntu: apt-get install fonts-noto-cjk.
"""

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from banquan.certificates import fonts
from banquan.certificates.document import CertificateData
from banquan.certificates.pdf import NO_LINE_START, render_certificate, wrap_lines
from banquan.certificates.qr import qr_code, qr_png, qr_svg
from banquan.certificates.seal import seal_png

RARE_NAME_CHARS = "𠮷堃喆珺昇赟琎燊鑫龑"


@pytest.fixture
def data() -> CertificateData:
    return CertificateData(
        number="国作登字-2026-F-00000123",
        title="山水𠮷祥图",
        category="美术",
        authors=["𠮷田堃（署名：三石）", "王喆珺"],
        owners=["昇赟琎（中国）", "燊鑫龑文化有限公司（中国）"],
        completion_date=date(2025, 11, 3),
        first_publication_date=None,
        registration_date=date(2026, 3, 5),
        office_name="中国版权保护中心",
        verify_url="https://banquan.example.cn/verify/2026-F-00000123?s=abc",
        version=2,
        key_id="0123456789abcdef",
        signature="SIG_" + "x" * 82,
    )


def _pages_text(pdf_bytes: bytes) -> list[str]:
    """The text each page shows, whitespace removed, decoded through the fonts' ToUnicode maps.

    pypdf's extract_text() reads fpdf2's CFF fonts (whose /Encoding is an embedded CMap) as
    one-byte codes and garbles pages with more than 255 distinct glyphs, so the two-byte codes
    are decoded here; poppler's pdftotext agrees with this reading.
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    pages = []
    for page in reader.pages:
        maps = {
            name: _to_unicode(font.get_object()["/ToUnicode"].get_data())
            for name, font in page["/Resources"]["/Font"].items()
        }
        shown: list[str] = []
        font, saved = None, []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(font)
            elif operator == b"Q":
                font = saved.pop()
            elif operator == b"Tf":
                font = maps[operands[0]]
            elif operator == b"Tj":
                shown.append(_decode(operands[0], font))
            elif operator == b"TJ":
                shown.extend(_decode(item, font) for item in operands[0] if not isinstance(item, int | float))
        pages.append(re.sub(r"\s+", "", "".join(shown)))
    return pages


def _to_unicode(cmap: bytes) -> dict[int, str]:
    mapping = {}
    text = cmap.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _decode(string, to_unicode: dict[int, str]) -> str:
    raw = string.original_bytes if hasattr(string, "original_bytes") else bytes(string)
    codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
    return "".join(to_unicode.get(code, "\ufffd") for code in codes)


def _text(pdf_bytes: bytes) -> str:
    return "".join(_pages_text(pdf_bytes))


def test_certificate_shows_all_fields_in_chinese(data):
    text = _text(render_certificate(data))

    for expected in [
        "作品登记证书",
        "登记号：国作登字-2026-F-00000123",
        "作品名称：山水𠮷祥图",
        "作品类别：美术",
        "作者：𠮷田堃（署名：三石）、王喆珺",
        "著作权人：昇赟琎（中国）、燊鑫龑文化有限公司（中国）",
        "创作完成日期：2025年11月3日",
        "首次发表日期：未发表",
        "登记日期：2026年3月5日",
        "以上事项，由昇赟琎、燊鑫龑文化有限公司申请，经中国版权保护中心审核，"
        "根据《作品自愿登记试行办法》规定，予以登记。",
        "扫码验证",
        "https://banquan.example.cn/verify/2026-F-00000123?s=abc",
        "第2版",
        "0123456789abcdef",
        "SIG_" + "x" * 82,
    ]:
        assert expected in text


def test_rare_name_characters_come_out(data):
    data = replace(data, authors=[RARE_NAME_CHARS])
    text = _text(render_certificate(data))
    assert RARE_NAME_CHARS in text


def test_character_only_the_fallback_font_has_is_printed_with_it(data):
    sans_only = "𠀤"  # U+20024: in Noto Sans CJK, not in Noto Serif CJK
    pdf = render_certificate(replace(data, authors=[f"{sans_only}某"]))
    assert f"作者：{sans_only}某" in _text(pdf)
    fonts_used = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values()
    assert any("NotoSansCJKSC" in str(font.get_object()["/BaseFont"]) for font in fonts_used)


def test_published_work_prints_its_publication_date(data):
    text = _text(render_certificate(replace(data, first_publication_date=date(2025, 12, 1))))
    assert "首次发表日期：2025年12月1日" in text
    assert "未发表" not in text


def test_explicit_applicant_is_named_in_the_statement(data):
    text = _text(render_certificate(replace(data, applicant="北京某某代理有限公司")))
    assert "由北京某某代理有限公司申请" in text


def test_fonts_are_embedded_subsets():
    pdf = render_certificate(_minimal())
    reader = PdfReader(io.BytesIO(pdf))
    embedded = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", []):
            descriptor = descendant.get_object()["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            embedded.append(str(font["/BaseFont"]))
    assert embedded
    # A subset tag ("ABCDEF+") means only the used glyphs were embedded.
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in embedded)


def test_metadata_and_reproducible_output(data):
    first, second = render_certificate(data), render_certificate(data)
    assert first == second
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta.title == "作品登记证书 国作登字-2026-F-00000123"
    assert meta.author == "中国版权保护中心"
    assert meta.subject == "国作登字-2026-F-00000123"
    assert meta.creation_date.date() == date(2026, 3, 5)


def test_long_title_and_many_owners_wrap_and_stay_on_one_page(data):
    owners = [f"第{i}号著作权人文化传播有限公司（中国）" for i in range(10)]
    title = "一部名字非常非常长的作品" * 8 + " Spring Festival Collection"
    pdf = render_certificate(replace(data, title=title, owners=owners))
    pages = _pages_text(pdf)
    assert len(pages) == 1
    assert re.sub(r"\s+", "", title) in pages[0]
    for owner in owners:
        assert owner in pages[0]


def test_overlong_content_continues_on_more_pages_with_seal_and_qr_last(data):
    owners = [f"第{i}号著作权人文化传播有限公司（中国）" for i in range(150)]
    pages = _pages_text(render_certificate(replace(data, owners=owners)))
    assert len(pages) > 1
    assert "扫码验证" in pages[-1] and "扫码验证" not in "".join(pages[:-1])
    assert all(owner in "".join(pages) for owner in owners)


def test_wrapped_lines_fit_and_follow_chinese_line_breaking():
    pdf = FPDF()
    face = fonts.cjk_font()
    pdf.add_font("cjk", "", str(face.path), collection_font_number=face.index)
    pdf.set_font("cjk", size=13)
    text = "、".join(f"张三{i}（署名：三石{i}）" for i in range(30)) + " and an English Title"
    width = 120.0

    lines = wrap_lines(text, width, pdf.get_string_width)

    assert len(lines) > 3
    assert all(pdf.get_string_width(line) <= width + 1e-6 for line in lines)
    assert not any(line[0] in NO_LINE_START for line in lines[1:])
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert "English" in " ".join(lines).split()  # Latin words are not cut in half


def test_unbreakable_word_longer_than_a_line_is_cut():
    measure = len  # one unit per character
    assert wrap_lines("abcdefghij", 4, measure) == ["abcd", "efgh", "ij"]


# Fonts


def test_default_fonts_come_from_noto_cjk_simplified_faces():
    chosen = fonts.cjk_fonts()
    assert chosen.regular.path.name == "NotoSerifCJK-Regular.ttc"
    assert fonts._face_names(chosen.regular.path)[chosen.regular.index] == "Noto Serif CJK SC"
    assert fonts._face_names(chosen.bold.path)[chosen.bold.index] == "Noto Serif CJK SC Bold"
    assert chosen.fallback.path.name == "NotoSansCJK-Regular.ttc"
    assert fonts._face_names(chosen.mono.path)[chosen.mono.index] == "Noto Sans Mono CJK SC"


def test_rare_name_characters_are_covered_and_gaps_are_reported():
    assert fonts.missing_glyphs(RARE_NAME_CHARS + " 张三 abc") == []
    # U+21484 is in CJK Extension B but in neither Noto Serif CJK nor Noto Sans CJK.
    assert fonts.missing_glyphs("张𡒄𡒄") == ["𡒄"]


def test_font_setting_wins(settings):
    sans = fonts.cjk_fonts().fallback.path
    settings.BANQUAN_CJK_FONT = str(sans)
    chosen = fonts.cjk_fonts()
    assert chosen.regular.path == sans
    assert fonts._face_names(sans)[chosen.regular.index] == "Noto Sans CJK SC"

    settings.BANQUAN_CJK_FONT = f"{sans}#0"
    assert fonts.cjk_font() == fonts.FontFace(sans, 0)


def test_font_setting_to_a_missing_file_is_a_clear_error(settings, tmp_path):
    settings.BANQUAN_CJK_FONT = str(tmp_path / "nope.ttf")
    with pytest.raises(fonts.CJKFontNotFound, match="BANQUAN_CJK_FONT"):
        fonts.cjk_fonts()


def test_no_font_anywhere_names_the_setting_and_the_package(settings, monkeypatch):
    settings.BANQUAN_CJK_FONT = ""
    monkeypatch.setattr(fonts, "SYSTEM_FONT_PATHS", ("/nonexistent/font.ttc",))
    with pytest.raises(fonts.CJKFontNotFound) as error:
        fonts.cjk_fonts()
    assert "BANQUAN_CJK_FONT" in str(error.value)
    assert "fonts-noto-cjk" in str(error.value)


# Seal


def test_seal_is_a_transparent_red_round_png():
    png = seal_png("中国版权保护中心", size=300)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "RGBA" and image.size == (300, 300)
    assert image.getpixel((2, 2))[3] == 0  # outside the circle
    assert image.getpixel((150, 150))[3] > 0  # the star's centre
    red, green, blue, alpha = image.getpixel((150, 5))  # top of the outer ring
    assert alpha > 150 and red > 150 and green < 60 and blue < 60


def test_seal_is_cached_per_name_and_size():
    assert seal_png("中国版权保护中心", size=200) is seal_png("中国版权保护中心", size=200)
    assert seal_png("中国版权保护中心", size=200) != seal_png("北京市版权局", size=200)


# QR code


def test_qr_png_reproduces_the_symbol_module_by_module():
    url = "https://banquan.example.cn/verify/2026-F-00000123?s=" + "A" * 86
    scale, border = 5, 4
    image = Image.open(io.BytesIO(qr_png(url, scale=scale))).convert("L")
    matrix = qr_code(url).matrix
    assert image.size == ((len(matrix) + 2 * border) * scale,) * 2
    for row, bits in enumerate(matrix):
        for col, dark in enumerate(bits):
            x, y = (col + border) * scale + scale // 2, (row + border) * scale + scale // 2
            assert (image.getpixel((x, y)) < 128) == bool(dark), (row, col)
    assert qr_code(url).error in ("M", "Q", "H")  # segno may raise the level when space allows


def test_qr_svg_is_inline_markup():
    svg = qr_svg("https://example.cn/v/1", title="扫码验证")
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert "<title>扫码验证</title>" in svg


def _minimal() -> CertificateData:
    return CertificateData(
        number="国作登字-2026-A-00000001",
        title="测试",
        category="文字",
        authors=["张三"],
        owners=["张三（中国）"],
        completion_date=date(2025, 1, 1),
        first_publication_date=None,
        registration_date=date(2026, 1, 2),
        office_name="中国版权保护中心",
        verify_url="https://example.cn/v/1",
    )
