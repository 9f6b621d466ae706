"""Normalisation shared by marks and queries: a polarity-free "ink" channel and content crop."""

from __future__ import annotations

import cv2
import numpy as np

WORK_MAX_SIDE = 640  # queries are processed at most this large (SIFT time grows with area)
WORK_MIN_SIDE = 320  # ... and at least this large (tiny JPEGs are upscaled)


def ink(rgb: np.ndarray) -> np.ndarray:
    """The minimum of R, G and B: any saturated colour on white becomes dark, so a recoloured
    logo looks like the black original; grey stays grey. Polarity is handled downstream."""
    return np.asarray(rgb.min(axis=2), dtype=np.uint8)


def background(channel: np.ndarray) -> float:
    border = np.concatenate([channel[0], channel[-1], channel[:, 0], channel[:, -1]])
    return float(np.median(border))


def content_box(channel: np.ndarray, tol: int = 30) -> tuple[int, int, int, int]:
    """Bounding box ``(x, y, w, h)`` of pixels that differ from the border colour."""
    bg = background(channel)
    mask = np.abs(channel.astype(np.int16) - int(bg)) > tol
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return 0, 0, channel.shape[1], channel.shape[0]
    x0, x1, y0, y1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
    return x0, y0, x1 - x0, y1 - y0


def to_work_size(img: np.ndarray) -> tuple[np.ndarray, float]:
    """Resize so the longer side is within [WORK_MIN_SIDE, WORK_MAX_SIDE]; returns (image, factor)."""
    h, w = img.shape[:2]
    side = max(h, w)
    f = 1.0
    if side > WORK_MAX_SIDE:
        f = WORK_MAX_SIDE / side
    elif side < WORK_MIN_SIDE:
        f = WORK_MIN_SIDE / side
    if f != 1.0:
        interp = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
        img = cv2.resize(img, (max(1, round(w * f)), max(1, round(h * f))), interpolation=interp)
    return img, f


def square(channel: np.ndarray, size: int, fill: float, margin: float = 0.0) -> np.ndarray:
    """Pad to a square on ``fill`` (with a relative margin), then resize to ``size``."""
    h, w = channel.shape[:2]
    side = int(round(max(h, w) * (1 + 2 * margin))) or 1
    out = np.full((side, side), int(fill), dtype=np.uint8)
    y, x = (side - h) // 2, (side - w) // 2
    out[y:y + h, x:x + w] = channel
    interp = cv2.INTER_AREA if side > size else cv2.INTER_CUBIC
    return cv2.resize(out, (size, size), interpolation=interp)
