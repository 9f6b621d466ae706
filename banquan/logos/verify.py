"""Geometric verification of one mark against a query: ratio test, RANSAC, sanity limits.

A similarity transform (rotation, uniform scale, translation) is fitted from the mark to the
query; mirrored copies are covered by a mirrored variant of each mark. The fit is accepted only
if it is plausible (scale within bounds, enough *distinct* inliers, spread over the mark, not
collinear), and then the query is warped back onto the mark and compared pixel-wise, which
rejects fits that land on unrelated artwork.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from banquan.logos.features import SIFT, Features

RATIO = 0.8
MIN_INLIERS = 5
MIN_PROJECTED = 40  # px: a logo smaller than this in the (work-size) query is not judged
MIN_SPREAD = 0.1  # inlier bbox / mark content area
RANSAC_PX = 5.0


@dataclass(frozen=True)
class Fit:
    score: float
    inliers: int
    correlation: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in query work coordinates


class MarkView:
    """One view (plain or mirrored, either polarity) of a normalised mark. The blurred channel
    for the appearance check is made only when a fit gets that far (``channel`` may be a
    callable returning it, so an index can keep its marks compressed)."""

    __slots__ = ("_channel", "_smooth", "content", "features", "side")

    def __init__(self, channel: np.ndarray | Callable[[], np.ndarray], content: tuple[int, int, int, int],
                 features: Features, side: int | None = None):
        self._channel = channel
        self._smooth: np.ndarray | None = None
        self.content = content  # x, y, w, h of the mark in its square channel
        self.features = features
        self.side = side if side is not None else int(np.asarray(channel).shape[0])

    @property
    def channel(self) -> np.ndarray:
        if callable(self._channel):
            self._channel = self._channel()
        return self._channel

    @property
    def smooth(self) -> np.ndarray:
        """The channel blurred (float32), for the appearance check."""
        if self._smooth is None:
            self._smooth = cv2.GaussianBlur(self.channel.astype(np.float32), (0, 0), 2.0)
        return self._smooth


def _matcher() -> cv2.DescriptorMatcher:
    return cv2.BFMatcher(cv2.NORM_L2 if SIFT else cv2.NORM_HAMMING)


def _distinct(pts: np.ndarray) -> int:
    return len({(int(x) // 2, int(y) // 2) for x, y in pts})


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    den = math.sqrt(float((a * a).sum()) * float((b * b).sum()))
    return float((a * b).sum() / den) if den > 1e-6 else 0.0


def appearance(mark: np.ndarray, back: np.ndarray, cells: int = 3) -> float:
    """How well the warped-back query looks like the mark: the |Pearson correlation| over the
    mark's box, but no more than the mean correlation (same sign) over the informative cells of
    a 3 × 3 grid, so a fit that matches the mark's frame or outline but not what is inside it
    (a letter in a square against any square) does not pass as a copy."""
    total = _correlation(mark, back)
    sign = 1.0 if total >= 0 else -1.0
    h, w = mark.shape
    spread = float(mark.std())
    vals = []
    for i in range(cells):
        for j in range(cells):
            sl = np.s_[i * h // cells:(i + 1) * h // cells, j * w // cells:(j + 1) * w // cells]
            a = mark[sl]
            if a.size >= 16 and float(a.std()) > 0.25 * spread:  # cells with some of the mark in them
                vals.append(sign * _correlation(a, back[sl]))
    cellwise = float(np.mean(vals)) if vals else abs(total)
    return min(abs(total), max(0.0, cellwise))


def inlier_score(n: int) -> float:
    return 1.0 - math.exp(-n / 6.0)


def appearance_score(c: float) -> float:
    return min(1.0, max(0.0, (c - 0.3) / 0.4))


def verify(view: MarkView, query: Features, channel: np.ndarray, bg: float) -> Fit | None:
    mf = view.features
    if len(mf.points) < 4 or len(query.points) < 4:
        return None
    pairs = _matcher().knnMatch(query.descriptors, mf.descriptors, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < RATIO * p[1].distance]
    if len(good) < MIN_INLIERS:
        return None
    src = mf.points[[m.trainIdx for m in good]].astype(np.float32)
    dst = query.points[[m.queryIdx for m in good]].astype(np.float32)
    A, mask = cv2.estimateAffinePartial2D(src, dst, method=cv2.RANSAC, ransacReprojThreshold=RANSAC_PX,
                                          maxIters=2000, confidence=0.995)
    if A is None or mask is None:
        return None
    inl = mask.ravel().astype(bool)
    n = min(_distinct(src[inl]), _distinct(dst[inl]))
    if n < MIN_INLIERS:
        return None
    scale = math.hypot(float(A[0, 0]), float(A[1, 0]))
    cx, cy, cw, ch = view.content
    qh, qw = channel.shape
    if not (MIN_PROJECTED <= scale * max(cw, ch) <= 1.3 * max(qh, qw)):
        return None
    s = src[inl]
    span = (s[:, 0].max() - s[:, 0].min()) * (s[:, 1].max() - s[:, 1].min())
    if span < MIN_SPREAD * cw * ch:
        return None
    eig = np.linalg.eigvalsh(np.cov(s.T))
    if eig[0] < 0.02 * eig[1]:
        return None
    corners = np.array([[cx, cy], [cx + cw, cy], [cx, cy + ch], [cx + cw, cy + ch]], dtype=np.float32)
    proj = corners @ A[:, :2].T + A[:, 2]
    x0, y0 = proj.min(axis=0)
    x1, y1 = proj.max(axis=0)
    inside = (min(x1, qw) - max(x0, 0)) * (min(y1, qh) - max(y0, 0)) / max(1e-6, (x1 - x0) * (y1 - y0))
    if min(x1, qw) <= max(x0, 0) or min(y1, qh) <= max(y0, 0) or inside < 0.6:
        return None
    side = view.side
    back = cv2.warpAffine(channel, cv2.invertAffineTransform(A), (side, side), flags=cv2.INTER_AREA,
                          borderValue=int(bg))
    back = cv2.GaussianBlur(back.astype(np.float32), (0, 0), 2.0)
    sl = np.s_[cy:cy + ch, cx:cx + cw]
    corr = appearance(view.smooth[sl], back[sl])
    score = inlier_score(n) * appearance_score(corr)
    return Fit(score, n, corr, (float(x0), float(y0), float(x1), float(y1)))
