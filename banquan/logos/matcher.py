"""LogoIndex: build once from the protected marks, then ``match`` each image.

Pipeline (docs/logos.md): normalise the query to its contrast against its most common colour
(marks: the ink channel on white); propose candidate regions; a global stage (PDQ of each
region of usable quality, both polarities, against each mark's 8 dihedral variants, plus SIFT
nearest-neighbour votes per mark view) picks a few candidate marks; a geometric stage verifies
the views that won votes (ratio test, RANSAC similarity with sanity limits, warp-back
correlation overall and cell by cell), stopping at the first confident fit; the combined score
is compared with one threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import cv2
import faiss
import numpy as np

from banquan.logos.features import (
    MARK_FEATURES,
    NEGATIVE,
    PDQ_MIN_QUALITY,
    QUERY_FEATURES,
    SIFT,
    BinaryIndex,
    Features,
    VoteIndex,
    local_features,
    pdq_with_quality,
)
from banquan.logos.images import load_rgb_reduced
from banquan.logos.marks import MARK_SIDE, PDQ_SIDE, PreparedMark, prepare
from banquan.logos.prepare import (
    WORK_MAX_SIDE,
    background,
    content_box,
    contrast_to_dominant,
    square,
    to_work_size,
)
from banquan.logos.regions import propose
from banquan.logos.verify import MarkView, verify

# One threshold on the combined score, picked on bench/logos.py at every simple-icons brand
# (3,067 marks): the lowest score with at most 1 % of the negatives at or above it (0.565).
# Every synthetic-suite hit scores >= 0.6 and every synthetic negative < 0.1 (docs/logos.md).
THRESHOLD = 0.57
PDQ_WEIGHT = 0.6  # PDQ alone can intercept only a near-exact copy
CANDIDATES_VOTE = 6
CANDIDATES_PDQ = 6
MIN_VOTES = 3
PDQ_CANDIDATE = 85  # PDQ distance (of 256 bits) up to which a mark is verified; chance is ~90+
VIEW_VOTES = 2  # a view is verified when it won at least this many votes
STOP = 0.9  # a fit this good ends the search (no other mark can plausibly beat it)


@dataclass(frozen=True)
class Match:
    decision: Literal["intercept", "pass"]
    score: float
    mark: str | None
    region: tuple[int, int, int, int] | None  # x, y, w, h in the query image's pixels


class _Mark:
    """A mark as the index keeps it: compact (the normalised channel PNG-encoded, uint8
    descriptors of the plain and mirrored views); the four views are made when verified."""

    __slots__ = ("content", "descriptors", "name", "png", "points")

    def __init__(self, mark: PreparedMark):
        self.name = mark.name
        ok, buf = cv2.imencode(".png", mark.norm, [cv2.IMWRITE_PNG_COMPRESSION, 1])
        self.png = buf.tobytes() if ok else b""
        self.content = content_box(mark.norm)
        self.points = [f.points.astype(np.float32) for f in mark.features[:2]]
        self.descriptors = [_compact(f.descriptors) for f in mark.features[:2]]

    def channel(self, v: int) -> np.ndarray:
        norm = np.asarray(cv2.imdecode(np.frombuffer(self.png, np.uint8), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
        ch: np.ndarray = norm if v in (0, 2) else np.ascontiguousarray(norm[:, ::-1])
        return 255 - ch if v >= 2 else ch

    def view(self, v: int) -> MarkView:
        """View ``v``: 0 plain, 1 mirrored, 2 negative, 3 negative mirrored."""
        x, y, w, h = self.content
        if v % 2:
            x = MARK_SIDE - x - w
        desc = self.descriptors[v % 2]
        points = self.points[v % 2]
        if v >= 2:
            if SIFT:
                desc = desc[:, NEGATIVE]  # exact: see features.NEGATIVE
            else:
                f = local_features(self.channel(v), MARK_FEATURES)
                points, desc = f.points, f.descriptors
        if desc.dtype == np.uint8 and SIFT:
            desc = desc.astype(np.float32)
        return MarkView(lambda: self.channel(v), (x, y, w, h), Features(points, desc), MARK_SIDE)


def _compact(desc: np.ndarray) -> np.ndarray:
    """SIFT descriptors are whole numbers 0…255: keep them as uint8 (a quarter of float32)."""
    if desc.dtype == np.float32 and (desc.size == 0 or float(desc.max()) <= 255):
        return np.ascontiguousarray(desc.astype(np.uint8))
    return np.ascontiguousarray(desc)


def _pdq_quality(norm: np.ndarray) -> int:
    """PDQ quality of a mark's content, hashed as ``marks.prepare`` hashes it."""
    x, y, w, h = content_box(norm)
    crop = norm[y:y + h, x:x + w]
    return pdq_with_quality(square(crop, PDQ_SIDE, background(norm)))[1]


