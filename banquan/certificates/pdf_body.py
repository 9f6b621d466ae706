"""The label/value rows and the sentence under them, shared by all certificate PDFs.

The body type gets smaller (down to a floor) until the text fits above the bottom block; past
that the text continues on further pages.
"""

from fpdf import FPDF

from banquan.certificates.pdf_page import (
    BOTTOM_BLOCK_TOP,
    CONTENT_W,
    CONTENT_X,
    CONTINUED_BOTTOM,
    CONTINUED_TOP,
    FONT,
    PAGE_W,
    PT,
    RULE_GREY,
    TEXT_TOP,
    distributed,
)
from banquan.certificates.wrap import wrap_lines

LABEL_EMS = 6.9  # labels (up to six characters) are spread evenly over this many ems, then "："
BODY_SIZES = (13.0, 12.0, 11.0, 10.0, 9.0)  # points, tried in order until the text fits one page
ROW_GAP = 2.2


class Body:
    """The rows and the statement, at a size chosen to fit between ``top`` and the bottom block."""

    def __init__(self, pdf: FPDF, rows: list[tuple[str, str]], statement: str, top: float = TEXT_TOP):
        self.pdf = pdf
        self.rows = rows
        self.statement = statement
        self.top = top
        self.size = BODY_SIZES[-1]
        for size in BODY_SIZES:
            self.size = size
            if top + self._height() <= BOTTOM_BLOCK_TOP:
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
        pdf.set_y(self.top)
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
                distributed(pdf, label, CONTENT_X, top, self.label_w, line_h)
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
