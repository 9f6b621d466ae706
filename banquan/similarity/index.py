"""A persistent index of 256-bit codes keyed by registration id, searched by Hamming distance.

Exact search: a faiss ``IndexBinaryFlat`` (32 bytes a code, scanned with popcount) wrapped in
an ``IndexBinaryIDMap`` (8 bytes an id). ``IndexBinaryIDMap2`` would add ``reconstruct`` we do
not need, at about 43 more bytes a code for its id → position hash map (measured: 83 instead of
40 B/code), so the plain id map is used. ``bench/similarity.py`` has the figures.

On disk: a snapshot ``<kind>.faiss`` (faiss format, 40 B/code) and a journal
``<kind>.faiss.log`` of the changes since (45-byte records: change, id, code, CRC-32), so that
saving one registration appends a record instead of rewriting 800 MB at 2×10^7 codes. Loading
replays the journal up to a torn or damaged record. A snapshot is written atomically (temporary
file in the same folder, fsync, ``os.replace``, then the journal is removed): a reader sees the
old index or the new one, never half of one, and replaying a journal whose changes a snapshot
already holds gives the same index.

One lock per index serialises the threads of a process; ``open_index`` reloads a cached index
that another process has saved since (only the new journal records when the snapshot is the
same), unless this one has unsaved changes. Writers in several processes (the job
consumer, the web process with in-process jobs, the rebuild command) should change the index
inside ``with idx.update():``, which also holds a lock file (``<name>.lock``, flock) and
starts from the latest saved file, so that no process overwrites another's changes.
"""

import contextlib
import fcntl
import os
import struct
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from banquan.similarity.fingerprints import CODE_BITS, CODE_BYTES

BATCH = 10_000
ADD, REMOVE = b"A", b"R"
RECORD = struct.Struct("<cq32sI")  # change, id, code, CRC-32 of the first three: 45 bytes
COMPACT_AT = 16 << 20  # journal bytes (~370,000 changes) before save writes a new snapshot
KINDS = ("image", "text")


def _codes_array(codes: Sequence[bytes]) -> np.ndarray:
    for code in codes:
        if len(code) != CODE_BYTES:
            raise ValueError(f"a code has {CODE_BYTES} bytes, not {len(code)}")
    return np.frombuffer(b"".join(codes), dtype=np.uint8).reshape(len(codes), CODE_BYTES)


def _ids_array(ids: Sequence[int]) -> np.ndarray:
    return np.asarray(ids, dtype=np.int64).reshape(-1)


def _empty() -> Any:  # faiss.IndexBinaryIDMap (its stubs miss the numpy wrappers)
    return faiss.IndexBinaryIDMap(faiss.IndexBinaryFlat(CODE_BITS))


