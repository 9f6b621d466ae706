"""The matching regions of a copy finding as rows for the side-by-side page: the new
application's lines beside the registered program's, read from both uploaded trees (or from the
text of a ready-made program PDF), matched lines marked, a few lines of context around them."""

import logging
from dataclasses import dataclass

from banquan.applications.models import Application
from banquan.software import sources
from banquan.software.choices import MaterialKind
from banquan.software.models import CopyFinding
from banquan.software.softcopy.errors import SoftcopyRefused

log = logging.getLogger(__name__)
CONTEXT = 2  # lines shown before and after a matching region
MAX_LINES = 300  # per side of one region
MAX_REGIONS = 40  # on the page; the panel says how many there are


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    matched: bool


@dataclass(frozen=True)
class Side:
    path: str
    first: int
    last: int
    lines: list[Line]


@dataclass(frozen=True)
class Pair:
    new: Side
    registered: Side
    fingerprints: int

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.new, self.registered


def program_lines(app: Application) -> dict[str, list[str]] | None:
    """Path → lines of an application's program, or None when it cannot be read."""
    material = sources.ready_material(app, MaterialKind.PROGRAM)
    if material is None:
        return None
    try:
        return sources.file_lines(material)
    except (SoftcopyRefused, OSError, KeyError) as e:
        log.warning("program of application %s unreadable for the side-by-side page: %s", app.pk, e)
        return None


def _side(files: dict[str, list[str]] | None, path: str, first: int, last: int) -> Side:
    text = (files or {}).get(path, [])
    start, end = max(1, first - CONTEXT), min(len(text), last + CONTEXT, first + MAX_LINES - 1)
    return Side(path, first, last, [Line(n, text[n - 1], first <= n <= last) for n in range(start, end + 1)])


def pairs(finding: CopyFinding) -> tuple[list[Pair], bool, bool]:
    """The regions side by side, and whether each program could be read."""
    new = program_lines(finding.application)
    registered = program_lines(finding.registration.application)
    found = []
    for r in finding.regions[:MAX_REGIONS]:
        (a1, a2), (b1, b2) = r["a_lines"], r["b_lines"]
        found.append(Pair(_side(new, r["a_file"], a1, a2), _side(registered, r["b_file"], b1, b2), r["hashes"]))
    return found, new is not None, registered is not None
