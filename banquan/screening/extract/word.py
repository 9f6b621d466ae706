"""Word documents (DOCX): paragraphs, tables, text boxes, headers and footers, in order."""

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from banquan.screening.extract.base import Box, Extracted, Unreadable, joined, normalize_newlines

# A DOCX is a zip: refuse one that would unpack to more than this (a zip bomb).
MAX_UNPACKED = 200 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc (and .xls, …)

Part = tuple[str, str, Box | None]


def _open(data: bytes) -> "docx.document.Document":
    if data.startswith(OLE_MAGIC):
        raise Unreadable("这是旧版 Word（.doc）格式，无法读取文字；请申请人提供 DOCX 或 PDF 文件。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise Unreadable("DOCX 文件解压后过大，已拒绝读取。")
    except zipfile.BadZipFile:
        raise Unreadable("文件已损坏或不是有效的 Word（DOCX）文档。") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on broken packages
        raise Unreadable(f"文件已损坏或不是有效的 Word（DOCX）文档（{type(e).__name__}）。") from None


def _cell_text(cell) -> str:
    lines = []
    for block in cell.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:  # a nested table: its cells row by row
            lines.extend(_cell_text(c) for row in block.rows for c in _unique_cells(row))
    return "\n".join(line for line in lines if line.strip())


def _unique_cells(row) -> Iterator:
    """A merged cell appears once per grid column it spans; give it once."""
    seen = set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield cell


def _table_parts(table: Table, number: int) -> Iterator[Part]:
    for r, row in enumerate(table.rows, 1):
        for c, cell in enumerate(_unique_cells(row), 1):
            yield f"表格 {number} 第 {r} 行第 {c} 列", _cell_text(cell), None


def _body_parts(document) -> Iterator[Part]:
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                paragraphs += 1
                yield f"第 {paragraphs} 段", block.text, None
        else:
            tables += 1
            yield from _table_parts(block, tables)


def _text_boxes(document) -> Iterator[Part]:
    for n, box in enumerate(document.element.body.iter(qn("w:txbxContent")), 1):
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in box.iter(qn("w:p")))
        yield f"文本框 {n}", text, None


def _headers_and_footers(document) -> Iterator[Part]:
    seen = set()
    for s, section in enumerate(document.sections, 1):
        for label, part in (("页眉", section.header), ("页脚", section.footer)):
            if part.is_linked_to_previous or id(part._element) in seen:
                continue
            seen.add(id(part._element))
            text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
            yield (f"第 {s} 节{label}" if len(document.sections) > 1 else label), text, None


def extract(data: bytes) -> Extracted:
    document = _open(data)
    try:
        parts = [*_body_parts(document), *_text_boxes(document), *_headers_and_footers(document)]
    except Exception as e:
        raise Unreadable(f"Word 文档结构损坏，无法读取文字（{type(e).__name__}）。") from None
    piece = joined((label, normalize_newlines(text), box) for label, text, box in parts)
    return Extracted([piece] if piece.text else [])
