"""The documentation material from a manual in DOCX, Markdown or PDF."""

import io

import docx
import pytest

from banquan.software.fonts import prose_fonts
from banquan.software.softcopy import SoftcopyRefused
from banquan.software.softcopy.check import check_deposit
from banquan.software.softcopy.documents import build_documentation_material
from banquan.software.softcopy.tests.conftest import pages_of, real_tree

NAME, VERSION = "智能排课系统", "V2.1"


@pytest.fixture(scope="module")
def prose():
    return prose_fonts()


def _build(data: bytes, filename: str, prose):
    font, fallbacks = prose
    return build_documentation_material(data, filename, name=NAME, version=VERSION, font=font, fallbacks=fallbacks)


def _manual_docx(chapters: int) -> bytes:
    document = docx.Document()
    for n in range(1, chapters + 1):
        document.add_heading(f"第{n}章 课程管理", level=1)
        for k in range(12):
            document.add_paragraph(f"{n}.{k} 管理员在“课程”页面新建课程，填写课程名称、学时和任课教师，然后点击保存。")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "字段", "说明"
        table.cell(1, 0).text, table.cell(1, 1).text = "学时", f"第{n}章的课程学时"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_manual_in_document_order_at_least_30_lines_a_page(prose):
    deposit = _build(_manual_docx(200), "manual.docx", prose)
    pages = pages_of(deposit.pdf)
    assert deposit.program_pages > 60 and len(pages) == 60
    assert pages[0].body[:2] == ["第1章 课程管理", "1.0 管理员在“课程”页面新建课程，填写课程名称、学时和任课教师，然后点击保存。"]
    assert "学时 第200章的课程学时" in " ".join(pages[-1].body[-1].split())
    assert all(page.line_count >= 30 for page in pages[:-1])
    assert check_deposit(deposit.pdf, name=NAME, version=VERSION, kind="doc") == []


def test_markdown_manual_from_a_real_package(prose):
    readme = real_tree("playwright/driver/package/lib/tools/skills/playwright-cli/SKILL.md").read_bytes()
    deposit = _build(readme, "SKILL.md", prose)
    pages = pages_of(deposit.pdf)
    assert deposit.pages == deposit.program_pages == len(pages)
    first = next(line for line in readme.decode().splitlines() if line.strip())
    assert pages[0].body[0] == first.rstrip()
    assert check_deposit(deposit.pdf, name=NAME, version=VERSION, kind="doc") == []


def test_pdf_manual_is_read_through_its_text(prose):
    source = _build(_manual_docx(10), "manual.docx", prose).pdf
    again = _build(source, "manual.pdf", prose)
    body = [line for page in pages_of(again.pdf) for line in page.body]
    assert "第2章 课程管理" in body
    assert not any(NAME in line for line in body)  # the source PDF's running headers are left out


def test_unreadable_manuals_are_refused(prose):
    with pytest.raises(SoftcopyRefused, match="PDF、Word"):
        _build(b"\xd0\xcf\x11\xe0 old word", "manual.doc", prose)
    with pytest.raises(SoftcopyRefused, match="Word"):
        _build(b"PK\x03\x04 broken", "manual.docx", prose)
