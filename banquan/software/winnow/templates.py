"""Template-like filings: near-identical code (or manuals) filed by different applicants, the mark
of mass-produced applications.

Given the fingerprints of recent filings, two filings are *near-identical* when each contains at
least ``threshold`` of the other (shared distinct hashes / the larger set ≥ 0.8 by default: a
few changed files or a new name on the title page keep them together, a shared library does
not) and they share at least ``MIN_SHARED`` fingerprints (a few hashes of a tiny filing prove
nothing). Pairs of the same applicant do not link (an applicant files versions of their own work).
Groups are the connected components of these links with at least two applicants; a chain A–B–C
joins A and C even if they are further apart, which is what a template edited step by step looks
like. Candidates come from a throw-away ``FingerprintIndex`` over the filings without a frequency
cap (a template shared by 500 filings must not be dropped as boilerplate); ``ignore`` takes the
registry's boilerplate (``FingerprintIndex.common``) so licence headers do not count.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from banquan.software.winnow.index import FingerprintIndex
from banquan.software.winnow.program import ProgramPrint

NEAR_IDENTICAL = 0.8
MIN_SHARED = 20
# Proposing candidates from a window of recent filings (``software.recent``): near-identical
# filings share at least 80 % of their fingerprints, so an index of a quarter of them, asked for
# the 100 filings sharing most, finds them all (bench/templates.py).
CANDIDATE_SAMPLE = 4
CANDIDATES = 100
CANDIDATE_MIN_SHARED = 5  # sampled hashes
# Candidates whose estimated resemblance (from the sampled hashes) is below this are not worth
# the exact comparison: the estimate from a few hundred hashes is within a few points of 0.8.
CANDIDATE_RESEMBLANCE = 0.6


def likely_template(candidate) -> bool:
    """Is an index candidate (``FingerprintIndex.search``) worth comparing exactly?"""
    return min(candidate.containment_query, candidate.containment_registered) >= CANDIDATE_RESEMBLANCE


@dataclass(frozen=True)
class Filing:
    filing_id: str
    applicant: str
    program: ProgramPrint


@dataclass(frozen=True)
class TemplateGroup:
    filing_ids: list[str]
    applicants: list[str]  # distinct, sorted
    weakest_link: float  # the lowest resemblance among the links that made the group


def template_groups(filings: list[Filing], threshold: float = NEAR_IDENTICAL,
                    ignore: np.ndarray | None = None) -> list[TemplateGroup]:
    index = FingerprintIndex(max_df=len(filings) + 1)
    hashes = [_without(f.program.distinct(), ignore) for f in filings]
    for number, (filing, kept) in enumerate(zip(filings, hashes, strict=True)):
        index.add(str(number), filing.applicant, kept)
    parent = list(range(len(filings)))
    weakest: dict[int, float] = {}
    for a, filing in enumerate(filings):
        for candidate in index.search(hashes[a], limit=len(filings), min_shared=MIN_SHARED):
            b = int(candidate.program_id)
            resemblance = min(candidate.containment_query, candidate.containment_registered)
            if b > a and filings[b].applicant != filing.applicant and resemblance >= threshold:
                root_a, root_b = _root(parent, a), _root(parent, b)
                parent[root_b] = root_a
                weakest[root_a] = min(weakest.get(root_a, 1.0), weakest.pop(root_b, 1.0), resemblance)
    members: dict[int, list[int]] = defaultdict(list)
    for number in range(len(filings)):
        members[_root(parent, number)].append(number)
    groups = []
    for root, numbers in members.items():
        applicants = sorted({filings[n].applicant for n in numbers})
        if len(applicants) >= 2:
            groups.append(TemplateGroup([filings[n].filing_id for n in numbers], applicants, weakest[root]))
    groups.sort(key=lambda g: (-len(g.filing_ids), g.filing_ids[0]))
    return groups


def _without(hashes: np.ndarray, ignore: np.ndarray | None) -> np.ndarray:
    return hashes[~np.isin(hashes, ignore)] if ignore is not None and len(ignore) else hashes


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]  # path halving keeps the trees flat
        node = parent[node]
    return node
