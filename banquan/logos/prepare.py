"""Normalisation shared by marks and queries: a polarity-free "ink" channel and content crop."""

from __future__ import annotations

import cv2
import numpy as np

WORK_MAX_SIDE = 512  # queries are processed at most this large (SIFT time grows with area)
WORK_MIN_SIDE = 320  # ... and at least this large (tiny JPEGs are upscaled)


def ink(rgb: np.ndarray) -> np.ndarray:
    """The minimum of R, G and B: any saturated colour on white becomes dark, so a recoloured
    logo looks like the black original; grey stays grey. Polarity is handled downstream."""
    return np.asarray(rgb.min(axis=2), dtype=np.uint8)


def contrast(rgb: np.ndarray) -> np.ndarray:
    """255 − the largest per-channel difference from the border's median colour.

    On a white ground this is exactly ``ink`` (255 − max(255 − c) = min(R, G, B)); on any other
    plain ground the mark still turns dark on white whatever the two colours are (red on blue,
    where ``ink`` is 0 for both, comes out black on white), and a light mark on a dark ground
    too. Marks are prepared on white, so they are unchanged."""
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    bg = np.median(border, axis=0)
    diff = cv2.absdiff(np.ascontiguousarray(rgb), np.full(rgb.shape, bg.astype(np.uint8), np.uint8))
    return np.asarray(255 - diff.max(axis=2), dtype=np.uint8)


def dominant_colour(rgb: np.ndarray) -> np.ndarray:
    """The most common colour (5 bits a channel; the mean of the pixels in that bin)."""
    small = rgb[::2, ::2].reshape(-1, 3)
    q = small >> 3
    keys = (q[:, 0].astype(np.int32) << 10) | (q[:, 1].astype(np.int32) << 5) | q[:, 2]
    top = int(np.bincount(keys, minlength=1 << 15).argmax())
    return np.asarray(small[keys == top].mean(axis=0), dtype=np.float64)


def contrast_to_dominant(rgb: np.ndarray) -> np.ndarray:
    """Like ``contrast`` but against the image's most common colour: the ground when it is
    plain, and the mark itself when the ground is a photo or a gradient (a flat-coloured mark is
    then the largest patch of one colour). Polarity may flip; SIFT's negative views and PDQ's
    two polarities take care of that."""
    bg = dominant_colour(rgb)
    diff = cv2.absdiff(np.ascontiguousarray(rgb), np.full(rgb.shape, np.round(bg).astype(np.uint8), np.uint8))
    return np.asarray(255 - diff.max(axis=2), dtype=np.uint8)


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
