"""The screener this process uses, rebuilt when the lexicon changes (no restart needed).

Each call asks the database for the latest version's number and digest (one indexed query)
and returns the cached screener when they match. Otherwise the calling thread rebuilds it
from that version's snapshot (which can take seconds for a large lexicon); meanwhile other
threads keep getting the previous screener rather than wait, and only a process with no
screener at all waits for the first one. The cache only ever holds finished screeners, so
no thread sees a half-built one. The digest makes the key safe where numbers repeat (a
rolled-back change, a test database reset).
"""

import threading
from dataclasses import dataclass

from banquan.lexicon.models import LexiconVersion
from banquan.screening.text import Screener
from banquan.screening.text import lexicon as files

Key = tuple[int, str]  # (version number, digest); (0, "") before the first version


@dataclass(frozen=True)
class _Built:
    key: Key
    screener: Screener


_cache: _Built | None = None
_building = threading.Lock()


def latest_key() -> Key:
    row = LexiconVersion.objects.order_by("-number").values_list("number", "digest").first()
    return row if row is not None else (0, "")


def _build(key: Key) -> Screener:
    if key[0] == 0:
        return Screener.build([], [])
    version = LexiconVersion.objects.only("terms_text", "whitelist_text").get(number=key[0])
    return Screener.build(files.parse_text(version.terms_text), files.parse_whitelist(version.whitelist_text))


def _current() -> _Built:
    global _cache
    key = latest_key()
    built = _cache  # one read of the reference: a finished screener or None
    if built is not None and built.key == key:
        return built
    if built is None:
        _building.acquire()  # nothing to serve yet: wait for the first one
    elif not _building.acquire(blocking=False):
        return built  # another thread is building the new one: serve the last until then
    try:
        # The thread that held the lock may have built it already, or the lexicon moved on.
        key = latest_key()
        built = _cache
        if built is None or built.key != key:
            built = _Built(key, _build(key))
            _cache = built
        return built
    finally:
        _building.release()


def current_screener() -> Screener:
    return _current().screener


def current_screener_with_version() -> tuple[Screener, int]:
    """The screener and the number of the lexicon version it was built from (0: no version
    yet), for records that say which lexicon screened them."""
    built = _current()
    return built.screener, built.key[0]
