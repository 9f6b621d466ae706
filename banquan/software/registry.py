"""The index of registered programs (``winnow.FingerprintIndex``), kept per process and in one
file, ``DATA_DIR/software/registry.npz``.

The database is the truth: every registered program's fingerprints are a ``ProgramFingerprint``
row with its registration. Each use compares the index's programs with those rows: programs
registered since (by this process or another) are added, and an index holding a program the
database does not (a deleted registration, a file from another database) is rebuilt from the
rows. The file only saves the rebuild at start-up; it is written atomically (``winnow.store``)
under a lock file so that two job processes do not write it at once. Program ids in the index
are registration ids (str); owners are ``ProgramFingerprint.owner_key``.
"""

import fcntl
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from banquan.software.models import ProgramFingerprint
from banquan.software.winnow import FingerprintIndex, ProgramPrint
from banquan.software.winnow.store import load_index, save_index

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cached: dict[str, FingerprintIndex] = {}


def index_path() -> Path:
    return Path(settings.DATA_DIR) / "software" / "registry.npz"


def registered_print(program_id: str) -> ProgramPrint:
    """A registered program's fingerprints by its id in the index (the registration id)."""
    row = ProgramFingerprint.objects.only("program").get(registration_id=int(program_id))
    return ProgramPrint.from_bytes(bytes(row.program))


SAVE_EVERY = 1000  # programs added before the file is rewritten (a restart re-adds the rest)
_unsaved: dict[str, int] = {}


def current() -> FingerprintIndex:
    """The index of every registered program, up to date with the database."""
    path = index_path()
    with _lock:
        index = _cached.get(str(path)) or _read(path)
        registered = ProgramFingerprint.objects.filter(registration__isnull=False)
        if index is not None and _same(index, registered):  # one cheap query in the usual case
            _cached[str(path)] = index
            return index
        wanted = {str(r): o for r, o in registered.values_list("registration_id", "owner_key")}
        rebuilt = index is None or not set(index.ids) <= set(wanted)
        if rebuilt:
            index = FingerprintIndex()
        assert index is not None
        added = sorted(set(wanted) - set(index.ids), key=int)
        for program_id in added:
            index.add(program_id, wanted[program_id], registered_print(program_id))
        _unsaved[str(path)] = _unsaved.get(str(path), 0) + len(added)
        if rebuilt or _unsaved[str(path)] >= SAVE_EVERY or not path.exists():
            _write(index, path)
            _unsaved[str(path)] = 0
        _cached[str(path)] = index
        return index


def _same(index: FingerprintIndex, registered) -> bool:
    """Registrations are never deleted (PROTECT), so the same count and newest id mean the same set."""
    from django.db.models import Count, Max

    found = registered.aggregate(n=Count("registration_id"), newest=Max("registration_id"))
    newest = max((int(i) for i in index.ids), default=None)
    return found["n"] == len(index) and found["newest"] == newest


def forget() -> None:
    """Drop the process's copy (the next use reads the file, or rebuilds)."""
    with _lock:
        _cached.clear()


def _read(path: Path) -> FingerprintIndex | None:
    if not path.exists():
        return None
    try:
        return load_index(path)
    except (OSError, ValueError, KeyError) as e:  # a damaged file is rebuilt from the database
        log.warning("software registry index %s unreadable (%s): rebuilding", path, e)
        return None


def _write(index: FingerprintIndex, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _file_lock(path):
            save_index(index, path)
    except OSError as e:  # the index in memory is still right; the file is only a cache
        log.warning("software registry index %s not saved (%s)", path, e)


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with open(path.with_suffix(".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
