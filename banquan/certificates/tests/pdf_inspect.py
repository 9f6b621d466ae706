"""Reading back what a certificate PDF draws: text runs with positions and widths, QR modules."""

import io
import re

import numpy as np
from pypdf import PdfReader
from pypdf.generic import ContentStream

from banquan.certificates.tests.test_pdf import _decode, _to_unicode


def text_runs(pdf_bytes: bytes) -> list[tuple[float, float, float, str]]:
    """(x, y, width, text) in points of every text string drawn on the first page."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    page = reader.pages[0]
    fonts = {}
    for name, font in page["/Resources"]["/Font"].items():
        font = font.get_object()
        cid_widths = _cid_widths(font["/DescendantFonts"][0].get_object())
        # fpdf2 writes the codes of its subset and an /Encoding CMap from codes to CIDs.
        cids = _code_to_cid(font["/Encoding"].get_object().get_data())
        widths = {code: cid_widths.get(cid, 1000.0) for code, cid in cids.items()}
        fonts[name] = (_to_unicode(font["/ToUnicode"].get_data()), widths)
    runs = []
    font = size = None
    x = y = 0.0
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            font, size = fonts[operands[0]], float(operands[1])
        elif operator == b"Td":
            x, y = float(operands[0]), float(operands[1])
        elif operator in (b"Tj", b"TJ"):
            strings = (
                [operands[0]]
                if operator == b"Tj"
                else [s for s in operands[0] if not isinstance(s, int | float)]
            )
            for string in strings:
                raw = string.original_bytes if hasattr(string, "original_bytes") else bytes(string)
                codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
                width = sum(font[1][code] for code in codes) / 1000 * size
                text = _decode(string, font[0]).strip()
                if text:
                    runs.append((x, y, width, text))
    return runs


def _code_to_cid(cmap: bytes) -> dict[int, int]:
    text = cmap.decode("latin-1")
    return {
        int(code, 16): int(cid)
        for block in re.findall(r"begincidchar(.*?)endcidchar", text, re.S)
        for code, cid in re.findall(r"<([0-9A-Fa-f]+)>\s*(\d+)", block)
    }


def _cid_widths(descendant) -> dict[int, float]:
    """The /W array of a CID font as {code: width in 1/1000 em}."""
    items, widths, i = list(descendant.get("/W", [])), {}, 0
    while i < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], list):
            for offset, width in enumerate(items[i + 1]):
                widths[first + offset] = float(width)
            i += 2
        else:
            for code in range(first, int(items[i + 1]) + 1):
                widths[code] = float(items[i + 2])
            i += 3
    return widths


def qr_matrix(pdf_bytes: bytes) -> list[list[int]]:
    """The QR modules, rebuilt from the filled rectangles (the only ones on the page)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    page = reader.pages[-1]
    rects, pending = [], None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"re":
            pending = [float(v) for v in operands]
        elif operator == b"f" and pending:
            x, y, w, h = pending
            rects.append((x, min(y, y + h), w, abs(h)))
            pending = None
        else:
            pending = None
    module = min(h for *_, h in rects)
    left, bottom = min(r[0] for r in rects), min(r[1] for r in rects)
    top = max(r[1] + r[3] for r in rects)
    size = round((top - bottom) / module)
    matrix = [[0] * size for _ in range(size)]
    for x, y, w, h in rects:
        row = round((top - (y + h)) / module)
        start = round((x - left) / module)
        for col in range(start, start + round(w / module)):
            matrix[row][col] = 1
    return matrix


def qr_image(matrix: list[list[int]], scale: int = 8, border: int = 4) -> np.ndarray:
    modules = np.array(matrix, dtype=np.uint8)
    image = np.where(modules == 1, 0, 255).astype(np.uint8)
    image = np.pad(image, border, constant_values=255)
    return np.kron(image, np.ones((scale, scale), dtype=np.uint8))
