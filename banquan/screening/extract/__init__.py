"""Text extraction from samples (no database): what kind of file a sample is for screening,
and its text as pieces that know their location.

``extract(kind, data, ocr=...)`` returns ``Extracted`` or raises ``Unreadable`` with a reason
in Chinese for the reviewer. Any parser failure on a broken file ends as ``Unreadable``.
"""

from pathlib import PurePath

from banquan.screening.extract import image, pdf, plain, subtitles, word
from banquan.screening.extract.base import Extracted, Piece, Segment, Unreadable
from banquan.screening.ocr import Ocr

# Kinds of sample, in the order a run screens them: quick text first, OCR last.
KINDS = ("text", "subtitle", "docx", "pdf", "image")
NEEDS_OCR = frozenset({"pdf", "image"})
KIND_LABELS = {"text": "纯文本", "subtitle": "字幕", "docx": "Word 文档", "pdf": "PDF 文档", "image": "图片"}
DOCX_EXTENSIONS = {".docx", ".docm"}
DOCX_TYPES = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

__all__ = ["KINDS", "KIND_LABELS", "Extracted", "Piece", "Segment", "Unreadable", "extract", "kind_of"]


def kind_of(*, name: str, media_type: str, content_type: str = "") -> str | None:
    """How a sample is screened, or None when it carries no text to extract (audio, video)."""
    ext = PurePath(name).suffix.lower()
    if ext in subtitles.EXTENSIONS or media_type == "subtitle":
        return "subtitle"
    if ext in DOCX_EXTENSIONS or content_type in DOCX_TYPES or media_type == "docx":
        return "docx"
    if media_type in ("pdf", "image", "text"):
        return media_type
    return None


def extract(kind: str, data: bytes, *, name: str = "", ocr: Ocr | None = None) -> Extracted:
    if kind == "text":
        return plain.extract(data)
    if kind == "subtitle":
        return subtitles.extract(data, kind=subtitles.EXTENSIONS.get(PurePath(name).suffix.lower()))
    if kind == "docx":
        return word.extract(data)
    if kind == "pdf":
        return pdf.extract(data, ocr)
    if kind == "image":
        if ocr is None:
            raise Unreadable("未配置文字识别（OCR），图片中的文字未能筛查，请人工查看。")
        return image.extract(data, ocr)
    raise ValueError(f"unknown sample kind {kind!r}")
