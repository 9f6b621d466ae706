"""Local features (SIFT, else ORB) and the PDQ global hash, with their indexes."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import faiss
import numpy as np
import pdqhash

MARK_FEATURES = 256
QUERY_FEATURES = 1500


def _detector(n: int) -> cv2.Feature2D:
    if hasattr(cv2, "SIFT_create"):
        return cv2.SIFT_create(nfeatures=n, nOctaveLayers=2, contrastThreshold=0.02)
    return cv2.ORB_create(nfeatures=n)  # type: ignore[attr-defined]  # opencv without SIFT


SIFT = hasattr(cv2, "SIFT_create")


@dataclass(frozen=True)
class Features:
    points: np.ndarray  # (n, 2) float32
    descriptors: np.ndarray  # (n, d) float32 (SIFT) or uint8 (ORB)


def local_features(channel: np.ndarray, n: int) -> Features:
    kps, desc = _detector(n).detectAndCompute(channel, None)
    if desc is None or not kps:
        width = 128 if SIFT else 32
        return Features(np.zeros((0, 2), np.float32), np.zeros((0, width), np.float32 if SIFT else np.uint8))
    pts = np.array([k.pt for k in kps], dtype=np.float32)
    return Features(pts, desc)


def pdq_bits(channel: np.ndarray, dihedral: bool = False) -> list[np.ndarray]:
    """PDQ hashes packed to 32 bytes each (8 dihedral variants when asked)."""
    rgb = np.ascontiguousarray(np.repeat(channel[:, :, None], 3, axis=2))
    if dihedral:
        hashes, _ = pdqhash.compute_dihedral(rgb)
    else:
        hashes = [pdqhash.compute(rgb)[0]]
    return [np.packbits(np.asarray(h, dtype=np.uint8)) for h in hashes]


class BinaryIndex:
    """Exact Hamming search over 256-bit codes; ``owner[i]`` names the mark of code ``i``."""

    def __init__(self, codes: list[np.ndarray], owner: list[int]):
        self.index = faiss.IndexBinaryFlat(256)
        if codes:
            self.index.add(np.stack(codes).astype(np.uint8))
        self.owner = np.asarray(owner, dtype=np.int64)

    def search(self, codes: np.ndarray, k: int) -> list[list[tuple[int, int]]]:
        """For each query code (one batched call), (mark, distance) pairs, best per mark."""
        if self.index.ntotal == 0 or len(codes) == 0:
            return [[] for _ in range(len(codes))]
        dist, ids = self.index.search(np.ascontiguousarray(codes, dtype=np.uint8), min(k, self.index.ntotal))
        out = []
        for drow, irow in zip(dist, ids, strict=True):
            best: dict[int, int] = {}
            for d, i in zip(drow, irow, strict=True):
                if i >= 0:
                    m = int(self.owner[i])
                    best[m] = min(best.get(m, 999), int(d))
            out.append(sorted(best.items(), key=lambda t: t[1]))
        return out


class VoteIndex:
    """Nearest mark descriptor for each query descriptor; marks are ranked by votes.

    Exact (flat) search for small libraries; an inverted file with 8-bit scalar quantisation
    beyond ``FLAT_LIMIT`` descriptors so 10,000 marks stay fast and small.
    """

    FLAT_LIMIT = 200_000
    MAX_DISTANCE = 230.0  # SIFT L2 (descriptors have norm ~512)

    def __init__(self, descriptors: list[np.ndarray], owner: list[int]):
        self.owner = np.asarray(owner, dtype=np.int64)
        data = np.concatenate(descriptors).astype(np.float32) if descriptors else np.zeros((0, 128), np.float32)
        d = data.shape[1] if data.ndim == 2 and data.shape[1] else 128
        if len(data) > self.FLAT_LIMIT:
            nlist = int(4 * np.sqrt(len(data)))
            quant = faiss.IndexFlatL2(d)
            self.index = faiss.IndexIVFScalarQuantizer(quant, d, nlist, faiss.ScalarQuantizer.QT_8bit)
            rng = np.random.default_rng(0)
            sample = data[rng.choice(len(data), size=min(len(data), 64 * nlist), replace=False)]
            self.index.train(sample)
            self.index.nprobe = 8
        else:
            self.index = faiss.IndexFlatL2(d)  # type: ignore[assignment]
        if len(data):
            self.index.add(data)

    def votes(self, descriptors: np.ndarray) -> list[tuple[int, int]]:
        if self.index.ntotal == 0 or len(descriptors) == 0 or not SIFT:
            return []
        dist, ids = self.index.search(np.ascontiguousarray(descriptors, dtype=np.float32), 1)
        ok = (ids[:, 0] >= 0) & (dist[:, 0] < self.MAX_DISTANCE ** 2)
        marks, counts = np.unique(self.owner[ids[ok, 0]], return_counts=True)
        order = np.argsort(-counts)
        return [(int(marks[i]), int(counts[i])) for i in order]
