"""The page shared by all certificate PDFs: A4 geometry, fonts, metadata and the red border."""

from datetime import date, datetime, time, timedelta, timezone

from fpdf import FPDF

from banquan.certificates.fonts import FontFace, FontSet, covers

PAGE_W, PAGE_H = 210.0, 297.0  # A4, millimetres
BORDER_RED = (150, 28, 34)
INK = (25, 25, 25)
MUTED = (90, 90, 90)
RULE_GREY = (190, 190, 190)

OUTER_INSET, INNER_INSET = 9.0, 12.5
CONTENT_X = 26.0
CONTENT_W = PAGE_W - 2 * CONTENT_X
PT = 25.4 / 72  # one typographic point in mm

TEXT_TOP = 60.0  # first row on the first page (below the title)
CONTINUED_TOP = 24.0  # first row on a continuation page
CONTINUED_BOTTOM = 272.0
BOTTOM_BLOCK_TOP = 200.0  # text must end above this on the page that carries QR and seal

FONT, FONT_FALLBACK, FONT_MONO = "cjk", "cjkfallback", "cjkmono"
CHINA_TIME = timezone(timedelta(hours=8))  # registration dates are dates in Beijing time


class CertificatePDF(FPDF):
    """An A4 page in millimetres with the border drawn on every page and no automatic breaks."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(CONTENT_X, CONTINUED_TOP, CONTENT_X)
        # Pages are broken by the layout: fpdf2's own breaks would split the bottom block.
        self.set_auto_page_break(False)
        self.set_compression(True)

    def header(self) -> None:  # called by fpdf2 on every new page
        border(self)


def set_metadata(pdf: FPDF, *, title: str, author: str, subject: str, registration_date: date) -> None:
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(subject)
    pdf.set_creator("banquan")
    pdf.set_producer("banquan")  # not the library version: keeps output stable across upgrades
    pdf.set_lang("zh-CN")
    # A fixed date (not "now") makes re-rendering the same certificate byte-identical.
    pdf.set_creation_date(datetime.combine(registration_date, time(0, 0), tzinfo=CHINA_TIME))


def add_fonts(pdf: FPDF, fonts: FontSet, text: str) -> None:
    """Register the certificate fonts; the fallback only when ``text`` needs it."""
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


def border(pdf: FPDF) -> None:
    """The red double border with an ornament in each corner."""
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


def distributed(pdf: FPDF, text: str, x: float, y: float, width: float, height: float) -> None:
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
