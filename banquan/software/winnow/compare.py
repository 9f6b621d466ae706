"""Comparing two programs: shared fingerprints, containment both ways, and the matching regions
as side-by-side line ranges (file A lines a–b ↔ file B lines c–d).

Containment counts distinct hashes: the share of A's fingerprints found in B says how much of A
is in B, whatever B's size, which is what matters when a small program is copied into a large
one. Regions are built from the pairs of occurrences of each shared hash, per pair of files, in
order of A's lines: a pair continues a region when it starts within ``MAX_GAP_LINES`` of the
region's end on both sides (winnowing leaves a fingerprint at least every w k-grams of a copied
run, a few lines). A hash repeated many times on one side (boilerplate inside a program) would
pair with everything; only its first occurrences are used.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from banquan.software.winnow.program import ProgramPrint

MAX_GAP_LINES = 6
MAX_OCCURRENCES = 4
MIN_REGION_FINGERPRINTS = 3  # distinct hashes; one or two shared k-grams are as likely an idiom as a copy


@dataclass(frozen=True)
class Region:
    path_a: str
    first_line_a: int
    last_line_a: int
    path_b: str
    first_line_b: int
    last_line_b: int
    fingerprints: int

    def __str__(self) -> str:
        return (f"{self.path_a}:{self.first_line_a}-{self.last_line_a} ↔ "
                f"{self.path_b}:{self.first_line_b}-{self.last_line_b} ({self.fingerprints})")


@dataclass(frozen=True)
class Comparison:
    shared: int  # distinct hashes in both
    containment_a: float  # share of A's distinct fingerprints found in B
    containment_b: float  # share of B's found in A
    regions: list[Region]


def compare(a: ProgramPrint, b: ProgramPrint, ignore: np.ndarray | None = None) -> Comparison:
    """``ignore``: sorted hashes that do not count (the index's boilerplate, capped by frequency)."""
    set_a, set_b = a.distinct(), b.distinct()
    if ignore is not None and len(ignore):
        set_a = set_a[~np.isin(set_a, ignore, assume_unique=True)]
        set_b = set_b[~np.isin(set_b, ignore, assume_unique=True)]
    shared = np.intersect1d(set_a, set_b, assume_unique=True)
    return Comparison(
        shared=len(shared),
        containment_a=len(shared) / len(set_a) if len(set_a) else 0.0,
        containment_b=len(shared) / len(set_b) if len(set_b) else 0.0,
        regions=matching_regions(a, b, shared),
    )


def matching_regions(a: ProgramPrint, b: ProgramPrint, shared: np.ndarray) -> list[Region]:
    occurrences_b = _occurrences(b, shared)
    pairs: dict[tuple[int, int], list[tuple[int, int, int, int, int]]] = defaultdict(list)
    for h, spots_a in _occurrences(a, shared).items():
        for file_a, a1, a2 in spots_a:
            for file_b, b1, b2 in occurrences_b[h]:
                pairs[(file_a, file_b)].append((a1, a2, b1, b2, h))
    regions = []
    for (file_a, file_b), found in pairs.items():
        for a1, a2, b1, b2, count in _merge(sorted(found)):
            if count >= MIN_REGION_FINGERPRINTS:
                regions.append(Region(a.paths[file_a], a1, a2, b.paths[file_b], b1, b2, count))
    regions.sort(key=lambda r: (-r.fingerprints, r.path_a, r.first_line_a))
    return regions


def _occurrences(program: ProgramPrint, shared: np.ndarray) -> dict[int, list[tuple[int, int, int]]]:
    spots: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    where = np.flatnonzero(np.isin(program.hashes, shared))
    for i in where.tolist():
        found = spots[int(program.hashes[i])]
        if len(found) < MAX_OCCURRENCES:
            found.append((int(program.files[i]), int(program.first_lines[i]), int(program.last_lines[i])))
    return spots


def _merge(pairs: list[tuple[int, int, int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """Greedy chaining in A's order; a pair joins the open region it continues on both sides.
    A region counts its distinct hashes: a table of look-alike rows repeats one hash many times
    and is no more evidence of copying than one row."""
    done: list[tuple[list[int], set[int]]] = []
    open_regions: list[tuple[list[int], set[int]]] = []
    for a1, a2, b1, b2, h in pairs:
        still_open: list[tuple[list[int], set[int]]] = []
        for item in open_regions:
            (done if item[0][1] + MAX_GAP_LINES < a1 else still_open).append(item)
        open_regions = still_open
        for region, hashes in open_regions:
            if region[2] - MAX_GAP_LINES <= b1 <= region[3] + MAX_GAP_LINES:
                region[1], region[2], region[3] = max(region[1], a2), min(region[2], b1), max(region[3], b2)
                hashes.add(h)
                break
        else:
            open_regions.append(([a1, a2, b1, b2], {h}))
    return [(r[0], r[1], r[2], r[3], len(hashes)) for r, hashes in done + open_regions]
