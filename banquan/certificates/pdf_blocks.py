"""The fixed parts of a certificate page: title, QR code, office name under the seal, footer."""

import io
from datetime import date

from fpdf import FPDF
from fpdf.enums import WrapMode

from banquan.certificates.document import chinese_date
from banquan.certificates.pdf_page import (
    BORDER_RED,
    CONTENT_W,
    CONTENT_X,
    FONT,
    FONT_MONO,
    INK,
    MUTED,
    PAGE_W,
    RULE_GREY,
    distributed,
)
from banquan.certificates.qr import qr_code
from banquan.certificates.seal import seal_png

TITLE_SIZE = 30.0  # points
TITLE_LETTER_GAP = 4.0
QR_X, QR_Y, QR_SIZE = 28.0, 206.0, 30.0
SEAL_CX, SEAL_CY, SEAL_D = 150.0, 224.0, 42.0  # 42 mm: the usual diameter of an office seal
FOOTER_Y = 262.0


def title(pdf: FPDF, text: str, size: float = TITLE_SIZE, letter_gap: float = TITLE_LETTER_GAP) -> None:
    """The red title, letter-spaced and centred, with a double rule under it."""
    pdf.set_text_color(*BORDER_RED)
    pdf.set_font(FONT, "B", size)
    width = pdf.get_string_width(text) + letter_gap * (len(text) - 1)
    distributed(pdf, text, (PAGE_W - width) / 2, 30.0, width, 14)
    pdf.set_draw_color(*BORDER_RED)
    pdf.set_line_width(0.6)
    pdf.line(PAGE_W / 2 - 38, 48.0, PAGE_W / 2 + 38, 48.0)
    pdf.set_line_width(0.2)
    pdf.line(PAGE_W / 2 - 38, 49.2, PAGE_W / 2 + 38, 49.2)
    pdf.set_text_color(*INK)


def qr(pdf: FPDF, url: str) -> None:
    """The QR code of ``url`` at the bottom left, with a caption and the URL in small type."""
    # Vector modules stay sharp at any printer resolution, unlike a scaled PNG.
    matrix = qr_code(url).matrix
    module = QR_SIZE / len(matrix)
    pdf.set_fill_color(0, 0, 0)
    for row_index, row in enumerate(matrix):
        y = QR_Y + row_index * module
        start = None
        for col_index, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = col_index
            elif not dark and start is not None:
                pdf.rect(QR_X + start * module, y, (col_index - start) * module, module, style="F")
                start = None
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "", 9)
    pdf.set_xy(QR_X, QR_Y + QR_SIZE + 1.0)
    pdf.cell(QR_SIZE, 5, "扫码验证", align="C")
    pdf.set_text_color(*MUTED)
    pdf.set_font(FONT_MONO, "", 6)
    pdf.set_xy(QR_X - 2.0, QR_Y + QR_SIZE + 6.5)
    pdf.multi_cell(72.0, 2.8, url, align="L", wrapmode=WrapMode.CHAR)
    pdf.set_text_color(*INK)


def office_and_seal(pdf: FPDF, office_name: str, registration_date: date) -> None:
    """The office name and the registration date at the bottom right, under the red seal."""
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "", 14)
    width = 80.0
    pdf.set_xy(SEAL_CX - width / 2, SEAL_CY - 8.0)
    pdf.multi_cell(width, 7.5, office_name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(SEAL_CX - width / 2)
    pdf.cell(width, 7.5, chinese_date(registration_date), align="C")
    # Multiply lets the black text show through the red like stamped ink does.
    with pdf.local_context(blend_mode="Multiply"):
        pdf.image(
            io.BytesIO(seal_png(office_name)),
            x=SEAL_CX - SEAL_D / 2,
            y=SEAL_CY - SEAL_D / 2,
            w=SEAL_D,
            h=SEAL_D,
        )


def footer(
    pdf: FPDF, *, number: str, version: int, key_id: str, signature: str, show_version: bool = True
) -> None:
    """Version, key id and registration number, then the signature, under a thin rule."""
    pdf.set_draw_color(*RULE_GREY)
    pdf.set_line_width(0.2)
    pdf.line(CONTENT_X, FOOTER_Y, PAGE_W - CONTENT_X, FOOTER_Y)
    pdf.set_text_color(*MUTED)
    pdf.set_font(FONT_MONO, "", 7)
    pdf.set_xy(CONTENT_X, FOOTER_Y + 1.5)
    parts = [f"证书版本：第{version}版"] if show_version else []
    parts += [f"密钥标识：{key_id or '—'}", f"登记号：{number}"]
    pdf.cell(CONTENT_W, 3.6, "    ".join(parts), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(
        CONTENT_W, 3.6, f"数字签名（Ed25519）：{signature or '—'}", align="C", wrapmode=WrapMode.CHAR
    )
    pdf.set_text_color(*INK)