def pdq_score(distance: int) -> float:
    return min(1.0, max(0.0, (80 - distance) / 60.0))


class LogoIndex:
    def __init__(self, marks: list[_Mark], pdq: BinaryIndex, votes: VoteIndex):
        self.marks = marks
        self.pdq = pdq
        self.votes = votes

    def __len__(self) -> int:
        return len(self.marks)

    def memory_bytes(self) -> int:
        """What the index keeps (marks, descriptor copies, the two faiss indexes), in bytes."""
        marks = sum(len(m.png) + sum(a.nbytes for a in m.points + m.descriptors) + 200 for m in self.marks)
        votes = int(faiss.serialize_index(self.votes.index).nbytes) + self.votes.owner.nbytes
        pdq = int(self.pdq.index.ntotal) * 32 + self.pdq.owner.nbytes
        return marks + votes + pdq

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
            m = _Mark(mark)
            out.append(m)
            if _pdq_quality(mark.norm) >= PDQ_MIN_QUALITY:
                codes += mark.codes  # a mark of thin lines has a PDQ hash that matches anything
                code_owner += [i] * len(mark.codes)
            for v, d in enumerate(m.descriptors):  # plain and mirrored views vote
                descs.append(d)
                desc_owner.extend([i * 2 + v] * len(d))
        return cls(out, BinaryIndex(codes, code_owner), VoteIndex(descs, desc_owner))

    def match(self, data: bytes, filename: str = "") -> Match:
        """Screen one image; raises LogoError for unreadable or refused input."""
        rgb, scale = load_rgb_reduced(data, filename, min_side=2 * WORK_MAX_SIDE)
        found = self.match_rgb(rgb)
        if scale == 1.0 or found.region is None:
            return found
        region = tuple(int(round(v * scale)) for v in found.region)  # in the original's pixels
        return Match(found.decision, found.score, found.mark, region)  # type: ignore[arg-type]

    def match_rgb(self, rgb: np.ndarray) -> Match:
        """Screen one decoded image, an ``(h, w, 3)`` uint8 RGB array (e.g. a video frame)."""
        rgb = np.asarray(rgb)
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8 or min(rgb.shape[:2]) < 1:
            raise ValueError(f"expected an (h, w, 3) uint8 RGB array, got {rgb.dtype} {rgb.shape}")
        work, f = to_work_size(rgb)
        ch = contrast_to_dominant(work)
        bg = background(ch)
        regions = propose(ch)
        qcodes: list[np.ndarray] = []
        code_region: list[int] = []
        for r, (x, y, w, h) in enumerate(regions):
            code, quality = pdq_with_quality(square(ch[y:y + h, x:x + w], PDQ_SIDE, background(ch[y:y + h, x:x + w])))
            if quality < PDQ_MIN_QUALITY:
                continue
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
        view_votes = self.votes.votes(query.descriptors)
        per_mark: dict[int, int] = {}
        for (m, _v), n in view_votes.items():
            per_mark[m] = per_mark.get(m, 0) + n
        ranked = sorted(per_mark.items(), key=lambda t: -t[1])[:CANDIDATES_VOTE]
        cands = [m for m, n in ranked if n >= MIN_VOTES]
        cands += [m for m, d in sorted(pdq_best.items(), key=lambda t: t[1])[:CANDIDATES_PDQ] if d <= PDQ_CANDIDATE]
        best = Match("pass", 0.0, None, None)
        for m in dict.fromkeys(cands):
            mark = self.marks[m]
            voted = sorted((v for v in range(4) if view_votes.get((m, v), 0) >= VIEW_VOTES),
                           key=lambda v: -view_votes[m, v])
            geo = None
            for v in voted or range(4):  # views that won votes, else (a PDQ candidate) all four
                fit = verify(mark.view(v), query, ch, bg)
                if fit is not None and (geo is None or fit.score > geo.score):
                    geo = fit
                    if geo.score >= STOP:
                        break
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
            best = Match("intercept", round(score, 4), mark.name, region)  # type: ignore[arg-type]
            if score >= STOP:
                break
        if best.score < THRESHOLD:  # below the threshold only the score is kept (for evaluation)
            return Match("pass", best.score, None, None)
        return best
