"""PDF documents: the text layer page by page, the document properties, and OCR of the
images on pages without text (scanned pages)."""

import io
import logging

from pypdf import PdfReader

from banquan.screening.extract import image, pdf_codes
from banquan.screening.extract.base import Extracted, Piece, Unreadable, joined, normalize_newlines
from banquan.screening.ocr import Ocr

log = logging.getLogger(__name__)

MAX_OCR_IMAGES = 30  # images of text-less pages read by OCR in one PDF
METADATA_FIELDS = (("/Title", "标题"), ("/Subject", "主题"), ("/Keywords", "关键词"), ("/Author", "作者"))


def _reader(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("PDF 文件已加密（需要密码），无法读取文字；请申请人提供未加密的文件。")
        len(reader.pages)
    except Unreadable:
        raise
    except Exception as e:  # pypdf raises many kinds on broken files
        raise Unreadable(f"PDF 文件已损坏，无法解析（{type(e).__name__}）。") from None
    return reader


def _page_text(page, reader: PdfReader) -> str:
    text = page.extract_text() or ""
    if "\x00" in text:  # two-byte codes read one byte at a time: read them again
        try:
            text = pdf_codes.page_text(page, reader)
        except Exception:
            log.warning("second reading of a PDF page failed", exc_info=True)
            text = text.replace("\x00", "")
    return text


def _properties(reader: PdfReader) -> Piece | None:
    try:
        meta: dict = dict(reader.metadata or {})
        parts = [(f"文档属性：{label}", str(meta.get(key) or ""), None) for key, label in METADATA_FIELDS]
    except Exception:
        return None
    piece = joined(parts)
    return piece if piece.text else None


def _ocr_page(page, number: int, ocr: Ocr, budget: list[int], result: Extracted) -> None:
    try:
        images = list(page.images)
    except Exception as e:
        result.problems.append(f"第 {number} 页的图片无法读取（{type(e).__name__}）。")
        return
    for k, embedded in enumerate(images, 1):
        if budget[0] <= 0:
            budget[1] += 1
            continue
        budget[0] -= 1
        try:
            img = image.open_image(embedded.data)
            img.load()
            # Boxes are dropped: they are in the embedded image's pixels, not the page's.
            lines = image.read_lines(img, ocr, prefix=f"图片 {k} ")
            piece = joined(((label, text, None) for label, text, _box in lines), location=f"第 {number} 页")
        except Unreadable as e:
            result.problems.append(f"第 {number} 页图片 {k}：{e.reason}")
            continue
        except Exception as e:
            result.problems.append(f"第 {number} 页图片 {k} 无法解码（{type(e).__name__}）。")
            continue
        if piece.text:
            result.pieces.append(piece)


def extract(data: bytes, ocr: Ocr | None) -> Extracted:
    reader = _reader(data)
    result = Extracted()
    budget = [MAX_OCR_IMAGES, 0]  # images left to OCR, images skipped
    for number, page in enumerate(reader.pages, 1):
        try:
            text = normalize_newlines(_page_text(page, reader))
        except Exception as e:
            result.problems.append(f"第 {number} 页的文字无法提取（{type(e).__name__}），请人工查看。")
            continue
        if text.strip():
            result.pieces.append(Piece(f"第 {number} 页", text))
        elif ocr is not None:
            _ocr_page(page, number, ocr, budget, result)
    if budget[1]:
        result.problems.append(f"另有 {budget[1]} 张无文字页面上的图片超过识别上限（{MAX_OCR_IMAGES} 张），未做文字识别，请人工查看。")
    if not result.pieces and not result.problems and len(reader.pages):
        result.problems.append("PDF 中没有可提取的文字（可能是扫描件或图片），请人工查看。")
    properties = _properties(reader)
    if properties:
        result.pieces.append(properties)
    return result
