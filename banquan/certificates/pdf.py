"""The A4 certificate PDF (作品登记证书), drawn with fpdf2.

The page: a red double border with corner ornaments, the title, label/value rows, the
registration sentence, then at the bottom the QR code (left), the office name and date under the
red seal (right) and a footer with the version, key id and signature.

Long values wrap by Chinese rules (no line starts with a closing mark such as "）" or "、").
When the text does not fit above the bottom block, the body type gets smaller down to a floor;
past that the text continues on further pages and the bottom block goes on the last one.
The building blocks live in pdf_page, pdf_body and pdf_blocks, shared with software_pdf.
"""

from banquan.certificates.document import CertificateData
from banquan.certificates.fonts import cjk_fonts
from banquan.certificates.pdf_blocks import footer, office_and_seal, qr, title
from banquan.certificates.pdf_body import Body
from banquan.certificates.pdf_page import BOTTOM_BLOCK_TOP, CertificatePDF, add_fonts, set_metadata
from banquan.certificates.wrap import NO_LINE_END, NO_LINE_START, wrap_lines

__all__ = ["NO_LINE_END", "NO_LINE_START", "render_certificate", "wrap_lines"]


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes; the same data gives the same bytes."""
    pdf = CertificatePDF()
    set_metadata(
        pdf,
        title=f"作品登记证书 {data.number}",
        author=data.office_name,
        subject=data.number,
        registration_date=data.registration_date,
    )
    add_fonts(pdf, cjk_fonts(), _all_text(data))
    pdf.add_page()
    title(pdf, "作品登记证书")
    Body(pdf, data.rows(), data.statement()).draw()
    if pdf.get_y() > BOTTOM_BLOCK_TOP:
        pdf.add_page()
    qr(pdf, data.verify_url)
    office_and_seal(pdf, data.office_name, data.registration_date)
    footer(pdf, number=data.number, version=data.version, key_id=data.key_id, signature=data.signature)
    return bytes(pdf.output())


def _all_text(data: CertificateData) -> str:
    values = [value for _, value in data.rows()]
    return "".join(
        [*values, data.statement(), data.office_name, data.verify_url, data.signature, data.key_id]
    )
