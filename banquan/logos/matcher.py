"""LogoIndex: build once from the protected marks, then ``match`` each image.

Pipeline (docs/logos.md): normalise to the ink channel with a content crop; propose candidate
regions; a global stage (PDQ of each region, both polarities, against each mark's 8 dihedral
variants, plus SIFT nearest-neighbour votes) picks a few candidate marks; a geometric stage
verifies each candidate (ratio test, RANSAC similarity with sanity limits, warp-back
correlation); the combined score is compared with one threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from banquan.logos.features import QUERY_FEATURES, BinaryIndex, VoteIndex, local_features, pdq_bits
from banquan.logos.images import load_rgb
from banquan.logos.marks import PDQ_SIDE, PreparedMark, prepare
from banquan.logos.prepare import background, ink, square, to_work_size
from banquan.logos.regions import propose
from banquan.logos.verify import MarkView, verify

# One threshold on the combined score, picked between the lowest positive and highest
# negative score of the synthetic suite in banquan/logos/tests (see docs/logos.md).
THRESHOLD = 0.45
PDQ_WEIGHT = 0.6  # PDQ alone can intercept only a near-exact copy
CANDIDATES_VOTE = 6
CANDIDATES_PDQ = 6
MIN_VOTES = 3


@dataclass(frozen=True)
class Match:
    decision: Literal["intercept", "pass"]
    score: float
    mark: str | None
    region: tuple[int, int, int, int] | None  # x, y, w, h in the query image's pixels


@dataclass
class _Mark:
    name: str
    views: list[MarkView]


def pdq_score(distance: int) -> float:
    return min(1.0, max(0.0, (80 - distance) / 60.0))


class LogoIndex:
    def __init__(self, marks: list[_Mark], pdq: BinaryIndex, votes: VoteIndex):
        self.marks = marks
        self.pdq = pdq
        self.votes = votes

    def __len__(self) -> int:
        return len(self.marks)

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.marks]

    @classmethod
    def build(cls, marks: Iterable[tuple[str, bytes, str]]) -> LogoIndex:
        """Index ``(name, data, filename)`` marks; raises LogoError naming an unreadable mark."""
        return cls.from_prepared(prepare(name, data, filename) for name, data, filename in marks)

    @classmethod
    def from_prepared(cls, marks: Iterable[PreparedMark]) -> LogoIndex:
        """Index marks prepared earlier (``marks.prepare``, or ``marks.from_bytes`` of stored ones)."""
        out: list[_Mark] = []
        codes: list[np.ndarray] = []
        code_owner: list[int] = []
        descs: list[np.ndarray] = []
        desc_owner: list[int] = []
        for mark in marks:
            i = len(out)
            views = mark.views()
            out.append(_Mark(mark.name, views))
            codes += mark.codes
            code_owner += [i] * len(mark.codes)
            for v in views:
                descs.append(v.features.descriptors)
                desc_owner.extend([i] * len(v.features.descriptors))
        return cls(out, BinaryIndex(codes, code_owner), VoteIndex(descs, desc_owner))

    def match(self, data: bytes, filename: str = "") -> Match:
        """Screen one image; raises LogoError for unreadable or refused input."""
        rgb = load_rgb(data, filename)
        work, f = to_work_size(rgb)
        ch = ink(work)
        bg = background(ch)
        regions = propose(ch)
        qcodes: list[np.ndarray] = []
        code_region: list[int] = []
        for r, (x, y, w, h) in enumerate(regions):
            code = pdq_bits(square(ch[y:y + h, x:x + w], PDQ_SIDE, background(ch[y:y + h, x:x + w])))[0]
            qcodes += [code, np.bitwise_not(code)]  # both polarities
            code_region += [r, r]
        pdq_best: dict[int, int] = {}
        pdq_region: dict[int, int] = {}
        if qcodes:
            for q, found in enumerate(self.pdq.search(np.stack(qcodes), 8)):
                for m, d in found:
                    if d < pdq_best.get(m, 999):
                        pdq_best[m] = d
                        pdq_region[m] = code_region[q]
        query = local_features(ch, QUERY_FEATURES)
        cands = [m for m, v in self.votes.votes(query.descriptors)[:CANDIDATES_VOTE] if v >= MIN_VOTES]
        cands += [m for m, _ in sorted(pdq_best.items(), key=lambda t: t[1])[:CANDIDATES_PDQ]]
        best = Match("pass", 0.0, None, None)
        for m in dict.fromkeys(cands):
            fits = [fit for v in self.marks[m].views if (fit := verify(v, query, ch, bg)) is not None]
            geo = max(fits, key=lambda t: t.score) if fits else None
            s_pdq = pdq_score(pdq_best.get(m, 256))
            score = 1.0 - (1.0 - (geo.score if geo else 0.0)) * (1.0 - PDQ_WEIGHT * s_pdq)
            if score <= best.score:
                continue
            if geo is not None and geo.score >= PDQ_WEIGHT * s_pdq:
                x0, y0, x1, y1 = geo.box
                box = (x0 / f, y0 / f, (x1 - x0) / f, (y1 - y0) / f)
            else:
                rx, ry, rw, rh = regions[pdq_region[m]]
                box = (rx / f, ry / f, rw / f, rh / f)
            region = tuple(int(round(v)) for v in box)
            best = Match("intercept", round(score, 4), self.marks[m].name, region)  # type: ignore[arg-type]
        if best.score < THRESHOLD:  # below the threshold only the score is kept (for evaluation)
            return Match("pass", best.score, None, None)
        return best
