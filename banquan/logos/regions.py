"""Candidate regions of a query image where a logo might sit.

The whole content plus boxes of connected components of non-background pixels (at two
grouping scales, so a symbol and its word mark are proposed apart and together) and of edge
clusters (for logos on busy photos). Boxes are de-duplicated and capped.
"""

from __future__ import annotations

import cv2
import numpy as np

from banquan.logos.prepare import background, content_box

MAX_REGIONS = 24
MIN_AREA = 0.004  # of the image
Box = tuple[int, int, int, int]


def _iou(a: Box, b: Box) -> float:
    ax1, ay1, bx1, by1 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    iw = max(0, min(ax1, bx1) - max(a[0], b[0]))
    ih = max(0, min(ay1, by1) - max(a[1], b[1]))
    inter = iw * ih
    return inter / float(a[2] * a[3] + b[2] * b[3] - inter or 1)


def _components(mask: np.ndarray, grow: int, min_area: float) -> list[Box]:
    if grow:
        k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (grow, grow))
        mask = cv2.dilate(mask, k)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out: list[Box] = []
    for i in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[i])
        x0, y0 = x + grow // 2, y + grow // 2  # undo the dilation's growth
        w, h = max(1, w - grow), max(1, h - grow)
        if w * h >= min_area and w >= 12 and h >= 12:
            out.append((x0, y0, w, h))
    return out


def propose(channel: np.ndarray) -> list[Box]:
    """Candidate boxes ``(x, y, w, h)`` in ``channel`` coordinates, largest first."""
    h, w = channel.shape
    min_area = MIN_AREA * h * w
    side = max(h, w)
    boxes: list[Box] = [content_box(channel)]
    smooth = cv2.medianBlur(channel, 5)
    bg = background(smooth)
    mask = (np.abs(smooth.astype(np.int16) - int(bg)) > 40).astype(np.uint8) * 255
    if mask.mean() < 0.6 * 255:  # a plain-ish background: components of "ink"
        for grow in (max(3, side // 100), max(5, side // 25)):
            boxes += _components(mask, grow, min_area)
    edges = cv2.Canny(cv2.GaussianBlur(channel, (5, 5), 0), 60, 160)
    for grow in (max(5, side // 60),):
        boxes += _components(edges, grow, min_area)
    boxes.sort(key=lambda b: -b[2] * b[3])
    kept: list[Box] = []
    for b in boxes:
        if b[2] * b[3] > 0.97 * h * w and kept:
            continue
        if all(_iou(b, k) < 0.8 for k in kept):
            kept.append(b)
        if len(kept) >= MAX_REGIONS:
            break
    return kept
