"""The A4 computer-software copyright registration certificate (计算机软件著作权登记证书).

Same page as the work certificate (pdf.py): border, title, label/value rows that wrap and
shrink to fit, the registration sentence, QR code, seal and signature footer. In addition the
certificate number (证书号) stands at the top right under the title, as on the real certificate.
"""

from fpdf import FPDF

from banquan.certificates.fonts import cjk_fonts
from banquan.certificates.pdf_blocks import footer, office_and_seal, qr, title
from banquan.certificates.pdf_body import Body
from banquan.certificates.pdf_page import (
    BOTTOM_BLOCK_TOP,
    CONTENT_W,
    CONTENT_X,
    FONT,
    INK,
    CertificatePDF,
    add_fonts,
    set_metadata,
)
from banquan.certificates.software_document import SoftwareCertificateData

TITLE = "计算机软件著作权登记证书"
# Twelve characters: smaller and tighter than the work certificate's six so the title fits.
TITLE_SIZE, TITLE_LETTER_GAP = 24.0, 1.5
NUMBER_Y = 52.0  # the certificate number line, between the title rule and the rows
SOFTWARE_TEXT_TOP = 62.0


def render_software_certificate(data: SoftwareCertificateData) -> bytes:
    """The certificate as PDF bytes; the same data gives the same bytes."""
    pdf = CertificatePDF()
    set_metadata(
        pdf,
        title=f"{TITLE} {data.certificate_number}",
        author=data.office_name,
        subject=data.number,
        registration_date=data.registration_date,
    )
    add_fonts(pdf, cjk_fonts(), _all_text(data))
    pdf.add_page()
    title(pdf, TITLE, size=TITLE_SIZE, letter_gap=TITLE_LETTER_GAP)
    _certificate_number(pdf, data.certificate_number)
    Body(pdf, data.rows(), data.statement(), top=SOFTWARE_TEXT_TOP).draw()
    if pdf.get_y() > BOTTOM_BLOCK_TOP:
        pdf.add_page()
    qr(pdf, data.verify_url)
    office_and_seal(pdf, data.office_name, data.registration_date)
    footer(
        pdf,
        number=data.number,
        version=data.version,
        key_id=data.key_id,
        signature=data.signature,
        show_version=data.version > 1,
    )
    return bytes(pdf.output())


def _certificate_number(pdf: FPDF, certificate_number: str) -> None:
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "", 11)
    pdf.set_xy(CONTENT_X, NUMBER_Y)
    pdf.cell(CONTENT_W, 6.0, f"证书号：{certificate_number}", align="R")


def _all_text(data: SoftwareCertificateData) -> str:
    values = [value for _, value in data.rows()]
    return "".join(
        [
            *values,
            data.certificate_number,
            data.statement(),
            data.office_name,
            data.verify_url,
            data.signature,
            data.key_id,
        ]
    )
