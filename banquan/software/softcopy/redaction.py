"""例外交存 (a): blacking out confidential lines, chosen by the applicant as file line ranges.

The applicant names places in their own files, which they know before any page exists:
``src/crypto.py:10-80`` (lines 10 to 80 of that file) or ``src/keys.py:7`` (one line). After
pagination, no deposited page may have more than half of its lines blacked out (the rule of
计算机软件著作权登记办法 Art. 12: covered parts at most 50 % of the deposited source).
"""

import re
from dataclasses import dataclass

from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.softcopy.pages import Page

MAX_REDACTED_SHARE = 0.5
_SPEC = re.compile(r"^(?P<path>.+):(?P<first>\d+)(?:-(?P<last>\d+))?$")


@dataclass(frozen=True)
class Redaction:
    path: str
    first_line: int
    last_line: int

    def covers(self, path: str, number: int) -> bool:
        return path == self.path and self.first_line <= number <= self.last_line


def parse_redaction(spec: str) -> Redaction:
    match = _SPEC.match(spec.strip())
    if not match:
        raise SoftcopyRefused(f"遮盖位置“{spec}”的格式不对，应写成 文件路径:起始行-结束行，例如 src/main.py:10-80。")
    first = int(match["first"])
    last = int(match["last"] or first)
    if first < 1 or last < first:
        raise SoftcopyRefused(f"遮盖位置“{spec}”的行号不对：起始行应不小于 1，且不大于结束行。")
    return Redaction(match["path"].strip().lstrip("./"), first, last)


def redact(pages: list[Page], redactions: list[Redaction]) -> list[Page]:
    """The pages with the chosen lines marked redacted; refuses a page over half covered."""
    by_path: dict[str, list[Redaction]] = {}
    for item in redactions:
        by_path.setdefault(item.path, []).append(item)
    result = []
    for number, page in enumerate(pages, 1):
        rows = tuple(
            row._replace(redacted=True) if any(r.covers(row.path, row.number) for r in by_path.get(row.path, ()))
            else row for row in page.rows)
        lines = sum(1 for row in rows if row.text)
        covered = sum(1 for row in rows if row.text and row.redacted)
        if lines and covered / lines > MAX_REDACTED_SHARE:
            raise SoftcopyRefused(f"第 {number} 页遮盖了 {covered} 行（共 {lines} 行），超过一半。每页遮盖的部分不得超过 50%，请缩小遮盖范围。")
        result.append(Page(rows, page.section))
    return result
