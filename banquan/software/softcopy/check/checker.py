"""Checking an uploaded deposit PDF: every problem in words the applicant understands.

``check_deposit`` returns a list of ``Problem`` (stable ``code``, Chinese ``message``, ``page``);
an empty list means the checker found nothing. Codes: ``empty_pdf``, ``too_many_pages``,
``wrong_page_count``, ``blank_page``, ``garbled_page``, ``too_few_lines``, ``header_missing``,
``header_name``, ``header_version``, ``page_number``, ``redaction_not_allowed``,
``redaction_too_much``, ``object_code_parts``, ``language_mismatch``, ``not_code``, ``sensitive_word``.
"""

import re

from banquan.screening.text import Screener
from banquan.software.softcopy.check.comments import comment_text
from banquan.software.softcopy.check.garble import garbled
from banquan.software.softcopy.check.pagetext import PageText, read_page
from banquan.software.softcopy.check.pdftext import pdf_pages_text
from banquan.software.softcopy.check.profiles import judge, likeliest
from banquan.software.softcopy.check.rules import (
    EXACT_PAGES,
    MAX_PAGES,
    MAX_REDACTED_SHARE,
    MIN_LINES,
    Problem,
    has_version,
    same_name,
)
from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.languages import language_named
from banquan.software.softcopy.objectcode import is_dump_line

KIND_WORDS = {"code": "源程序", "doc": "文档"}
# The form may name several languages: "C++、Python", "Java, Kotlin".
_LANGUAGE_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


def check_deposit(pdf: bytes, *, name: str, version: str, kind: str = "code", mode: str = "normal",
                  language: str | None = None, screener: Screener | None = None) -> list[Problem]:
    if kind not in MIN_LINES or mode not in MAX_PAGES:
        raise SoftcopyRefused(f"未知的材料种类“{kind}”或交存方式“{mode}”。")
    texts = pdf_pages_text(pdf)
    if not texts:
        return [Problem("empty_pdf", "PDF 文件中没有任何页面。")]
    pages = [read_page(text, name) for text in texts]
    problems = _page_count(len(pages), kind, mode)
    if mode == "object_code":
        problems += _object_code_parts(pages)
    ends = _part_ends(pages)
    for number, page in enumerate(pages, 1):
        problems += _page_problems(page, number, number in ends, name=name, version=version, kind=kind, mode=mode)
        if kind == "code" and page.body:
            problems += _code_problems(page, number, language, screener)
    return problems


def _part_ends(pages: list[PageText]) -> set[int]:
    """Pages that end a program (they may be short): the last page with content, and in an
    object-code deposit the last page of the hex dump. Blank pages after them do not count."""
    numbered = [(n, _looks_like_object_code(page.body)) for n, page in enumerate(pages, 1) if page.body]
    ends = {n for (n, dump), (_, next_dump) in zip(numbered, numbered[1:], strict=False) if dump != next_dump}
    return ends | ({numbered[-1][0]} if numbered else set())


def _page_count(count: int, kind: str, mode: str) -> list[Problem]:
    limit, what = MAX_PAGES[mode], KIND_WORDS[kind]
    if mode in EXACT_PAGES and count != limit:
        return [Problem("wrong_page_count", f"“前 10 页加连续 50 页”的例外交存应正好 {limit} 页，这份{what}有 {count} 页。")]
    if count > limit:
        advice = "前 30 页和后 30 页目标程序，加连续 20 页源程序" if mode == "object_code" else "前、后各连续 30 页"
        return [Problem("too_many_pages", f"这份{what}有 {count} 页，超过 {limit} 页：只需提交{advice}。")]
    return []


def _object_code_parts(pages: list[PageText]) -> list[Problem]:
    """Art. 12 (3): first and last 30 pages of object code *and* 20 consecutive pages of source."""
    dump = sum(1 for page in pages if page.body and _looks_like_object_code(page.body))
    source = sum(1 for page in pages if page.body and not _looks_like_object_code(page.body))
    problems = []
    if not dump or dump > 60:
        problems.append(Problem("object_code_parts", f"目标程序方式应有前、后各连续 30 页目标程序（不超过 60 页），"
                                                     f"这份材料有 {dump} 页目标程序。"))
    if not source or source > 20:
        problems.append(Problem("object_code_parts", f"目标程序方式还应附上任意连续 20 页源程序，这份材料有 {source} 页源程序。"))
    return problems