def _file_state(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


class CodeIndex:
    """Codes keyed by int64 ids; exact k-nearest search by Hamming distance."""

    def __init__(self, path: Path, *, load: bool = True) -> None:
        """The index saved at path (empty when there is no file, or when load is False)."""
        self.path = Path(path)
        self.journal = self.path.with_name(self.path.name + ".log")
        self.lock = threading.RLock()
        self.compact_at = COMPACT_AT
        self._pending: list[bytes] = []  # journal records of the changes not saved yet
        self._needs_snapshot = not load  # too many changes for the journal: save writes a snapshot
        self._loaded: tuple[object, ...] | None = None
        self._replayed = 0  # journal bytes already applied
        self._index: Any = _empty()
        if load:
            self.reload()

    @property
    def dirty(self) -> bool:
        """Whether there are changes not saved yet."""
        return self._needs_snapshot or bool(self._pending)

    def _disk_state(self) -> tuple[object, ...]:
        return _file_state(self.path), _file_state(self.journal)

    def reload(self) -> None:
        """Read the snapshot and replay the journal; unsaved changes are lost.

        When only the journal has grown since the last load, only its new records are read.
        """
        with self.lock:
            state = self._disk_state()
            if (self.dirty or self._loaded is None or state[0] != self._loaded[0]
                    or _journal_size(self.journal) < self._replayed):
                self._index = faiss.read_index_binary(str(self.path)) if state[0] else _empty()
                self._replayed = 0
            for op, ids, codes, end in _replay(self.journal, self._replayed):
                self._apply(op, ids, codes)
                self._replayed = end
            self._loaded = state
            self._pending = []
            self._needs_snapshot = False

    def changed_on_disk(self) -> bool:
        return self._disk_state() != self._loaded

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def _apply(self, op: bytes, ids: list[int], codes: list[bytes]) -> None:
        if op == ADD:
            latest = dict(zip(ids, codes, strict=True))  # the last code of a repeated id
            id_array = _ids_array(list(latest))
            if self._index.ntotal:
                self._index.remove_ids(id_array)
            self._index.add_with_ids(_codes_array(list(latest.values())), id_array)
        else:
            self._index.remove_ids(_ids_array(ids))

    def add(self, ids: Sequence[int], codes: Sequence[bytes]) -> None:
        """Add codes under their ids, replacing the codes those ids had."""
        if len(ids) != len(codes):
            raise ValueError("as many ids as codes are needed")
        if not ids:
            return
        id_list = [int(i) for i in ids]
        _codes_array(codes)  # checks the lengths before anything changes
        with self.lock:
            self._apply(ADD, id_list, list(codes))
            self._note(_record(ADD, i, c) for i, c in zip(id_list, codes, strict=True))

    def remove(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        id_list = [int(i) for i in ids]
        with self.lock:
            self._apply(REMOVE, id_list, [])
            self._note(_record(REMOVE, i, bytes(CODE_BYTES)) for i in id_list)

    def _note(self, records: Iterable[bytes]) -> None:
        if self._needs_snapshot:
            return
        self._pending.extend(records)
        if len(self._pending) * RECORD.size >= self.compact_at:
            self._pending = []
            self._needs_snapshot = True

    def search(self, code: bytes, k: int = 10, max_distance: int = 64) -> list[tuple[int, int]]:
        """The k nearest (id, distance) pairs within max_distance bits, nearest first."""
        query = _codes_array([code])
        with self.lock:
            k = min(k, int(self._index.ntotal))
            if k <= 0:
                return []
            # one query is faster on one thread: 1.2 ms p50 and 2-5 ms p99 at 10^6 codes, against
            # 1.5-2 ms and 150 ms p99 with 2 OpenMP threads on a busy 2-core machine (the setting
            # is the calling thread's own)
            faiss.omp_set_num_threads(1)
            distances, labels = self._index.search(query, k)
        return [(int(label), int(dist)) for dist, label in zip(distances[0], labels[0], strict=True)
                if label >= 0 and dist <= max_distance]

    @contextlib.contextmanager
    def update(self) -> Iterator["CodeIndex"]:
        """Change the index and save it, holding the lock file against other processes."""
        with self.lock, _file_lock(self.path):
            if not self.dirty and self.changed_on_disk():
                self.reload()
            yield self
            self.save()

    def save(self) -> None:
        """Make the changes durable: appended to the journal, or a new snapshot when the
        journal has grown past ``compact_at`` bytes (or there is no snapshot yet)."""
        with self.lock:
            if not self._needs_snapshot and self.path.exists():
                if not self._pending:
                    return
                size = _journal_size(self.journal)
                if size + RECORD.size * len(self._pending) < self.compact_at:
                    _append(self.journal, size, self._pending)
                    self._replayed = size + RECORD.size * len(self._pending)
                    self._pending = []
                    self._loaded = self._disk_state()
                    return
            self.compact()

    def compact(self) -> None:
        """Write the whole index as a new snapshot, atomically, and empty the journal.

        A crash between the two leaves a journal whose changes the snapshot already has;
        replaying them again gives the same index.
        """
        with self.lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            os.close(fd)
            try:
                self._write(tmp)
                with open(tmp, "rb+") as written:
                    os.fsync(written.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self.journal.unlink(missing_ok=True)
            _fsync_dir(self.path.parent)
            self._pending = []
            self._needs_snapshot = False
            self._replayed = 0
            self._loaded = self._disk_state()

    def _write(self, filename: str) -> None:
        faiss.write_index_binary(self._index, filename)


def _record(op: bytes, item_id: int, code: bytes) -> bytes:
    body = struct.pack("<cq32s", op, item_id, code)
    return body + struct.pack("<I", zlib.crc32(body))


def _journal_size(journal: Path) -> int:
    """The journal's size in whole records (a torn last record from a crash does not count)."""
    try:
        size = journal.stat().st_size
    except FileNotFoundError:
        return 0
    return size - size % RECORD.size


def _append(journal: Path, size: int, records: list[bytes]) -> None:
    with open(journal, "ab") as out:
        out.truncate(size)  # drop a torn record a crash may have left
        out.write(b"".join(records))
        out.flush()
        os.fsync(out.fileno())
    if size == 0:
        _fsync_dir(journal.parent)


def _replay(journal: Path, start: int) -> Iterator[tuple[bytes, list[int], list[bytes], int]]:
    """The journal's changes from byte start on, consecutive ones of a kind together, up to a
    damaged record; each group with the journal offset after it."""
    try:
        with open(journal, "rb") as src:
            src.seek(start)
            data = src.read()
    except FileNotFoundError:
        return
    op = b""
    ids: list[int] = []
    codes: list[bytes] = []
    offset = 0
    for offset in range(0, len(data) - RECORD.size + 1, RECORD.size):
        kind, item_id, code, crc = RECORD.unpack_from(data, offset)
        if kind not in (ADD, REMOVE) or zlib.crc32(data[offset:offset + RECORD.size - 4]) != crc:
            break
        if kind != op and ids:
            yield op, ids, codes, start + offset
            ids, codes = [], []
        op = kind
        ids.append(item_id)
        codes.append(code)
    else:
        offset = len(data) - len(data) % RECORD.size
    if ids:
        yield op, ids, codes, start + offset


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_cache: dict[str, CodeIndex] = {}
_cache_lock = threading.Lock()


def index_path(kind: str) -> Path:
    if kind not in KINDS:
        raise ValueError(f"unknown index kind {kind!r}")
    from django.conf import settings  # lazily: the module is usable without Django

    return Path(settings.DATA_DIR) / "similarity" / f"{kind}.faiss"


def open_index(kind: str) -> CodeIndex:
    """The process's CodeIndex of this kind ("image" or "text"), loaded once and kept.

    A cached index without unsaved changes is reloaded when another process saved the file.
    """
    path = index_path(kind)
    with _cache_lock:
        index = _cache.get(kind)
        if index is None or index.path != path:
            index = _cache[kind] = CodeIndex(path)
        else:
            with index.lock:
                if not index.dirty and index.changed_on_disk():
                    index.reload()
        return index


def rebuild(kind: str, items: Iterable[tuple[int, bytes]], *, total: int | None = None,
            progress: Callable[[int, int], None] | None = None) -> CodeIndex:
    """A fresh index from (id, code) pairs (ids unique), saved over the old file and cached.

    ``progress(done, total)`` is called after each batch of BATCH codes; total is ``total``
    when given, else the count so far.
    """
    index = CodeIndex(index_path(kind), load=False)
    done = 0
    ids: list[int] = []
    codes: list[bytes] = []

    def flush() -> None:
        nonlocal done
        index._index.add_with_ids(_codes_array(codes), _ids_array(ids))
        done += len(ids)
        ids.clear()
        codes.clear()
        if progress is not None:
            progress(done, total if total is not None else done)

    for item_id, code in items:
        ids.append(item_id)
        codes.append(code)
        if len(ids) >= BATCH:
            flush()
    if ids:
        flush()
    elif done == 0 and progress is not None:
        progress(0, total or 0)
    with _file_lock(index.path):
        # the old journal goes first: replayed onto the new snapshot it could bring back codes
        # the rebuild replaced (a crash in between leaves the old snapshot; rebuild again)
        index.journal.unlink(missing_ok=True)
        index.compact()
    with _cache_lock:
        _cache[kind] = index
    return index
