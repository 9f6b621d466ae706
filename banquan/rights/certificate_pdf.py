"""The A4 copyright pledge registration certificate (著作权质权登记证书).

Same page as the work and software certificates (banquan.certificates): red border, title,
label/value rows that wrap and shrink to fit, the registration sentence, QR code, seal and
signature footer. The pledged works are listed one a line ("登记号 作品名称"); a title too long
for its line continues under it with a hanging indent, so each work stays recognisable. With
many works the type gets smaller than on the work certificate (down to 8 pt) before the list
continues on a further page, the QR code and seal always standing on the last page.
"""

from fpdf import FPDF

from banquan.certificates.fonts import cjk_fonts
from banquan.certificates.pdf_blocks import footer, office_and_seal, qr, title
from banquan.certificates.pdf_body import BODY_SIZES, ROW_GAP, Body
from banquan.certificates.pdf_page import (
    BOTTOM_BLOCK_TOP,
    FONT,
    TEXT_TOP,
    CertificatePDF,
    add_fonts,
    set_metadata,
)
from banquan.certificates.wrap import wrap_lines
from banquan.rights.certificate_document import TITLE, PledgeCertificateData

# Nine characters: between the work certificate's six (30 pt) and the software one's twelve.
TITLE_SIZE, TITLE_LETTER_GAP = 26.0, 2.5
# A list of works may go a little smaller than the work certificate's floor before it breaks.
PLEDGE_BODY_SIZES = (*BODY_SIZES, 8.5, 8.0)
WORKS_LABEL = "出质作品"
HANGING_INDENT = "\u3000\u3000"  # two ideographic spaces before a title's continuation lines


def render_pledge_certificate(data: PledgeCertificateData) -> bytes:
    """The certificate as PDF bytes; the same data gives the same bytes."""
    pdf = CertificatePDF()
    set_metadata(
        pdf,
        title=f"{TITLE} {data.number}",
        author=data.office_name,
        subject=data.number,
        registration_date=data.registration_date,
    )
    add_fonts(pdf, cjk_fonts(), _all_text(data))
    pdf.add_page()
    title(pdf, TITLE, size=TITLE_SIZE, letter_gap=TITLE_LETTER_GAP)
    PledgeBody(pdf, data.rows(), data.statement()).draw()
    if pdf.get_y() > BOTTOM_BLOCK_TOP:
        pdf.add_page()
    qr(pdf, data.verify_url)
    office_and_seal(pdf, data.office_name, data.registration_date)
    footer(pdf, number=data.number, version=1, key_id=data.key_id, signature=data.signature, show_version=False)
    return bytes(pdf.output())


class PledgeBody(Body):
    """``Body`` with the works row as a list (hanging indent) and two more, smaller sizes."""

    def __init__(self, pdf: FPDF, rows: list[tuple[str, str]], statement: str, top: float = TEXT_TOP):
        self._label = ""
        super().__init__(pdf, rows, statement, top)
        for size in PLEDGE_BODY_SIZES:
            self.size = size
            if top + self._height() <= BOTTOM_BLOCK_TOP:
                break

    def _height(self) -> float:
        self.pdf.set_font(FONT, "", self.size)
        total = 0.0
        for label, value in self.rows:
            self._label = label
            total += len(self._value_lines(value)) * self.line_h + ROW_GAP
        self._label = ""
        return total + 4.0 + len(self._statement_lines()) * (self.line_h + 0.5)

    def _row(self, label: str, value: str) -> None:
        self._label = label
        try:
            super()._row(label, value)
        finally:
            self._label = ""

    def _value_lines(self, value: str) -> list[str]:
        if self._label != WORKS_LABEL:
            return super()._value_lines(value)
        self.pdf.set_font(FONT, "", self.size)
        measure = self.pdf.get_string_width
        indented_w = self.value_w - measure(HANGING_INDENT)
        lines: list[str] = []
        for item in (value or "—").split("\n"):
            first, *_rest = wrap_lines(item, self.value_w, measure)
            lines.append(first)
            rest = item[len(first):].strip()
            if rest:
                lines.extend(HANGING_INDENT + line for line in wrap_lines(rest, indented_w, measure))
        return lines


def _all_text(data: PledgeCertificateData) -> str:
    values = [value for _, value in data.rows()]
    return "".join(
        [*values, TITLE, data.statement(), data.office_name, data.verify_url, data.signature, data.key_id]
    )
