"""Building the documentation identification material (文档鉴别材料) from an uploaded manual:
PDF (text read with pypdf, running headers and footers left out), DOCX (python-docx: paragraphs and table rows in document order) or
Markdown / plain text (printed as written). Lines wrap to the page width; blank lines are
dropped; at least 30 lines a page; the first and last 30 pages, or all of a manual of 60 pages
or fewer.
"""

import io
import re
import zipfile
from collections import Counter
from pathlib import PurePosixPath

import docx
from docx.table import Table

from banquan.software.softcopy.build import Deposit, deposit_header
from banquan.software.softcopy.check.pdftext import pdf_pages_text
from banquan.software.softcopy.decoding import decode_source
from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.pages import Row, first_and_last, paginate, prose_width, wrap
from banquan.software.softcopy.render import PROSE_LAYOUT, FontFile, render

MIN_DOC_LINES = 30
TEXT_SUFFIXES = (".md", ".markdown", ".txt")


def build_documentation_material(data: bytes, filename: str, *, name: str, version: str, font: FontFile,
                                 fallbacks: tuple[FontFile, ...] = (),
                                 lines_per_page: int = MIN_DOC_LINES) -> Deposit:
    header = deposit_header(name, version)
    if not MIN_DOC_LINES <= lines_per_page <= PROSE_LAYOUT.capacity:
        raise SoftcopyRefused(f"文档每页应为 {MIN_DOC_LINES} 到 {PROSE_LAYOUT.capacity} 行。")
    lines = [line.rstrip() for line in manual_lines(data, filename) if line.strip()]
    if not lines:
        raise SoftcopyRefused("说明书中没有可读取的文字（扫描件请先进行文字识别，或上传 Word/Markdown 原稿）。")
    rows = (Row(part) for line in lines for part in wrap(line.expandtabs(4), PROSE_LAYOUT.columns, prose_width))
    all_pages = paginate(rows, lines_per_page, PROSE_LAYOUT.capacity)
    pages = first_and_last(all_pages)
    pdf = render(pages, header=header, font=font, layout=PROSE_LAYOUT, fallbacks=fallbacks, title=f"{header} 文档")
    return Deposit(pdf, len(pages), len(all_pages), len(lines), [filename])


def manual_lines(data: bytes, filename: str) -> list[str]:
    if data.startswith(b"%PDF"):
        return _without_running_lines([page.splitlines() for page in pdf_pages_text(data)])
    if data[:4] == b"PK\x03\x04":
        return _docx_lines(data)
    if PurePosixPath(filename).suffix.lower() in TEXT_SUFFIXES:
        text = decode_source(data)
        if text is None:
            raise SoftcopyRefused("无法识别说明书的文字编码，请另存为 UTF-8 后重新上传。")
        return text.split("\n")
    raise SoftcopyRefused("说明书应为 PDF、Word（.docx）或 Markdown 文件。")


def _without_running_lines(pages: list[list[str]]) -> list[str]:
    """The PDF's lines without its running headers and footers: a first or last line that, with
    digits ignored, is the same on at least half of the pages (of three or more)."""
    pages = [[line for line in page if line.strip()] for page in pages]
    running: set[str] = set()
    if len(pages) >= 3:
        for edge in (0, -1):
            counts = Counter(_shape(page[edge]) for page in pages if page)
            running |= {shape for shape, count in counts.items() if count * 2 >= len(pages)}
    lines = []
    for page in pages:
        for index, line in enumerate(page):
            if index in (0, len(page) - 1) and _shape(line) in running:
                continue
            lines.append(line)
    return lines


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _docx_lines(data: bytes) -> list[str]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise SoftcopyRefused("无法读取这个 Word 文件：请上传 .docx 格式（旧的 .doc 请先另存为 .docx）。") from e
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append("  ".join(cell.text.replace("\n", " ").strip() for cell in row.cells))
        else:
            lines.extend(block.text.split("\n"))
    return lines
