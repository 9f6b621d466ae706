"""Finding copies of registered programs in a new application: the index proposes the programs
sharing most fingerprints, the exact comparison (all fingerprints, with lines, boilerplate
ignored) decides and gives the side-by-side regions for the reviewer.

Thresholds: a candidate is reported when at least ``MIN_CONTAINMENT`` of either program is found
in the other — a fifth of the new program copied from one registration, or a fifth of a
registration inside the new program, with at least ``MIN_SHARED`` fingerprints in common (a
share of a handful means nothing: a data file of name lists has three distinct fingerprints) —
or when ``MIN_COPIED`` fingerprints lie in long matching
regions (``LONG_REGION`` distinct hashes or more, ten lines or so each): a few files lifted into a
large program are a small share of both but a long run of consecutive matches. Unrelated real
packages share under 10 % of their fingerprints, scattered short idioms that look alike once
names are placeholders (no region over 4); disguised copies share over 80 % (the tests).
"""

from collections.abc import Callable
from dataclasses import dataclass

from banquan.software.winnow.compare import Comparison, compare
from banquan.software.winnow.index import Candidate, FingerprintIndex
from banquan.software.winnow.program import ProgramPrint

MIN_CONTAINMENT = 0.2
MIN_SHARED = 20  # distinct fingerprints, about 200 normalised tokens or twenty lines
LONG_REGION = 8
MIN_COPIED = 20


@dataclass(frozen=True)
class Copy:
    candidate: Candidate
    comparison: Comparison  # A: the new application, B: the registered program

    @property
    def score(self) -> float:
        return max(self.comparison.containment_a, self.comparison.containment_b)

    @property
    def copied(self) -> int:
        """Fingerprints in long matching regions: the evidence of lifted files or functions."""
        return sum(r.fingerprints for r in self.comparison.regions if r.fingerprints >= LONG_REGION)


def find_copies(index: FingerprintIndex, program: ProgramPrint, load: Callable[[str], ProgramPrint],
                owner: str | None = None, candidates: int = 10,
                min_containment: float = MIN_CONTAINMENT) -> list[Copy]:
    """Registered programs of other owners that the new ``program`` largely matches, best first.
    ``load`` gives a registered program's fingerprints by id (kept with the registration)."""
    found = []
    for candidate in index.search(program, limit=candidates, exclude_owner=owner):
        comparison = compare(program, load(candidate.program_id), ignore=index.common)
        copy = Copy(candidate, comparison)
        enough = copy.score >= min_containment and comparison.shared >= MIN_SHARED
        if enough or copy.copied >= MIN_COPIED:
            found.append(copy)
    found.sort(key=lambda c: (-c.score, -c.copied))
    return found
