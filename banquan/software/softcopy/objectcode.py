"""例外交存 (c): object code. 计算机软件著作权登记办法 Art. 12 (3) accepts "the first and last 30
consecutive pages of the object program, plus any 20 consecutive pages of the source program".

Object code is printed the way an examiner can read it on paper: a hex dump, 16 bytes a line
(offset, bytes in hex, the bytes as ASCII), 50 lines a page. Pages of the dump carry "目标程序"
beside the page number, the source pages "源程序"; numbering runs on through both parts.
"""

import re

from banquan.software.softcopy.build import (
    MIN_CODE_LINES,
    Deposit,
    choose_source_lines,
    code_pages,
    deposit_header,
)
from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.lines import LineOptions
from banquan.software.softcopy.pages import Page, Row, consecutive, first_and_last, paginate
from banquan.software.softcopy.render import CODE_LAYOUT, FontFile, render
from banquan.software.softcopy.upload import SourceFile

BYTES_PER_LINE = 16
SOURCE_PAGES = 20
# Our dump and hexdump -C ("00000010  4b 4c …"), xxd ("00000010: 4b4c 4d4e …"), objdump -d
# ("  401000:\t55  push %rbp"): an address, then groups of hex bytes (two at least without a colon).
_DUMP_LINE = re.compile(r"^\s*[0-9a-fA-F]{4,16}(:\s+([0-9a-fA-F]{2,4}\s+)+|\s+([0-9a-fA-F]{2}\s+){2,})")


def dump_lines(binary: bytes) -> list[str]:
    lines = []
    for offset in range(0, len(binary), BYTES_PER_LINE):
        chunk = binary[offset:offset + BYTES_PER_LINE]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{offset:08x}  {hexes:<47}  |{text}|")
    return lines


def is_dump_line(line: str) -> bool:
    return _DUMP_LINE.match(line) is not None


def build_object_code_material(binary: bytes, files: list[SourceFile], *, name: str, version: str,
                               font: FontFile, fallbacks: tuple[FontFile, ...] = (), source_start_page: int = 1,
                               lines: LineOptions | None = None) -> Deposit:
    header = deposit_header(name, version)
    if not binary:
        raise SoftcopyRefused("目标程序文件是空的。")
    rows = (Row(line) for line in dump_lines(binary))
    object_pages = first_and_last(paginate(rows, MIN_CODE_LINES, CODE_LAYOUT.capacity))
    selection, program = choose_source_lines(files, lines or LineOptions())
    all_source = code_pages(program, MIN_CODE_LINES)
    source_pages = consecutive(all_source, source_start_page, SOURCE_PAGES)
    pages = [Page(p.rows, "目标程序") for p in object_pages] + [Page(p.rows, "源程序") for p in source_pages]
    pdf = render(pages, header=header, font=font, layout=CODE_LAYOUT, fallbacks=fallbacks,
                 title=f"{header} 目标程序和源程序")
    return Deposit(pdf, len(pages), len(all_source), len(program), [f.path for f in selection.files],
                   selection.left_out)
