"""In-memory candidate indexes for audio and video prints (no database).

Comparing a new print with every registered print (``media.audio_ber``, ``media.video_match``)
costs too much to do for all of them, so these indexes name the few registered works worth
comparing; the exact rule then decides.

- ``AudioIndex``: an inverted index of Chromaprint sub-fingerprints by their top 20 bits
  (AcoustID's trick: a re-encoded copy keeps many sub-fingerprints' high bits intact while
  unrelated recordings share almost none). Held as two sorted numpy arrays (key, work), 12
  bytes a distinct key of a work, looked up with ``searchsorted``.
- ``VideoIndex``: a faiss ``IndexBinaryFlat`` of every registered frame hash (popcount scan,
  32 bytes a frame) with the work each frame belongs to; a range search finds the frames
  within the vPDQ distance of each new frame.

Both are rebuilt from the database when it changes (``services._media_index``): the volumes
of registered recordings and videos are far smaller than those of images and texts.
"""

from collections import Counter
from collections.abc import Iterable
from typing import Any

import faiss
import numpy as np

from banquan.similarity import media

KEY_BITS = 20  # measured: copies share 19–208 of ~200 keys, unrelated tracks 0–2 (docs/similarity.md)


class AudioIndex:
    def __init__(self, items: Iterable[tuple[int, bytes]]) -> None:
        """``items``: (registration id, raw Chromaprint print as little-endian uint32)."""
        keys: list[np.ndarray] = []
        works: list[np.ndarray] = []
        self.size = 0
        for reg_id, code in items:
            distinct = media.sub_print_keys(np.frombuffer(code, dtype="<u4"), KEY_BITS)
            keys.append(distinct)
            works.append(np.full(len(distinct), reg_id, dtype=np.int64))
            self.size += 1
        key_array = np.concatenate(keys) if keys else np.empty(0, dtype=np.uint32)
        work_array = np.concatenate(works) if works else np.empty(0, dtype=np.int64)
        order = np.argsort(key_array, kind="stable")
        self._keys, self._works = key_array[order], work_array[order]

    def __len__(self) -> int:
        return self.size

    def candidates(self, prints: np.ndarray, limit: int) -> list[int]:
        """The works sharing the most keys with a print (at least one), most first."""
        query = media.sub_print_keys(prints, KEY_BITS)
        starts = np.searchsorted(self._keys, query, side="left")
        ends = np.searchsorted(self._keys, query, side="right")
        hits: Counter[int] = Counter()
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if end > start:
                hits.update(self._works[start:end].tolist())
        return [reg_id for reg_id, _ in hits.most_common(limit)]


class VideoIndex:
    def __init__(self, items: Iterable[tuple[int, bytes]]) -> None:
        """``items``: (registration id, concatenated 32-byte PDQ frame hashes)."""
        self._index: Any = faiss.IndexBinaryFlat(media.PDQ_BYTES * 8)
        owners: list[np.ndarray] = []
        self.size = 0
        for reg_id, code in items:
            frames = media.hashes_array(code)
            if len(frames):
                self._index.add(np.ascontiguousarray(frames))
                owners.append(np.full(len(frames), reg_id, dtype=np.int64))
            self.size += 1
        self._owners = np.concatenate(owners) if owners else np.empty(0, dtype=np.int64)

    def __len__(self) -> int:
        return self.size

    def candidates(self, hashes: bytes, limit: int) -> list[int]:
        """The works with the most of the new video's frames near one of theirs, most first."""
        query = np.ascontiguousarray(np.unique(media.hashes_array(hashes), axis=0))
        if not len(query) or not self._index.ntotal:
            return []
        # faiss keeps distances strictly below the radius
        lims, _dist, found = self._index.range_search(query, media.FRAME_MATCH_BITS + 1)
        hits: Counter[int] = Counter()
        for q in range(len(query)):
            hits.update(set(self._owners[found[lims[q]:lims[q + 1]]].tolist()))  # one vote per new frame
        return [reg_id for reg_id, _ in hits.most_common(limit)]
