"""Real small documents for the tests: DOCX (python-docx), PDF (fpdf2 with the CJK font the
certificates use), images with Chinese text (Pillow), and the test lexicon."""

import io

import docx
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from banquan.certificates.fonts import cjk_font
from banquan.lexicon import services as lexicon

# Test terms: one in an ordinary category, one in the major-topic category (重大题材).
POLITICAL = "颠覆国家政权"
MAJOR = "抗日战争"


def load_lexicon() -> None:
    lexicon.add_term(by=None, text=POLITICAL, category="政治", level=5)
    lexicon.add_term(by=None, text=MAJOR, category="重大题材", level=3)


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None, header: str = "") -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    if header:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(pages: list[str]) -> bytes:
    face = cjk_font()
    pdf = FPDF()
    pdf.add_font("cjk", "", str(face.path), collection_font_number=face.index)
    for text in pages:
        pdf.add_page()
        pdf.set_font("cjk", size=14)
        pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def text_image(lines: list[str], *, size: int = 48, fmt: str = "PNG") -> bytes:
    """White image with black Chinese text, one line per entry."""
    face = cjk_font()
    font = ImageFont.truetype(str(face.path), size, index=face.index)
    width = max(int(font.getlength(line)) for line in lines) + 80
    img = Image.new("RGB", (width, (size + 40) * len(lines) + 40), "white")
    draw = ImageDraw.Draw(img)
    for n, line in enumerate(lines):
        draw.text((40, 30 + n * (size + 40)), line, fill="black", font=font)
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()
