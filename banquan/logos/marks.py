"""A protected mark prepared for the index, and its compact serialisation.

Preparing a mark (decode, normalise, PDQ hashes, SIFT on four views) costs ~75 ms; the office
keeps the prepared form of every mark in its database, so an index of 10,000 marks is rebuilt
from stored features in seconds instead of being computed again in every process.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from banquan.logos.features import MARK_FEATURES, Features, local_features, pdq_bits
from banquan.logos.images import LogoError, load_rgb
from banquan.logos.prepare import background, content_box, ink, square

# Bump whenever preparation changes: stored prepared marks of another format are recomputed.
FORMAT = 2  # 2: SIFT of the plain and mirrored views only (the negatives are derived at match time)
MARK_SIDE = 256  # normalised mark, content with a 10 % margin
PDQ_SIDE = 128


@dataclass(frozen=True)
class PreparedMark:
    name: str
    norm: np.ndarray  # MARK_SIDE × MARK_SIDE ink channel
    codes: list[np.ndarray]  # PDQ of the content crop, 8 dihedral variants, 32 bytes each
    # SIFT of the plain and mirrored views. The negative views' descriptors are an exact
    # permutation of these (features.NEGATIVE), so the index derives them instead of storing them.
    features: list[Features]


def _view_channels(norm: np.ndarray) -> list[np.ndarray]:
    return [norm, np.ascontiguousarray(norm[:, ::-1])]


def prepare(name: str, data: bytes, filename: str = "") -> PreparedMark:
    """Prepare one mark; raises LogoError (naming the mark) when it cannot be read."""
    try:
        ch = ink(load_rgb(data, filename))
    except LogoError as e:
        raise LogoError(f"标志 {name}：{e.reason}") from None
    bg = background(ch)
    x, y, w, h = content_box(ch)
    crop = ch[y:y + h, x:x + w]
    norm = square(crop, MARK_SIDE, bg, margin=0.1)
    features = [local_features(v, MARK_FEATURES) for v in _view_channels(norm)]
    return PreparedMark(name, norm, pdq_bits(square(crop, PDQ_SIDE, bg), dihedral=True), features)


def to_bytes(mark: PreparedMark) -> bytes:
    """The prepared mark without its name (SIFT descriptors are whole numbers ≤ 255: uint8)."""
    arrays: dict[str, np.ndarray] = {"format": np.array([FORMAT]), "norm": mark.norm,
                                     "codes": np.stack(mark.codes).astype(np.uint8)}
    for i, f in enumerate(mark.features):
        arrays[f"points{i}"] = f.points.astype(np.float32)
        desc = f.descriptors
        arrays[f"desc{i}"] = desc.astype(np.uint8) if desc.dtype == np.float32 and (desc.size == 0 or desc.max() <= 255) else desc
        arrays[f"float{i}"] = np.array([desc.dtype == np.float32])
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    return buf.getvalue()


def stored_format(blob: bytes) -> int:
    with np.load(io.BytesIO(blob)) as z:
        return int(z["format"][0])


def from_bytes(name: str, blob: bytes) -> PreparedMark:
    with np.load(io.BytesIO(blob)) as z:
        if int(z["format"][0]) != FORMAT:
            raise ValueError(f"prepared mark {name!r} has format {int(z['format'][0])}, expected {FORMAT}")
        features = []
        for i in range(sum(1 for key in z.files if key.startswith("desc"))):
            desc = z[f"desc{i}"]
            if bool(z[f"float{i}"][0]):
                desc = desc.astype(np.float32)
            features.append(Features(z[f"points{i}"], desc))
        return PreparedMark(name, z["norm"], list(z["codes"]), features)
