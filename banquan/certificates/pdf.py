"""The A4 certificate PDF (作品登记证书), drawn with fpdf2.

The page: a red double border with corner ornaments, the title, label/value rows, the
registration sentence, then at the bottom the QR code (left), the office name and date under the
red seal (right) and a footer with the version, key id and signature.

Long values wrap by Chinese rules (no line starts with a closing mark such as "）" or "、").
When the text does not fit above the bottom block, the body type gets smaller down to a floor;
past that the text continues on further pages and the bottom block goes on the last one.
"""

import io
import re
from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone

from fpdf import FPDF
from fpdf.enums import WrapMode

from banquan.certificates.document import CertificateData, chinese_date
from banquan.certificates.fonts import FontFace, FontSet, cjk_fonts, covers
from banquan.certificates.qr import qr_code
from banquan.certificates.seal import seal_png

PAGE_W, PAGE_H = 210.0, 297.0  # A4, millimetres
BORDER_RED = (150, 28, 34)
INK = (25, 25, 25)
MUTED = (90, 90, 90)
RULE_GREY = (190, 190, 190)

OUTER_INSET, INNER_INSET = 9.0, 12.5
CONTENT_X = 26.0
CONTENT_W = PAGE_W - 2 * CONTENT_X
PT = 25.4 / 72  # one typographic point in mm
LABEL_EMS = 6.9  # labels (up to six characters) are spread evenly over this many ems, then "："
TITLE_LETTER_GAP = 4.0
BODY_SIZES = (13.0, 12.0, 11.0, 10.0, 9.0)  # points, tried in order until the text fits one page
ROW_GAP = 2.2

TEXT_TOP = 60.0  # first row on the first page (below the title)
CONTINUED_TOP = 24.0  # first row on a continuation page
CONTINUED_BOTTOM = 272.0
BOTTOM_BLOCK_TOP = 200.0  # text must end above this on the page that carries QR and seal
QR_X, QR_Y, QR_SIZE = 28.0, 206.0, 30.0
SEAL_CX, SEAL_CY, SEAL_D = 150.0, 224.0, 42.0  # 42 mm: the usual diameter of an office seal
FOOTER_Y = 262.0

FONT, FONT_FALLBACK, FONT_MONO = "cjk", "cjkfallback", "cjkmono"
CHINA_TIME = timezone(timedelta(hours=8))  # registration dates are dates in Beijing time

