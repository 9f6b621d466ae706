"""例外交存: redaction, first 10 + any 50 pages, object code."""

import io

import pypdf
import pytest

from banquan.software.softcopy import (
    ProgramOptions,
    SoftcopyRefused,
    build_program_material,
    parse_redaction,
    read_folder,
)
from banquan.software.softcopy.build import choose_source_lines, code_pages
from banquan.software.softcopy.check import check_deposit
from banquan.software.softcopy.objectcode import build_object_code_material, dump_lines, is_dump_line
from banquan.software.softcopy.redaction import Redaction
from banquan.software.softcopy.tests.conftest import SITE_PACKAGES, pages_of, real_tree
from banquan.software.softcopy.upload import SourceFile

NAME, VERSION = "SQL格式化软件", "V1.0"


@pytest.fixture(scope="module")
def sqlparse_files():
    return read_folder(real_tree("sqlparse"))


def _program_pages(files):
    _, lines = choose_source_lines(files, ProgramOptions().lines)
    return code_pages(lines, 50)


def test_redaction_spec_form():
    assert parse_redaction("src/crypto.py:10-80") == Redaction("src/crypto.py", 10, 80)
    assert parse_redaction("./keys.py:7") == Redaction("keys.py", 7, 7)
    for bad in ("crypto.py", "crypto.py:0-3", "crypto.py:9-3", "crypto.py:a-b"):
        with pytest.raises(SoftcopyRefused):
            parse_redaction(bad)


def test_redacted_lines_are_not_in_the_pdf_and_bands_say_how_many(font, sqlparse_files):
    secret = "cli.py:30-50"  # cli.py comes third: its lines are on the first deposited pages
    options = ProgramOptions(mode="redacted", redactions=(parse_redaction(secret),))
    deposit = build_program_material(sqlparse_files, name=NAME, version=VERSION, font=font, options=options)
    cli_lines = (real_tree("sqlparse") / "cli.py").read_text().splitlines()
    whole = "\n".join(cli_lines)
    hidden = [line.strip() for line in cli_lines[29:50] if len(line.strip()) > 12 and whole.count(line.strip()) == 1]
    text = "\n".join(line for page in pages_of(deposit.pdf) for line in page.body)
    assert hidden and not any(line in text for line in hidden)
    redacted = [page for page in pages_of(deposit.pdf) if page.redacted]
    assert redacted and sum(page.redacted for page in redacted) == sum(1 for ln in cli_lines[29:50] if ln.strip())
    assert check_deposit(deposit.pdf, name=NAME, version=VERSION, mode="redacted", language="Python") == []


def test_more_than_half_a_page_redacted_is_refused(font, sqlparse_files):
    options = ProgramOptions(mode="redacted", redactions=(Redaction("__main__.py", 1, 10_000),
                                                          Redaction("__init__.py", 1, 10_000)))
    with pytest.raises(SoftcopyRefused, match="第 1 页.*超过一半"):
        build_program_material(sqlparse_files, name=NAME, version=VERSION, font=font, options=options)


def test_first_ten_and_any_fifty(font, sqlparse_files):
    program = _program_pages(sqlparse_files)
    start = len(program) - 55
    options = ProgramOptions(mode="first10_any50", start_page=start)
    deposit = build_program_material(sqlparse_files, name=NAME, version=VERSION, font=font, options=options)
    pages = pages_of(deposit.pdf)
    assert len(pages) == 60
    assert pages[9].body[0] == program[9].rows[0].text.rstrip()
    assert pages[10].body[0] == program[start - 1].rows[0].text.rstrip()
    assert pages[59].body[0] == program[start + 48].rows[0].text.rstrip()
    assert check_deposit(deposit.pdf, name=NAME, version=VERSION, mode="first10_any50", language="Python") == []
    with pytest.raises(SoftcopyRefused, match="起始页"):
        build_program_material(sqlparse_files, name=NAME, version=VERSION, font=font,
                               options=ProgramOptions(mode="first10_any50", start_page=5))


def test_first_ten_and_any_fifty_is_for_long_programs_only(font):
    short = [SourceFile("main.py", b"x = 1\n" * 500)]
    with pytest.raises(SoftcopyRefused, match="应提交全部源程序"):
        build_program_material(short, name=NAME, version=VERSION, font=font,
                               options=ProgramOptions(mode="first10_any50", start_page=11))


def test_hex_dump_lines():
    assert dump_lines(b"\x7fELF\x02\x01" + bytes(range(65, 80))) == [
        "00000000  7f 45 4c 46 02 01 41 42 43 44 45 46 47 48 49 4a  |.ELF..ABCDEFGHIJ|",
        "00000010  4b 4c 4d 4e 4f                                   |KLMNO|",
    ]
    assert all(is_dump_line(line) for line in dump_lines(bytes(range(256))))
    assert is_dump_line("00000010: 4b4c 4d4e 4f50 5152  KLMNOPQR")  # xxd
    assert is_dump_line("  401000:\t55                   \tpush   %rbp")  # objdump -d
    assert is_dump_line("  401001:\t48 89 e5             \tmov    %rsp,%rbp")
    assert not any(is_dump_line(line) for line in ("    def f(x):", "int a[] = {0x12, 0x34};", "2024 年 1 月"))


def test_object_code_first_and_last_30_pages_plus_20_source_pages(font, sqlparse_files):
    binary = (SITE_PACKAGES / "ahocorasick.cpython-311-x86_64-linux-gnu.so").read_bytes()
    deposit = build_object_code_material(binary, sqlparse_files, name=NAME, version=VERSION, font=font,
                                         source_start_page=3)
    pages = pages_of(deposit.pdf)
    assert len(pages) == 80
    assert all("目标程序" in page.header for page in pages[:60])
    assert all("源程序" in page.header and "目标" not in page.header for page in pages[60:])
    assert pages[0].body[0].startswith("00000000  7f 45 4c 46")
    last_offset = (len(binary) - 1) // 16 * 16
    assert pages[59].body[-1].startswith(f"{last_offset:08x}")
    assert pages[60].body[0] == _program_pages(sqlparse_files)[2].rows[0].text.rstrip()
    assert check_deposit(deposit.pdf, name=NAME, version=VERSION, mode="object_code", language="Python") == []
    assert {p.code for p in check_deposit(deposit.pdf, name=NAME, version=VERSION)} == {"too_many_pages"}


def test_object_code_deposit_without_source_pages(font, sqlparse_files):
    binary = (SITE_PACKAGES / "ahocorasick.cpython-311-x86_64-linux-gnu.so").read_bytes()
    deposit = build_object_code_material(binary, sqlparse_files, name=NAME, version=VERSION, font=font)
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(deposit.pdf))
    for index in range(79, 59, -1):
        writer.remove_page(index)
    out = io.BytesIO()
    writer.write(out)
    problems = check_deposit(out.getvalue(), name=NAME, version=VERSION, mode="object_code")
    assert [(p.code, p.page) for p in problems] == [("object_code_parts", None)]
    assert "0 页源程序" in problems[0].message
