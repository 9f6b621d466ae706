"""The checker finds each problem in a PDF built to break one rule, and nothing in good ones."""

import io

import pypdf
import pytest

from banquan.screening.text import Screener, Term
from banquan.software.softcopy import ProgramOptions, build_program_material, parse_redaction
from banquan.software.softcopy.build import code_pages
from banquan.software.softcopy.check import check_deposit
from banquan.software.softcopy.lines import program_lines
from banquan.software.softcopy.pages import Page, Row, paginate
from banquan.software.softcopy.render import CODE_LAYOUT, render
from banquan.software.softcopy.selection import select_program_files
from banquan.software.softcopy.tests.conftest import python_lines, real_tree
from banquan.software.softcopy.upload import SourceFile, read_folder

NAME, VERSION = "智能排课系统", "V1.0"


def _pages(source: str, path: str = "main.py", lines_per_page: int = 50) -> list[Page]:
    selection = select_program_files([SourceFile(path, source.encode())])
    return code_pages(program_lines(selection.files), lines_per_page)


def _pdf(pages: list[Page], font, header: str = f"{NAME} {VERSION}") -> bytes:
    return render(pages, header=header, font=font, layout=CODE_LAYOUT, title="test")


def _codes(problems) -> set[tuple[str, int | None]]:
    return {(p.code, p.page) for p in problems}


def _check(pdf: bytes, **kwargs):
    return check_deposit(pdf, **{"name": NAME, "version": VERSION, "language": "Python", **kwargs})


def test_a_good_deposit_has_no_problems(font):
    assert _check(_pdf(_pages(python_lines(1000)), font)) == []


def test_more_than_60_pages(font):
    pages = _pages(python_lines(3100))
    assert len(pages) > 60
    assert _codes(_check(_pdf(pages, font))) == {("too_many_pages", None)}


def test_too_few_lines_on_a_page(font):
    pages = _pages(python_lines(400))
    rows = [row for page in pages for row in page.rows]
    short = paginate(rows[:45], 45, 60) + paginate(rows[45:], 50, 60)
    problems = _check(_pdf(short, font))
    assert _codes(problems) == {("too_few_lines", 1)}
    assert "只有 45 行" in problems[0].message


def test_last_page_may_be_short(font):
    pages = _pages(python_lines(420))
    assert len(pages[-1].rows) < 50
    assert _check(_pdf(pages, font)) == []


@pytest.mark.parametrize(("header", "code"), [
    (f"智能排课软件 {VERSION}", "header_name"),
    (f"{NAME} V2.0", "header_version"),
    ("", "header_missing"),
])
def test_header_different_from_the_form(font, header, code):
    pages = _pages(python_lines(200))
    problems = _check(_pdf(pages, font, header=header))
    assert {p.code for p in problems} == {code}
    assert {p.page for p in problems} == set(range(1, len(pages) + 1))


def test_version_written_without_v_is_the_same_version(font):
    assert _check(_pdf(_pages(python_lines(200)), font, header=f"{NAME} 1.0")) == []


def test_page_numbers_must_run_from_one(font):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf(_pages(python_lines(400)), font)))
    writer.remove_page(1)
    out = io.BytesIO()
    writer.write(out)
    problems = _check(out.getvalue())
    assert ("page_number", 2) in _codes(problems) and ("page_number", 1) not in _codes(problems)
    assert "印的是第 3 页" in next(p.message for p in problems if p.page == 2)


def test_blank_pages(font):
    pages = _pages(python_lines(400))
    pages[3] = Page(())
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf(pages, font)))
    writer.add_blank_page()
    out = io.BytesIO()
    writer.write(out)
    assert _codes(_check(out.getvalue())) == {("blank_page", 4), ("blank_page", len(pages) + 1)}


@pytest.mark.parametrize("garbage", ["锟斤拷锟斤拷", "s = 'cafÃ© Ã© â€™ Ã¨'"])
def test_garbled_page(font, garbage):
    pages = _pages(python_lines(400))
    rows = list(pages[2].rows)
    rows[10] = Row(garbage)
    pages[2] = Page(tuple(rows))
    assert _codes(_check(_pdf(pages, font))) == {("garbled_page", 3)}


def test_code_in_another_language_than_declared(font):
    pdf = build_program_material(read_folder(real_tree("sqlparse")), name=NAME, version=VERSION, font=font).pdf
    problems = check_deposit(pdf, name=NAME, version=VERSION, language="Java")
    mismatched = [p for p in problems if p.code == "language_mismatch"]
    assert {p.code for p in problems} == {"language_mismatch"}
    assert len(mismatched) > 30 and "更像 Python" in mismatched[0].message


def test_c_declared_for_javascript(font):
    pdf = build_program_material(read_folder(real_tree("django/contrib/admin/static/admin/js")), name=NAME,
                                 version=VERSION, font=font).pdf
    problems = check_deposit(pdf, name=NAME, version=VERSION, language="Python")
    assert problems and {p.code for p in problems} == {"language_mismatch"}


def test_prose_is_not_code(font):
    prose = "\n".join(f"第{i}条 用户登录后可以在首页查看本周的课程安排并导出为表格" for i in range(120))
    pages = _pages(prose, path="notes.py")
    assert {p.code for p in _check(_pdf(pages, font))} == {"not_code"}