# Chinese line-breaking rules (禁则): marks that may not begin or end a line.
NO_LINE_START = frozenset("，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# A run of Latin letters, digits and ASCII marks is one unbreakable word; anything else (Han
# characters, full-width marks) may break after every character.
_UNIT = re.compile(r"[!-~\u00c0-\u024f]+ *| +|.", re.DOTALL)


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes; the same data gives the same bytes."""
    pdf = _CertificatePDF()
    _set_metadata(pdf, data)
    _add_fonts(pdf, cjk_fonts(), _all_text(data))
    pdf.add_page()
    _title(pdf)
    body = _Body(pdf, data)
    body.draw()
    if pdf.get_y() > BOTTOM_BLOCK_TOP:
        pdf.add_page()
    _qr(pdf, data.verify_url)
    _office_and_seal(pdf, data)
    _footer(pdf, data)
    return bytes(pdf.output())


def wrap_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (as ``measure`` reports widths).

    Explicit newlines are kept. A closing mark that would start a line pulls the previous
    character down with it, and an opening mark never ends a line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    units: list[str] = []
    for unit in _UNIT.findall(text):
        # A word wider than a whole line has to be broken somewhere: break it anywhere.
        units.extend(unit if measure(unit.rstrip()) > width else [unit])
    lines: list[str] = []
    line: list[str] = []
    for unit in units:
        if line and measure("".join(line) + unit.rstrip()) > width:
            carried: list[str] = []
            # Pull characters down until the next line no longer starts with a closing mark.
            while len(line) > 1 and (carried or [unit])[0][0] in NO_LINE_START:
                carried.insert(0, line.pop())
            while len(line) > 1 and line[-1].rstrip()[-1:] in NO_LINE_END:
                carried.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = carried
            if unit.isspace():
                continue  # spaces at a break disappear
        line.append(unit)
    if line or not lines:
        lines.append("".join(line).rstrip())
    return lines


class _CertificatePDF(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(CONTENT_X, CONTINUED_TOP, CONTENT_X)
        # Pages are broken by the layout below: fpdf2's own breaks would split the bottom block.
        self.set_auto_page_break(False)
        self.set_compression(True)

    def header(self) -> None:  # called by fpdf2 on every new page
        _border(self)


class _Body:
    """The label/value rows and the registration sentence, at a size chosen to fit."""

    def __init__(self, pdf: FPDF, data: CertificateData):
        self.pdf = pdf
        self.rows = data.rows()
        self.statement = data.statement()
        self.size = BODY_SIZES[-1]
        for size in BODY_SIZES:
            self.size = size
            if TEXT_TOP + self._height() <= BOTTOM_BLOCK_TOP:
                break

    @property
    def line_h(self) -> float:
        return self.size * PT * 1.65

    @property
    def label_w(self) -> float:
        return self.size * PT * LABEL_EMS

    @property
    def value_x(self) -> float:
        return CONTENT_X + self.label_w + self.size * PT  # one em for the colon

    @property
    def value_w(self) -> float:
        return PAGE_W - CONTENT_X - self.value_x

    def draw(self) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "", self.size)
        pdf.set_y(TEXT_TOP)
        for label, value in self.rows:
            self._row(label, value)
        self._statement()

    def _height(self) -> float:
        self.pdf.set_font(FONT, "", self.size)
        rows = sum(len(self._value_lines(value)) * self.line_h + ROW_GAP for _, value in self.rows)
        return rows + 4.0 + len(self._statement_lines()) * (self.line_h + 0.5)

    def _value_lines(self, value: str) -> list[str]:
        return wrap_lines(value or "—", self.value_w, self.pdf.get_string_width)

    def _statement_lines(self) -> list[str]:
        # The customary two-character first-line indent, laid out as two ideographic spaces.
        return wrap_lines("\u3000\u3000" + self.statement, CONTENT_W, self.pdf.get_string_width)

    def _make_room(self, height: float) -> None:
        if self.pdf.get_y() + height > CONTINUED_BOTTOM:
            self.pdf.add_page()
            self.pdf.set_font(FONT, "", self.size)
            self.pdf.set_y(CONTINUED_TOP)

    def _row(self, label: str, value: str) -> None:
        pdf, line_h = self.pdf, self.line_h
        for index, line in enumerate(self._value_lines(value)):
            self._make_room(line_h)
            top = pdf.get_y()
            if index == 0:
                _distributed(pdf, label, CONTENT_X, top, self.label_w, line_h)
                pdf.set_xy(CONTENT_X + self.label_w, top)
                pdf.cell(self.value_x - CONTENT_X - self.label_w, line_h, "：")
            pdf.set_xy(self.value_x, top)
            pdf.cell(self.value_w, line_h, line, new_x="LMARGIN", new_y="NEXT")
        bottom = pdf.get_y()
        pdf.set_draw_color(*RULE_GREY)
        pdf.set_line_width(0.2)
        pdf.line(self.value_x, bottom - 0.6, PAGE_W - CONTENT_X, bottom - 0.6)
        pdf.set_y(bottom + ROW_GAP)

    def _statement(self) -> None:
        pdf, line_h = self.pdf, self.line_h + 0.5
        pdf.set_y(pdf.get_y() + 4.0)
        for line in self._statement_lines():
            self._make_room(line_h)
            pdf.set_x(CONTENT_X)
            pdf.cell(CONTENT_W, line_h, line, new_x="LMARGIN", new_y="NEXT")


def _set_metadata(pdf: FPDF, data: CertificateData) -> None:
    pdf.set_title(f"作品登记证书 {data.number}")
    pdf.set_author(data.office_name)
    pdf.set_subject(data.number)
    pdf.set_creator("banquan")
    pdf.set_producer("banquan")  # not the library version: keeps output stable across upgrades
    pdf.set_lang("zh-CN")
    # A fixed date (not "now") makes re-rendering the same certificate byte-identical.
    pdf.set_creation_date(datetime.combine(data.registration_date, time(0, 0), tzinfo=CHINA_TIME))


def _all_text(data: CertificateData) -> str:
    values = [value for _, value in data.rows()]
    return "".join(
        [*values, data.statement(), data.office_name, data.verify_url, data.signature, data.key_id]
    )


def _add_fonts(pdf: FPDF, fonts: FontSet, text: str) -> None:
    _add(pdf, FONT, "", fonts.regular)
    _add(pdf, FONT, "B", fonts.bold or fonts.regular)
    _add(pdf, FONT_MONO, "", fonts.mono or fonts.fallback or fonts.regular)
    # Loading a CJK font takes about half a second: only load the fallback when it is needed.
    if fonts.fallback and not covers(fonts.regular, text):
        _add(pdf, FONT_FALLBACK, "", fonts.fallback)
        # Noto Sans has a few dozen rare characters Noto Serif lacks; bold text may borrow the
        # regular fallback rather than print a blank.
        pdf.set_fallback_fonts([FONT_FALLBACK], exact_match=False)


def _add(pdf: FPDF, family: str, style: str, face: FontFace) -> None:
    pdf.add_font(family, style, str(face.path), collection_font_number=face.index)


def _border(pdf: FPDF) -> None:
    pdf.set_draw_color(*BORDER_RED)
    pdf.set_fill_color(*BORDER_RED)
    pdf.set_line_width(1.2)
    pdf.rect(OUTER_INSET, OUTER_INSET, PAGE_W - 2 * OUTER_INSET, PAGE_H - 2 * OUTER_INSET)
    pdf.set_line_width(0.35)
    pdf.rect(INNER_INSET, INNER_INSET, PAGE_W - 2 * INNER_INSET, PAGE_H - 2 * INNER_INSET)
    for cx, cy, sx, sy in (
        (INNER_INSET, INNER_INSET, 1, 1),
        (PAGE_W - INNER_INSET, INNER_INSET, -1, 1),
        (INNER_INSET, PAGE_H - INNER_INSET, 1, -1),
        (PAGE_W - INNER_INSET, PAGE_H - INNER_INSET, -1, -1),
    ):
        _corner(pdf, cx, cy, sx, sy)


def _corner(pdf: FPDF, x: float, y: float, sx: int, sy: int) -> None:
    """A diamond inside the corner with lines running from it along both edges.

    (sx, sy) is +1/-1 per axis, pointing from the corner into the page.
    """
    d, axis = 2.6, 6.0
    cx, cy = x + sx * axis, y + sy * axis
    pdf.polygon([(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)], style="F")
    for inset, start, length, width in ((axis, d + 1.2, 24.0, 0.5), (axis + 1.6, d + 3.0, 16.0, 0.2)):
        pdf.set_line_width(width)
        px, py = x + sx * inset, y + sy * inset
        pdf.line(px + sx * start, py, px + sx * (start + length), py)
        pdf.line(px, py + sy * start, px, py + sy * (start + length))
    pdf.set_line_width(0.35)


def _title(pdf: FPDF) -> None:
    pdf.set_text_color(*BORDER_RED)
    pdf.set_font(FONT, "B", 30)
    title = "作品登记证书"
    width = pdf.get_string_width(title) + TITLE_LETTER_GAP * (len(title) - 1)
    _distributed(pdf, title, (PAGE_W - width) / 2, 30.0, width, 14)
    pdf.set_draw_color(*BORDER_RED)
    pdf.set_line_width(0.6)
    pdf.line(PAGE_W / 2 - 38, 48.0, PAGE_W / 2 + 38, 48.0)
    pdf.set_line_width(0.2)
    pdf.line(PAGE_W / 2 - 38, 49.2, PAGE_W / 2 + 38, 49.2)
    pdf.set_text_color(*INK)


def _distributed(pdf: FPDF, text: str, x: float, y: float, width: float, height: float) -> None:
    """Spread the characters evenly across ``width`` (分散对齐), as printed forms align labels."""
    if len(text) == 1:
        pdf.set_xy(x, y)
        pdf.cell(width, height, text, align="L")
        return
    widths = [pdf.get_string_width(char) for char in text]
    gap = (width - sum(widths)) / (len(text) - 1)
    for char, char_w in zip(text, widths, strict=True):
        pdf.set_xy(x, y)
        pdf.cell(char_w, height, char)
        x += char_w + gap


def _qr(pdf: FPDF, url: str) -> None:
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


def _office_and_seal(pdf: FPDF, data: CertificateData) -> None:
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "", 14)
    width = 80.0
    pdf.set_xy(SEAL_CX - width / 2, SEAL_CY - 8.0)
    pdf.multi_cell(width, 7.5, data.office_name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(SEAL_CX - width / 2)
    pdf.cell(width, 7.5, chinese_date(data.registration_date), align="C")
    # Multiply lets the black text show through the red like stamped ink does.
    with pdf.local_context(blend_mode="Multiply"):
        pdf.image(
            io.BytesIO(seal_png(data.office_name)),
            x=SEAL_CX - SEAL_D / 2,
            y=SEAL_CY - SEAL_D / 2,
            w=SEAL_D,
            h=SEAL_D,
        )


def _footer(pdf: FPDF, data: CertificateData) -> None:
    pdf.set_draw_color(*RULE_GREY)
    pdf.set_line_width(0.2)
    pdf.line(CONTENT_X, FOOTER_Y, PAGE_W - CONTENT_X, FOOTER_Y)
    pdf.set_text_color(*MUTED)
    pdf.set_font(FONT_MONO, "", 7)
    pdf.set_xy(CONTENT_X, FOOTER_Y + 1.5)
    meta = f"证书版本：第{data.version}版    密钥标识：{data.key_id or '—'}    登记号：{data.number}"
    pdf.cell(CONTENT_W, 3.6, meta, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(
        CONTENT_W, 3.6, f"数字签名（Ed25519）：{data.signature or '—'}", align="C", wrapmode=WrapMode.CHAR
    )
    pdf.set_text_color(*INK)
