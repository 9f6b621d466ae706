"""An inverted index over the fingerprints of registered programs: hash → programs.

Postings are two parallel numpy arrays sorted by hash (``keys`` uint64, ``programs`` int32: 12
bytes a posting), looked up with ``searchsorted`` for all of a query's hashes at once and counted
with ``bincount``. Adding programs is incremental: new postings wait in a small sorted segment
(``recent``) searched alongside the main one and merged into it when it passes an eighth of its
size, so adding one program costs a sort of that segment, not of the whole index.

Boilerplate — licence headers, framework scaffolding, generated tables — shows up in very many
programs and proves nothing: a hash held by more than ``max_df`` programs is ignored by queries
(MOSS's ``-m``); when the segments merge, such hashes move to ``common`` and their postings are
dropped, and later programs do not post them again. ``sample`` > 1 indexes only hashes divisible
by it (0 mod p on top of winnowing): 1/p of the memory, containment estimated from fewer hashes.
"""

import os
from dataclasses import dataclass

import numpy as np

from banquan.software.winnow.program import ProgramPrint

MERGE_FRACTION = 8


@dataclass(frozen=True)
class Candidate:
    program_id: str
    owner: str
    shared: int  # indexed hashes in common with the query
    containment_query: float  # share of the query's indexed hashes found in this program
    containment_registered: float  # share of this program's found in the query


class FingerprintIndex:
    def __init__(self, max_df: int = 100, sample: int = 1):
        self.max_df, self.sample = max_df, sample
        self.ids: list[str] = []
        self.owners: list[str] = []
        self._position: dict[str, int] = {}
        self._sizes: list[int] = []
        self._size_array = np.empty(0, dtype=np.int32)
        self._by_owner: dict[str, list[int]] = {}
        self.keys = np.empty(0, dtype=np.uint64)
        self.programs = np.empty(0, dtype=np.int32)
        self.common = np.empty(0, dtype=np.uint64)
        self._recent_keys, self._recent_programs = self.keys, self.programs
        self._pending: list[tuple[np.ndarray, int]] = []

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, program_id: str) -> bool:
        return program_id in self._position

    def indexed_hashes(self, program: ProgramPrint | np.ndarray) -> np.ndarray:
        """What the index keeps of a program: distinct, sampled, boilerplate removed."""
        hashes = np.unique(program.hashes if isinstance(program, ProgramPrint) else program)
        if self.sample > 1:
            hashes = hashes[hashes % np.uint64(self.sample) == 0]
        if len(self.common):
            hashes = hashes[~np.isin(hashes, self.common, assume_unique=True)]
        return hashes

    def add(self, program_id: str, owner: str, program: ProgramPrint | np.ndarray) -> None:
        if program_id in self._position:
            raise ValueError(f"program {program_id!r} is already in the index")
        hashes = self.indexed_hashes(program)
        self._position[program_id] = len(self.ids)
        self._pending.append((hashes, len(self.ids)))
        self._by_owner.setdefault(owner, []).append(len(self.ids))
        self.ids.append(program_id)
        self.owners.append(owner)
        self._sizes.append(len(hashes))

    def search(self, program: ProgramPrint | np.ndarray, limit: int = 10, min_shared: int = 5,
               exclude_owner: str | None = None) -> list[Candidate]:
        """The registered programs sharing most fingerprints with ``program``: the ``limit`` with the
        most shared, and the ``limit`` with the largest share of their own fingerprints shared (a
        small registered program wholly inside a large query shares fewer than the idioms a large
        unrelated one does), largest containment either way first."""
        self.flush()
        query = self.indexed_hashes(program)
        segments = [(self.keys, self.programs), (self._recent_keys, self._recent_programs)]
        bounds = [(keys.searchsorted(query, "left"), keys.searchsorted(query, "right")) for keys, _ in segments]
        df = sum(right - left for left, right in bounds)
        usable = (df > 0) & (df <= self.max_df)
        shared = np.zeros(len(self.ids), dtype=np.int64)
        for (_, programs), (left, right) in zip(segments, bounds, strict=True):
            hits = programs[_ranges(left[usable], right[usable])]
            shared += np.bincount(hits, minlength=len(self.ids))
        if exclude_owner is not None:
            shared[self._by_owner.get(exclude_owner, [])] = 0
        eligible = np.flatnonzero(shared >= max(min_shared, 1))
        own_share = shared[eligible] / np.maximum(self.sizes()[eligible], 1)
        top = np.union1d(eligible[np.argsort(-shared[eligible], kind="stable")[:limit]],
                         eligible[np.argsort(-own_share, kind="stable")[:limit]])
        found = [Candidate(self.ids[i], self.owners[i], int(shared[i]), int(shared[i]) / max(len(query), 1),
                           int(shared[i]) / max(self._sizes[i], 1)) for i in top.tolist()]
        found.sort(key=lambda c: (-max(c.containment_query, c.containment_registered), -c.shared))
        return found

    def flush(self) -> None:
        """Pending programs into the recent segment; that into the main one when it has grown."""
        if self._pending:
            self._take_pending()
            order = np.argsort(self._recent_keys, kind="stable")
            self._recent_keys, self._recent_programs = self._recent_keys[order], self._recent_programs[order]
        if len(self._recent_keys) * MERGE_FRACTION > len(self.keys):
            self.compact()

    def compact(self) -> None:
        """One sorted segment; hashes held by more than ``max_df`` programs become ``common``."""
        self._take_pending()
        keys = np.concatenate([self.keys, self._recent_keys])
        programs = np.concatenate([self.programs, self._recent_programs])
        order = np.argsort(keys, kind="stable")  # sorted runs: timsort merges them in about linear time
        keys, programs = keys[order], programs[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.empty(0, dtype=np.int64)
        counts = np.diff(np.r_[starts, len(keys)])
        frequent = counts > self.max_df
        if frequent.any():
            self.common = np.union1d(self.common, keys[starts[frequent]])
            keep = ~np.repeat(frequent, counts)
            keys, programs = keys[keep], programs[keep]
        self.keys, self.programs = keys, programs
        self._recent_keys = np.empty(0, dtype=np.uint64)
        self._recent_programs = np.empty(0, dtype=np.int32)

    def _take_pending(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self._recent_keys = np.concatenate([self._recent_keys, *(h for h, _ in pending)])
            self._recent_programs = np.concatenate(
                [self._recent_programs, *(np.full(len(h), i, dtype=np.int32) for h, i in pending)])

    def save(self, path: "str | os.PathLike[str]") -> None:
        """Write the whole index to ``path`` atomically (see ``store.py``)."""
        from banquan.software.winnow.store import save_index

        save_index(self, path)

    @classmethod
    def load(cls, path: "str | os.PathLike[str]") -> "FingerprintIndex":
        from banquan.software.winnow.store import load_index

        return load_index(path)

    def sizes(self) -> np.ndarray:
        """Indexed hashes per program, as an array (rebuilt only after adds)."""
        if len(self._size_array) != len(self._sizes):
            self._size_array = np.array(self._sizes, dtype=np.int32)
        return self._size_array

    def memory_bytes(self) -> int:
        """The arrays' memory (postings, boilerplate, sizes); ids and owners are extra."""
        arrays = (self.keys, self.programs, self.common, self._recent_keys, self._recent_programs)
        return sum(a.nbytes for a in arrays) + 4 * len(self._sizes)


def _ranges(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The concatenation of range(left[i], right[i]) for every i, without a Python loop."""
    lengths = right - left
    total = int(lengths.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.repeat(left - (np.cumsum(lengths) - lengths), lengths)
    return starts + np.arange(total)
