"""The deposit rules the checker applies, per kind of material and deposit mode."""

import re
from dataclasses import dataclass

MIN_LINES = {"code": 50, "doc": 30}
# The most pages each mode may have, and whether it must have exactly that many.
MAX_PAGES = {"normal": 60, "redacted": 60, "first10_any50": 60, "object_code": 80}
EXACT_PAGES = {"first10_any50"}
MAX_REDACTED_SHARE = 0.5


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    page: int | None = None

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "page": self.page}


def same_name(header: str, name: str) -> bool:
    return _squash(name) in _squash(header)


def has_version(header: str, version: str) -> bool:
    bare = re.sub(r"^[vV]\s*", "", version.strip())
    return re.search(rf"(?<![\w.])[vV]?\s*{re.escape(bare)}(?![\w.])", header) is not None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def summarise(problems: list[Problem]) -> list[dict]:
    """One line per kind of problem with the pages it is on ("第 1–30、41 页"), for an applicant
    who made one mistake on every page and should not read it sixty times."""
    pages: dict[str, list[int]] = {}
    for p in problems:
        pages.setdefault(p.code, [])
        if p.page is not None:
            pages[p.code].append(p.page)
    return [{"code": code, "count": sum(1 for p in problems if p.code == code), "pages": page_ranges(found)}
            for code, found in pages.items()]


def page_ranges(pages: list[int]) -> str:
    """Sorted page numbers as ranges: [1, 2, 3, 7] → "1–3、7"; empty for problems of the whole file."""
    runs: list[list[int]] = []
    for n in sorted(set(pages)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return "、".join(f"{a}–{b}" if a != b else str(a) for a, b in runs)