def _page_problems(page: PageText, number: int, ends_a_part: bool, *, name: str, version: str, kind: str,
                   mode: str) -> list[Problem]:
    if not page.header:
        return [Problem("blank_page", f"第 {number} 页是空白页，或只有图片没有可读取的文字（例如扫描件）。", number)]
    problems = []
    reason = garbled("\n".join([page.header, *page.body]))
    if reason:
        problems.append(Problem("garbled_page", f"第 {number} 页有乱码：{reason}。请检查文件的文字编码后重新生成。", number))
    problems += _header_problems(page, number, name, version)
    if not page.body and not page.redacted:
        problems.append(Problem("blank_page", f"第 {number} 页除页眉外没有内容。", number))
    elif not ends_a_part and page.line_count < MIN_LINES[kind]:
        problems.append(Problem("too_few_lines", f"第 {number} 页只有 {page.line_count} 行，{KIND_WORDS[kind]}每页不得少于 "
                                                 f"{MIN_LINES[kind]} 行（空行不计，最后一页除外）。", number))
    problems += _redaction_problems(page, number, mode)
    return problems


def _header_problems(page: PageText, number: int, name: str, version: str) -> list[Problem]:
    name_ok, version_ok = same_name(page.header, name), has_version(page.header, version)
    problems = []
    if not name_ok and not version_ok:
        problems.append(Problem("header_missing", f"第 {number} 页的页眉没有软件名称“{name}”和版本号“{version}”"
                                                  f"（读到的第一行是“{page.header[:40]}”）。", number))
    elif not name_ok:
        problems.append(Problem("header_name", f"第 {number} 页页眉中的软件名称与申请表不一致：页眉是“{page.header[:40]}”，"
                                               f"申请表是“{name}”。", number))
    elif not version_ok:
        problems.append(Problem("header_version", f"第 {number} 页页眉中的版本号与申请表的“{version}”不一致"
                                                  f"（页眉是“{page.header[:40]}”）。", number))
    if page.number != number:
        found = f"印的是第 {page.number} 页" if page.number is not None else "没有页码"
        problems.append(Problem("page_number", f"第 {number} 页{found}：页码应从 1 开始连续编号。", number))
    return problems


def _redaction_problems(page: PageText, number: int, mode: str) -> list[Problem]:
    if not page.redacted:
        return []
    if mode != "redacted":
        return [Problem("redaction_not_allowed", f"第 {number} 页有遮盖，只有选择“遮盖例外交存”时才可以遮盖源程序。", number)]
    if page.redacted / max(page.line_count, 1) > MAX_REDACTED_SHARE:
        return [Problem("redaction_too_much", f"第 {number} 页遮盖了 {page.redacted} 行（共 {page.line_count} 行），"
                                              f"超过一半：每页遮盖不得超过 50%。", number)]
    return []


def _code_problems(page: PageText, number: int, language: str | None, screener: Screener | None) -> list[Problem]:
    if _looks_like_object_code(page.body):
        return []  # a hex dump has no language and no comments
    problems = []
    declared = [lang.name for lang in map(language_named, _LANGUAGE_SEPARATORS.split(language or "")) if lang]
    if declared:
        verdict = judge(page.body, declared)
        if verdict and verdict[0] == "mismatch":
            problems.append(Problem("language_mismatch", f"第 {number} 页的代码看起来不像申报的 {'、'.join(declared)}，更像 "
                                                         f"{verdict[1]}。请确认上传的是本软件的源程序。", number))
        elif verdict:
            problems.append(Problem("not_code", f"第 {number} 页看起来不是源程序代码（像是说明文字）。", number))
    if screener is not None:
        likely = likeliest(page.body, declared)
        seen = set()
        for hit in screener.scan(comment_text(page.body, language_named(likely) if likely else None)):
            if hit.term not in seen:
                seen.add(hit.term)
                problems.append(Problem("sensitive_word", f"第 {number} 页的注释中有敏感词“{hit.matched}”"
                                                          f"（{hit.category}），请删除或修改后重新提交。", number))
    return problems


def _looks_like_object_code(lines: list[str]) -> bool:
    return sum(1 for line in lines if is_dump_line(line)) > len(lines) / 2
