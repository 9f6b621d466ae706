"""Lexicon files: parse and write the plain-text and CSV forms (no database).

Plain text has one term a line, optionally followed by a tab and a category and a tab and a
level (``term<TAB>category<TAB>level``). CSV has the columns ``term,category,level`` with an
optional header row. Blank lines and lines starting with ``#`` are skipped. Every broken line
is reported with its number; nothing is returned unless the whole file is good.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_CATEGORY = "未分类"
DEFAULT_LEVEL = 1
MAX_LEVEL = 5
MAX_TERM_LENGTH = 64


@dataclass(frozen=True)
class Term:
    text: str
    category: str = DEFAULT_CATEGORY
    level: int = DEFAULT_LEVEL


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}"


class LexiconError(ValueError):
    """The file has broken lines; ``errors`` lists every one of them."""

    def __init__(self, errors: list[LineError]):
        self.errors = errors
        shown = "；".join(str(e) for e in errors[:20])
        more = f"；另有 {len(errors) - 20} 处错误" if len(errors) > 20 else ""
        super().__init__(f"词库文件有 {len(errors)} 处错误：{shown}{more}")


def decode(data: bytes) -> str:
    """Lexicon files arrive as UTF-8 (with or without BOM) or GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LexiconError([LineError(1, "文件既不是 UTF-8 也不是 GB18030 编码")])


def _term_error(text: str) -> str | None:
    if not text.strip():
        return "词条为空"
    if text != text.strip():
        return "词条首尾不能有空白"
    if len(text) > MAX_TERM_LENGTH:
        return f"词条超过 {MAX_TERM_LENGTH} 个字符"
    if any(ch in "\r\n\t" for ch in text):
        return "词条中不能有换行或制表符"
    return None


def _row(line_no: int, cells: list[str], categories: set[str] | None, errors: list[LineError]) -> Term | None:
    if len(cells) > 3:
        errors.append(LineError(line_no, "列数过多（应为：词条、类别、级别）"))
        return None
    text = cells[0].strip()
    problem = _term_error(text)
    if problem:
        errors.append(LineError(line_no, problem))
        return None
    category = cells[1].strip() if len(cells) > 1 and cells[1].strip() else DEFAULT_CATEGORY
    if categories is not None and category not in categories:
        errors.append(LineError(line_no, f"未知类别“{category}”"))
        return None
    level = DEFAULT_LEVEL
    if len(cells) > 2 and cells[2].strip():
        raw = cells[2].strip()
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_LEVEL:
            errors.append(LineError(line_no, f"级别“{raw}”应为 1 到 {MAX_LEVEL} 的整数"))
            return None
        level = int(raw)
    return Term(text, category, level)


def _collect(rows: Iterable[tuple[int, list[str]]], categories: set[str] | None) -> list[Term]:
    errors: list[LineError] = []
    terms: dict[str, Term] = {}
    for line_no, cells in rows:
        term = _row(line_no, cells, categories, errors)
        if term is not None:
            terms[term.text] = term  # a later line for the same term wins
    if errors:
        raise LexiconError(errors)
    return list(terms.values())


def _skip(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def parse_text(text: str, *, categories: set[str] | None = None) -> list[Term]:
    """Parse ``term[<TAB>category[<TAB>level]]`` lines; ``categories`` limits the allowed names."""
    rows = ((n, line.rstrip("\r").split("\t")) for n, line in enumerate(text.split("\n"), 1) if not _skip(line))
    return _collect(rows, categories)


def parse_csv(text: str, *, categories: set[str] | None = None) -> list[Term]:
    """Parse ``term,category,level`` rows; a first row naming the columns is a header."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = []
    for cells in reader:
        n = reader.line_num
        if not cells or _skip(",".join(cells)):
            continue
        if n == 1 and cells[0].strip().lower() in ("term", "词条"):
            continue
        rows.append((n, cells))
    return _collect(rows, categories)


def parse_whitelist(text: str) -> list[str]:
    """One whitelisted term a line."""
    errors: list[LineError] = []
    terms: list[str] = []
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if _skip(line):
            continue
        problem = _term_error(line.strip()) or ("白名单每行只能有一个词条" if "\t" in line.strip() else None)
        if problem:
            errors.append(LineError(n, problem))
        else:
            terms.append(line.strip())
    if errors:
        raise LexiconError(errors)
    return list(dict.fromkeys(terms))


def dump_text(terms: Iterable[Term]) -> str:
    return "".join(f"{t.text}\t{t.category}\t{t.level}\n" for t in terms)


def dump_csv(terms: Iterable[Term]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term", "category", "level"])
    for t in terms:
        writer.writerow([t.text, t.category, t.level])
    return out.getvalue()
