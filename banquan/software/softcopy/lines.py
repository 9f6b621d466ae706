"""The program's lines in deposit order, with blank and comment-only lines kept or dropped as the
office's setting says.

A comment-only line is one holding nothing but comments in the file's language: a line comment
(``#``, ``//``, ``--``), or lines inside or opening/closing a block comment (``/* */``,
``<!-- -->``). Strings are not parsed, so a ``/*`` inside a string literal can be taken for a
comment opening: an approximation that errs towards keeping lines (the code line itself is kept).
Python docstrings are string statements, not comments, and are kept.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from banquan.software.softcopy.languages import Language
from banquan.software.softcopy.selection import ProgramFile

TAB_WIDTH = 4
# Form feeds and other control characters print as nothing (or a missing-glyph box): drop them.
_CONTROLS = dict.fromkeys([*range(0, 9), *range(10, 32), 127])


@dataclass(frozen=True)
class LineOptions:
    keep_blank_lines: bool = False
    keep_comment_lines: bool = True


class ProgramLine(NamedTuple):  # a tuple: 100,000 of them are made per build, and tuples are cheap
    path: str
    number: int  # 1-based line number in the file
    text: str


def program_lines(files: list[ProgramFile], options: LineOptions = LineOptions()) -> Iterator[ProgramLine]:
    for file in files:
        in_block: str | None = None
        last = len(file.text.rstrip("\n").split("\n"))
        for number, raw in enumerate(file.text.split("\n"), 1):
            text = raw.rstrip().expandtabs(TAB_WIDTH)
            if not text.isprintable():  # rare: only then pay for the translation
                text = text.translate(_CONTROLS)
            if not options.keep_comment_lines:  # comment syntax is only followed when it matters
                comment_only, in_block = _comment_only(text, file.language, in_block)
                if comment_only and text.strip():
                    continue
            if not text.strip():
                if options.keep_blank_lines and number < last:
                    yield ProgramLine(file.path, number, "")
                continue
            yield ProgramLine(file.path, number, text)


def _comment_only(line: str, language: Language, in_block: str | None) -> tuple[bool, str | None]:
    """Whether ``line`` holds only comments, and the closing mark of a block comment still open
    at its end (None when none is)."""
    rest, code = line.strip(), False
    while rest:
        if in_block is not None:
            end = rest.find(in_block)
            if end < 0:
                return not code, in_block
            rest, in_block = rest[end + len(in_block):].lstrip(), None
            continue
        if rest.startswith(language.line_comments) and language.line_comments:
            break
        opened = _block_opening(rest, language)
        if opened is not None and opened[0] == 0:
            rest, in_block = rest[len(opened[1]):], opened[2]
            continue
        code = True
        if opened is None:
            break
        rest, in_block = rest[opened[0] + len(opened[1]):], opened[2]
    return not code, in_block


def _block_opening(text: str, language: Language) -> tuple[int, str, str] | None:
    found = [(text.find(start), start, end) for start, end in language.block_comments if start in text]
    return min(found) if found else None
