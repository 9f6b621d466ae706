"""What the checker reads on a page: the header line, the page number, the body lines, and the
lines hidden under redaction bands.

The header is the first non-blank line, or a line near the top or bottom holding the software name. The page number is "第 N 页" in the header or the last
line, or a bare number alone on the first or last line, or at the end of the header.
"""

import re
from dataclasses import dataclass

_CHINESE_NUMBER = re.compile(r"第\s*(\d+)\s*页")
_BARE_NUMBER = re.compile(r"^\s*-?\s*(\d+)\s*-?\s*$")
_TRAILING_NUMBER = re.compile(r"\s(\d+)\s*$")
_REDACTION = re.compile(r"（已遮盖\s*(\d+)\s*行）")


@dataclass(frozen=True)
class PageText:
    header: str
    number: int | None
    body: list[str]  # non-blank lines below the header, without a page-number footer
    redacted: int  # lines hidden under redaction bands

    @property
    def line_count(self) -> int:
        return len(self.body) + self.redacted - sum(1 for line in self.body if _REDACTION.search(line))


def read_page(text: str, name: str = "") -> PageText:
    """``name`` (the software name on the form) helps find a header that the PDF's producer wrote
    after the body (text extraction follows drawing order): a line near the top or bottom holding
    it is the header; otherwise the first line is."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if not lines:
        return PageText("", None, [], 0)
    at = _header_index(lines, name)
    header, body = lines[at], lines[:at] + lines[at + 1:]
    number = _number_in(header, first=True)
    # A footer page number only when the header has none: "    1" can be the last line of code.
    if body and number is None and (_BARE_NUMBER.match(body[-1]) or _CHINESE_NUMBER.fullmatch(body[-1].strip())):
        number = _number_in(body.pop(), first=False)
    redacted = sum(int(m.group(1)) for line in body for m in _REDACTION.finditer(line))
    return PageText(header, number, body, redacted)


def _header_index(lines: list[str], name: str) -> int:
    wanted = "".join(name.split())
    if wanted:
        for index in (0, 1, len(lines) - 1, len(lines) - 2):
            if 0 <= index < len(lines) and wanted in "".join(lines[index].split()):
                return index
    return 0


def _number_in(line: str, first: bool) -> int | None:
    for pattern in (_CHINESE_NUMBER, _BARE_NUMBER) + ((_TRAILING_NUMBER,) if first else ()):
        found = pattern.search(line)
        if found:
            return int(found.group(1))
    return None
