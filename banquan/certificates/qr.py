"""QR codes for the verification link printed on certificates and shown on web pages."""

import io

import segno

# Q (25 % recovery) because printed certificates get folded, stamped and photocopied; segno
# raises it further when the URL leaves room in the chosen symbol version.
ERROR_LEVEL = "Q"
QUIET_ZONE = 4  # modules of white border the QR specification asks for


def qr_code(url: str) -> segno.QRCode:
    """The QR symbol for ``url`` (never a Micro QR, which phone cameras rarely read)."""
    return segno.make_qr(url, error=ERROR_LEVEL)


def qr_png(url: str, scale: int = 6) -> bytes:
    """PNG bytes, ``scale`` pixels per module, black on white with the quiet zone."""
    out = io.BytesIO()
    qr_code(url).save(out, kind="png", scale=scale, border=QUIET_ZONE)
    return out.getvalue()


def qr_svg(url: str, scale: int = 4, title: str = "") -> str:
    """An inline ``<svg>`` element (no XML declaration) to put straight into an HTML page."""
    return qr_code(url).svg_inline(scale=scale, border=QUIET_ZONE, title=title or None)
