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
