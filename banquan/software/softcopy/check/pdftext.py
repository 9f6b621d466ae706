"""The text of each page of an uploaded PDF, line by line, with pypdf.

fpdf2 (and some other producers) write CID fonts whose /Encoding is an embedded two-byte CMap
stream; pypdf reads such fonts one byte at a time and returns every character with a space before
it, or garbage beyond 255 glyphs. Text extraction only needs the ToUnicode map, which is keyed by
the same two-byte codes, so those encodings are read as Identity-H before extracting.
"""

import io

import pypdf
from pypdf.errors import PyPdfError
from pypdf.generic import NameObject

from banquan.software.softcopy.errors import SoftcopyRefused


def pdf_pages_text(data: bytes) -> list[str]:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise SoftcopyRefused("PDF 文件已加密，无法检查。请上传未加密的 PDF。")
        texts = []
        for page in reader.pages:
            _two_byte_encodings_as_identity(page)
            texts.append(page.extract_text() or "")
        return texts
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        raise SoftcopyRefused(f"无法读取这个 PDF 文件，可能已损坏（{e.__class__.__name__}）。") from e


def _two_byte_encodings_as_identity(page) -> None:
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    for ref in (fonts.get_object().values() if fonts is not None else ()):
        font = ref.get_object()
        if font.get("/Subtype") != "/Type0" or "/ToUnicode" not in font:
            continue
        encoding = font.get("/Encoding")
        if encoding is None or not hasattr(encoding.get_object(), "get_data"):
            continue
        if b"<0000> <FFFF>" in encoding.get_object().get_data()[:1000]:
            font[NameObject("/Encoding")] = NameObject("/Identity-H")
