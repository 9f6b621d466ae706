"""Laying lines out in pages, and choosing which pages make the deposit.

A long line wraps onto the next rows (each row is a printed line). A page is full when it holds
``lines_per_page`` non-blank rows or no more room: blank rows (kept by the office's setting) do
not count towards the minimum, as the office counts lines of code, not blank space, and are
kept only where the page still has room for its ``lines_per_page`` lines of code.
"""

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from banquan.software.softcopy.errors import SoftcopyRefused

FIRST_AND_LAST = 30  # pages from each end of the program in a normal deposit


class Row(NamedTuple):  # a tuple: one per printed line of the whole program, so cheap to make
    text: str
    path: str = ""  # the source line a row comes from (for redaction); empty for documents
    number: int = 0
    redacted: bool = False


@dataclass(frozen=True)
class Page:
    rows: tuple[Row, ...]
    section: str = ""  # printed beside the page number when a deposit has two parts (目标程序/源程序)


def code_width(char: str) -> float:
    """Width of a character in half-ems of a monospaced CJK font."""
    return 2.0 if unicodedata.east_asian_width(char) in "WF" else 1.0


def prose_width(char: str) -> float:
    """A generous width in half-ems for a proportional CJK font (Latin letters up to 0.6 em)."""
    return 2.0 if unicodedata.east_asian_width(char) in "WF" else 1.2


def wrap(text: str, columns: float, width: Callable[[str], float]) -> list[str]:
    if not text:
        return [""]
    rows, start, used = [], 0, 0.0
    for i, char in enumerate(text):
        w = width(char)
        if used + w > columns and i > start:
            rows.append(text[start:i])
            start, used = i, 0.0
        used += w
    rows.append(text[start:])
    return rows


def paginate(rows: Iterable[Row], lines_per_page: int, capacity: int) -> list[Page]:
    pages: list[Page] = []
    current: list[Row] = []
    counted = 0
    for row in rows:
        if not row.text and (not current or len(current) + 1 + lines_per_page - counted > capacity):
            continue  # a page never starts with a blank line, and blank lines never crowd out code
        current.append(row)
        counted += bool(row.text)
        if counted >= lines_per_page or len(current) >= capacity:
            pages.append(Page(tuple(current)))
            current, counted = [], 0
    if current and counted:
        pages.append(Page(tuple(current)))
    return pages


def first_and_last(pages: list[Page], each: int = FIRST_AND_LAST) -> list[Page]:
    """The first and last ``each`` pages, or every page of a program shorter than twice that."""
    return pages if len(pages) <= 2 * each else pages[:each] + pages[-each:]


def first_ten_and_fifty(pages: list[Page], start: int) -> list[Page]:
    """例外交存 (b): the first 10 pages and 50 consecutive pages from page ``start`` (1-based)."""
    if len(pages) <= 60:
        raise SoftcopyRefused(f"源程序只有 {len(pages)} 页（不超过 60 页），应提交全部源程序，不适用“前 10 页加任意 50 页”的例外交存。")
    if not 11 <= start <= len(pages) - 49:
        raise SoftcopyRefused(f"连续 50 页的起始页应在第 11 页到第 {len(pages) - 49} 页之间（源程序共 {len(pages)} 页）。")
    return pages[:10] + pages[start - 1:start + 49]


def consecutive(pages: list[Page], start: int, count: int) -> list[Page]:
    """``count`` consecutive pages from page ``start`` (1-based), or all when there are fewer."""
    if len(pages) <= count:
        return pages
    if not 1 <= start <= len(pages) - count + 1:
        raise SoftcopyRefused(f"连续 {count} 页的起始页应在第 1 页到第 {len(pages) - count + 1} 页之间（源程序共 {len(pages)} 页）。")
    return pages[start - 1:start - 1 + count]