def test_sensitive_words_in_comments_not_in_code(font):
    screener = Screener.build([Term("赌博网站", "违法广告", 3)])
    source = python_lines(200) + "# 这里接入赌博网站的接口\nLABEL = '赌博网站'\n" + python_lines(200)
    pages = _pages(source)
    page = next(n for n, p in enumerate(pages, 1) if any("赌博网站的接口" in row.text for row in p.rows))
    problems = _check(_pdf(pages, font), screener=screener)
    assert _codes(problems) == {("sensitive_word", page)}
    assert "赌博网站" in problems[0].message and "违法广告" in problems[0].message
    assert _check(_pdf(_pages(source.replace("# 这里", "x = 1  # 这里", 1)), font), screener=screener)


def test_redaction_only_in_the_redaction_mode(font):
    files = [SourceFile("main.py", python_lines(400).encode())]
    options = ProgramOptions(mode="redacted", redactions=(parse_redaction("main.py:20-40"),))
    pdf = build_program_material(files, name=NAME, version=VERSION, font=font, options=options).pdf
    assert _check(pdf, mode="redacted") == []
    assert _codes(_check(pdf, mode="normal")) == {("redaction_not_allowed", 1)}


def test_more_than_half_redacted(font):
    pages = _pages(python_lines(400))
    pages[1] = Page(tuple(row._replace(redacted=i < 30) for i, row in enumerate(pages[1].rows)))
    assert _codes(_check(_pdf(pages, font), mode="redacted")) == {("redaction_too_much", 2)}


def test_first10_any50_needs_exactly_60_pages(font):
    pages = _pages(python_lines(2950))
    assert len(pages) == 59
    assert _codes(_check(_pdf(pages, font), mode="first10_any50")) == {("wrong_page_count", None)}


def test_pdf_without_pages():
    out = io.BytesIO()
    pypdf.PdfWriter().write(out)
    assert _codes(_check(out.getvalue())) == {("empty_pdf", None)}


@pytest.mark.parametrize(("text", "garbled"), [
    ("print('\ufffd\ufffd')", True), ("鍙傛暟锟斤拷", True), ("cafÃ© Ã¨ â€™", True), ("\x01\x02\x03 abc", True),
    ("print('你好，世界')", False), ("café naïve", False), ("// ©2024 Ünïcode", False),
])
def test_garbled_text(text, garbled):
    from banquan.software.softcopy.check.garble import garbled as find

    assert (find(text) is not None) == garbled


def test_a_conventional_layout_from_another_tool_is_read(font):
    """Header drawn by FPDF.header, code flowed with multi_cell, the page number as "- N -" in a footer."""
    from fpdf import FPDF

    class Listing(FPDF):
        def header(self):
            self.set_font("f", "", 9)
            self.cell(0, 6, f"{NAME}  {VERSION}", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-12)
            self.set_font("f", "", 9)
            self.cell(0, 6, f"- {self.page_no()} -", align="C")

    pdf = Listing(format="A4")
    pdf.add_font("f", "", font.path, collection_font_number=font.index)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("f", "", 8)
    for line in python_lines(800).splitlines():
        if line:
            pdf.multi_cell(0, 4.2, line, new_x="LMARGIN", new_y="NEXT")
    assert _check(bytes(pdf.output())) == []


def test_several_declared_languages(font):
    pdf = build_program_material(read_folder(real_tree("greenlet")), name=NAME, version=VERSION, font=font).pdf
    only_cpp = check_deposit(pdf, name=NAME, version=VERSION, language="C++")
    assert {p.code for p in only_cpp} == {"language_mismatch"} and "更像 Python" in only_cpp[-1].message
    assert check_deposit(pdf, name=NAME, version=VERSION, language="C++、Python") == []


def test_header_drawn_after_the_body_is_still_found(font):
    """Some producers draw the running header last, so text extraction puts it at the bottom."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("f", "", font.path, collection_font_number=font.index)
    lines = [line for line in python_lines(300).splitlines() if line]
    for number, start in enumerate(range(0, len(lines), 55), 1):
        pdf.add_page()
        pdf.set_font("f", "", 8)
        for row, line in enumerate(lines[start:start + 55]):
            pdf.text(15, 25 + row * 4.4, line)
        pdf.set_font("f", "", 9)
        pdf.text(15, 12, f"{NAME} {VERSION}")
        pdf.text(170, 12, f"第 {number} 页")
    assert _check(bytes(pdf.output())) == []


def test_a_number_alone_on_the_last_line_is_code_when_the_header_has_the_page_number(font):
    source = "\n".join(f"VALUES_{i} = (" if i % 2 == 0 else "    1" for i in range(100)) + "\n"
    pages = _pages(source.replace("(", "[").replace("    1", "    1,"), lines_per_page=50)
    rows = [Row(f"x_{i} = [") for i in range(49)] + [Row("    1")]
    pdf = _pdf([Page(tuple(rows)), *pages], font)
    assert _check(pdf, language=None) == []


def test_a_long_list_of_names_is_not_prose(font):
    source = "from numpy import (\n" + "".join(f"    name_number{i},\n" for i in range(300)).replace("_", "") + ")\n"
    assert _check(_pdf(_pages(source), font)) == []


def test_pages_are_summarised_as_ranges():
    from banquan.software.softcopy.check.rules import Problem, page_ranges, summarise

    assert page_ranges([7, 1, 2, 3, 3]) == "1–3、7"
    assert page_ranges([]) == ""
    found = [Problem("lines_per_page", "…", 2), Problem("lines_per_page", "…", 3), Problem("page_count", "…")]
    assert summarise(found) == [{"code": "lines_per_page", "count": 2, "pages": "2–3"},
                                {"code": "page_count", "count": 1, "pages": ""}]
