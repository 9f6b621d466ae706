"""Drawing deposit pages with fpdf2: A4, a header "<name> <version>" with the page number on the
right and a rule under it, then one ``text`` call per row at fixed positions.

Rows are placed, not flowed (no ``multi_cell``): pagination is already done, so drawing is a
straight loop, which is what makes a 60-page deposit fast (bench/softcopy.py). Redacted rows are
never written into the PDF; a black band covers their place with a white note of how many lines
it hides ("已遮盖 N 行"), which the checker reads to count them.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from itertools import groupby

from fontTools.ttLib import TTFont
from fpdf import FPDF

from banquan.software.softcopy.pages import Page, Row

PAGE_W, MARGIN_X = 210.0, 15.0
HEADER_Y, RULE_Y, FIRST_ROW_Y = 12.0, 14.5, 21.0
FONT = "deposit"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # the same input gives the same bytes
REDACTION_NOTE = "（已遮盖 {} 行）"


@dataclass(frozen=True)
class FontFile:
    """A font file; ``index`` picks the face in a .ttc/.otc collection."""

    path: str
    index: int = 0


@dataclass(frozen=True)
class Layout:
    font_size: float  # points
    row_height: float  # millimetres
    capacity: int  # rows a page can hold
    columns: float  # half-ems a row can hold (see pages.code_width)


CODE_LAYOUT = Layout(font_size=8.0, row_height=4.4, capacity=60, columns=126)
PROSE_LAYOUT = Layout(font_size=10.5, row_height=6.4, capacity=40, columns=96)


def render(pages: list[Page], *, header: str, font: FontFile, layout: Layout, title: str,
           fallbacks: tuple[FontFile, ...] = ()) -> bytes:
    """The pages as PDF bytes. ``fallbacks`` draw characters ``font`` lacks (the monospaced CJK
    face has no accented Greek, for instance); they are loaded only when a page needs them."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_creator("banquan")
    pdf.set_producer("banquan")
    pdf.set_title(title)
    pdf.add_font(FONT, "", font.path, collection_font_number=font.index)
    undrawable = _add_fallbacks(pdf, font, fallbacks, pages, header)
    for number, page in enumerate(pages, 1):
        pdf.add_page()
        _header(pdf, header.translate(undrawable), number, page.section)
        pdf.set_font(FONT, "", layout.font_size)
        _rows(pdf, page.rows, layout, undrawable)
    return bytes(pdf.output())


def _add_fallbacks(pdf: FPDF, font: FontFile, fallbacks: tuple[FontFile, ...], pages: list[Page],
                   header: str) -> dict[int, str]:
    """Loads the fallback faces if some character needs them, and returns what to print for
    characters no face has: a white square, so that a line in, say, Arabic still prints (and
    counts) as a line instead of vanishing."""
    used = {ord(ch) for page in pages for row in page.rows for ch in row.text} | {ord(ch) for ch in header}
    missing = used - _cmap(font) - _CONTROLS
    if not missing:
        return {}
    names = []
    for number, face in enumerate(fallbacks):
        names.append(f"{FONT}{number}")
        pdf.add_font(names[-1], "", face.path, collection_font_number=face.index)
        missing -= _cmap(face)
    pdf.set_fallback_fonts(names, exact_match=False)
    return dict.fromkeys(missing, UNDRAWABLE if ord(UNDRAWABLE) in _cmap(font) else "?")


_CONTROLS = frozenset(range(32))
UNDRAWABLE = "□"


@lru_cache(maxsize=8)
def _cmap(font: FontFile) -> frozenset[int]:
    face = TTFont(font.path, fontNumber=font.index, lazy=True)
    try:
        return frozenset(face.getBestCmap() or {})
    finally:
        face.close()


def _header(pdf: FPDF, header: str, number: int, section: str) -> None:
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(0)
    pdf.text(MARGIN_X, HEADER_Y, header)
    label = f"{section} 第 {number} 页" if section else f"第 {number} 页"
    pdf.text(PAGE_W - MARGIN_X - pdf.get_string_width(label), HEADER_Y, label)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN_X, RULE_Y, PAGE_W - MARGIN_X, RULE_Y)


def _rows(pdf: FPDF, rows: tuple[Row, ...], layout: Layout, undrawable: dict[int, str]) -> None:
    index = 0
    for redacted, run in groupby(rows, key=lambda row: row.redacted):
        count = len(list(run))
        if redacted:
            _redaction(pdf, index, count, layout)
        else:
            for offset in range(count):
                text = rows[index + offset].text
                if undrawable:
                    text = text.translate(undrawable)
                if text:
                    pdf.text(MARGIN_X, FIRST_ROW_Y + (index + offset) * layout.row_height, text)
        index += count


def _redaction(pdf: FPDF, index: int, count: int, layout: Layout) -> None:
    top = FIRST_ROW_Y + (index - 0.75) * layout.row_height
    pdf.set_fill_color(0)
    pdf.rect(MARGIN_X, top, PAGE_W - 2 * MARGIN_X, count * layout.row_height, style="F")
    pdf.set_text_color(255)
    pdf.text(MARGIN_X + 2, FIRST_ROW_Y + index * layout.row_height, REDACTION_NOTE.format(count))
    pdf.set_text_color(0)
