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
    order = np.argsort([-k.response for k in kps], kind="stable")  # strongest first
    pts = np.array([kps[i].pt for i in order], dtype=np.float32)
    return Features(pts, desc[order])


def pdq_bits(channel: np.ndarray, dihedral: bool = False) -> list[np.ndarray]:
    """PDQ hashes packed to 32 bytes each (8 dihedral variants when asked)."""
    rgb = np.ascontiguousarray(np.repeat(channel[:, :, None], 3, axis=2))
    if dihedral:
        hashes, _ = pdqhash.compute_dihedral(rgb)
    else:
        hashes = [pdqhash.compute(rgb)[0]]
    return [np.packbits(np.asarray(h, dtype=np.uint8)) for h in hashes]


PDQ_MIN_QUALITY = 50  # PDQ's own advice: hashes of lower quality (flat or thin content) are noise


def pdq_with_quality(channel: np.ndarray) -> tuple[np.ndarray, int]:
    """One PDQ hash (32 bytes) and its quality (0-100)."""
    rgb = np.ascontiguousarray(np.repeat(channel[:, :, None], 3, axis=2))
    h, quality = pdqhash.compute(rgb)
    return np.packbits(np.asarray(h, dtype=np.uint8)), int(quality)


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
        faiss.omp_set_num_threads(1)  # small searches: threads only add contention (the calling thread's setting)
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


def _sift_permutation(kind: str) -> np.ndarray:
    """Index permutation of a 128-d SIFT descriptor (4 × 4 cells × 8 orientation bins, rows
    along the keypoint's frame) for the same keypoint in a transformed image.

    ``negative``: inverting the grey levels turns every gradient (and the keypoint's own
    orientation) by 180°, so the cell grid is turned by 180° and relative orientations stay:
    exact (same keypoints, same numbers). ``mirror``: a left-right mirror reflects the frame
    about its orientation axis (rows reversed, relative orientations negated): the same up to
    bin interpolation (median L2 distance ≈ 30 of ≈ 512)."""
    cells = np.arange(128).reshape(4, 4, 8)
    if kind == "negative":
        return np.ascontiguousarray(cells[::-1, ::-1, :]).reshape(-1)
    if kind == "mirror":
        return np.ascontiguousarray(cells[::-1][:, :, (8 - np.arange(8)) % 8]).reshape(-1)
    raise ValueError(kind)


NEGATIVE = _sift_permutation("negative")
MIRROR = _sift_permutation("mirror")


class VoteIndex:
    """Nearest mark descriptor for each query descriptor; (mark, view) pairs are ranked by votes.

    ``owner[i]`` is ``mark * 2 + view`` (view 0 plain, 1 mirrored) of descriptor ``i``. The
    query is searched as it is and with its descriptors permuted to the negative's
    (``NEGATIVE``), so inverted copies vote for views 2 and 3 without indexing them.
    Exact (flat) search for small libraries; an inverted file with 8-bit scalar quantisation
    beyond ``FLAT_LIMIT`` descriptors so 10,000 marks stay fast and small.
    """

    FLAT_LIMIT = 5_000  # flat search of a full query costs ~3 ms per 1,000 descriptors
    MAX_DISTANCE = 230.0  # SIFT L2 (descriptors have norm ~512)
    NPROBE = 2
    QUERY = 600  # the query's strongest descriptors vote (each both as it is and as the negative's)

    def __init__(self, descriptors: list[np.ndarray], owner: list[int]):
        self.owner = np.asarray(owner, dtype=np.int32)
        data = np.concatenate(descriptors).astype(np.float32) if descriptors else np.zeros((0, 128), np.float32)
        d = data.shape[1] if data.ndim == 2 and data.shape[1] else 128
        if len(data) > self.FLAT_LIMIT:
            nlist = int(min(8192, max(64, 1.5 * np.sqrt(len(data)))))
            quant = faiss.IndexFlatL2(d)
            self.index = faiss.IndexIVFScalarQuantizer(quant, d, nlist, faiss.ScalarQuantizer.QT_8bit)
            rng = np.random.default_rng(0)
            sample = data[rng.choice(len(data), size=min(len(data), 40 * nlist), replace=False)]
            self.index.cp.niter = 10
            self.index.train(sample)
            self.index.nprobe = self.NPROBE
        else:
            self.index = faiss.IndexFlatL2(d)  # type: ignore[assignment]
        if len(data):
            self.index.add(data)
        del data

    def votes(self, descriptors: np.ndarray) -> dict[tuple[int, int], int]:
        """Votes per ``(mark, view)``; view 0 plain, 1 mirrored, 2 negative, 3 negative mirrored.
        ``descriptors`` strongest first (as ``local_features`` returns them)."""
        if self.index.ntotal == 0 or len(descriptors) == 0 or not SIFT:
            return {}
        q = np.ascontiguousarray(descriptors[:self.QUERY], dtype=np.float32)
        both = np.concatenate([q, np.ascontiguousarray(q[:, NEGATIVE])])
        faiss.omp_set_num_threads(1)
        dist, ids = self.index.search(both, 1)
        ok = (ids[:, 0] >= 0) & (dist[:, 0] < self.MAX_DISTANCE ** 2)
        negative = (np.arange(len(both)) >= len(q)).astype(np.int64)
        keys = self.owner[ids[:, 0].clip(0)].astype(np.int64) * 2 + negative  # mark*4 + view
        keys, counts = np.unique(keys[ok], return_counts=True)
        return {(int(k) // 4, _VIEW[int(k) % 4]): int(c) for k, c in zip(keys, counts, strict=True)}


# key % 4 = (plain/mirror) * 2 + negative  ->  view number (plain, mirror, negative, neg-mirror)
_VIEW = {0: 0, 1: 2, 2: 1, 3: 3}
