"""Building the program identification material (源程序鉴别材料) as a PDF.

Modes (计算机软件著作权登记办法 Art. 12):
- ``normal``: the first and last 30 pages, or the whole program when it has 60 pages or fewer;
- ``redacted`` (例外交存 a): as normal, with the applicant's confidential lines blacked out;
- ``first10_any50`` (例外交存 b): the first 10 pages and 50 consecutive pages from ``start_page``;
object code (例外交存 c) is in ``objectcode.py``.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.lines import LineOptions, ProgramLine, program_lines
from banquan.software.softcopy.pages import (
    Page,
    Row,
    code_width,
    first_and_last,
    first_ten_and_fifty,
    paginate,
    wrap,
)
from banquan.software.softcopy.redaction import Redaction, redact
from banquan.software.softcopy.render import CODE_LAYOUT, FontFile, Layout, render
from banquan.software.softcopy.selection import LeftOut, Selection, select_program_files
from banquan.software.softcopy.upload import SourceFile

MIN_CODE_LINES = 50
MODES = ("normal", "redacted", "first10_any50")


@dataclass(frozen=True)
class ProgramOptions:
    lines: LineOptions = LineOptions()
    lines_per_page: int = MIN_CODE_LINES
    mode: str = "normal"
    start_page: int = 0  # first of the 50 consecutive pages in first10_any50
    redactions: tuple[Redaction, ...] = ()


@dataclass
class Deposit:
    pdf: bytes
    pages: int  # pages in the PDF
    program_pages: int  # pages the whole program would take
    program_lines: int  # lines of the whole program after the line rules
    files: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def summary(self) -> dict:
        return {"pages": self.pages, "program_pages": self.program_pages, "program_lines": self.program_lines,
                "files": self.files, "left_out": [vars(item) for item in self.left_out]}


def build_program_material(files: list[SourceFile], *, name: str, version: str, font: FontFile,
                           fallbacks: tuple[FontFile, ...] = (),
                           options: ProgramOptions = ProgramOptions()) -> Deposit:
    header = deposit_header(name, version)
    if options.mode not in MODES:
        raise SoftcopyRefused(f"未知的交存方式“{options.mode}”。")
    if not MIN_CODE_LINES <= options.lines_per_page <= CODE_LAYOUT.capacity:
        raise SoftcopyRefused(f"源程序每页应为 {MIN_CODE_LINES} 到 {CODE_LAYOUT.capacity} 行。")
    selection, lines = choose_source_lines(files, options.lines)
    all_pages = code_pages(lines, options.lines_per_page)
    pages = choose_pages(all_pages, options)
    pdf = render(pages, header=header, font=font, layout=CODE_LAYOUT, fallbacks=fallbacks,
                 title=f"{header} 源程序")
    return Deposit(pdf, len(pages), len(all_pages), len(lines), [f.path for f in selection.files],
                   selection.left_out)


def choose_source_lines(files: list[SourceFile], options: LineOptions) -> tuple[Selection, list[ProgramLine]]:
    selection = select_program_files(files)
    if not selection.files:
        raise SoftcopyRefused("上传的文件中没有可识别的源程序（第三方库、生成的代码和二进制文件已排除）。")
    return selection, list(program_lines(selection.files, options))


def deposit_header(name: str, version: str) -> str:
    name, version = " ".join(name.split()), " ".join(version.split())
    if not name or not version:
        raise SoftcopyRefused("请填写软件全称和版本号：每页页眉都要印上，且须与申请表一致。")
    return f"{name} {version}"


def code_pages(lines: Iterable[ProgramLine], lines_per_page: int, layout: Layout = CODE_LAYOUT) -> list[Page]:
    return paginate(_rows(lines, layout.columns), lines_per_page, layout.capacity)


def choose_pages(pages: list[Page], options: ProgramOptions) -> list[Page]:
    if options.mode == "first10_any50":
        return first_ten_and_fifty(pages, options.start_page)
    chosen = first_and_last(pages)
    if options.mode == "redacted":
        if not options.redactions:
            raise SoftcopyRefused("选择了遮盖方式的例外交存，但没有指定要遮盖的位置。")
        return redact(chosen, list(options.redactions))
    return chosen


def _rows(lines: Iterable[ProgramLine], columns: float) -> Iterator[Row]:
    for line in lines:
        text = line.text
        if len(text) * 2 <= columns or (len(text) <= columns and text.isascii()):
            yield Row(text, line.path, line.number)  # the common case: no need to measure
        else:
            for part in wrap(text, columns, code_width):
                yield Row(part, line.path, line.number)
