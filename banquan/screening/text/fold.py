"""Fold a text into the scanned symbol stream, keeping each symbol's original span.

The native module ``_fold`` (C, built at install) does this at a few hundred MB/s; this
module's ``fold_python`` is its pure-Python twin, used where no C compiler was available and
in the tests that hold the two to the same behaviour.
"""

import functools
import re
import struct
from array import array
from typing import NamedTuple

from banquan.screening.text import charmap

try:
    from banquan.screening.text import _fold as _native  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - only without a C compiler at install time
    _native = None

_MARKUP = re.compile(r"<[A-Za-z/!][^<>]{0,253}>|&#?[A-Za-z0-9]{1,10};")
_DIGITS = frozenset("0123456789")


class Folded(NamedTuple):
    symbols: str  # folded characters
    tokens: str  # the same, with Han characters as syllable tokens
    starts: "array[int] | memoryview"  # original start of each symbol
    ends: "array[int] | memoryview"  # original end (exclusive) of each symbol


@functools.cache
def _buffers() -> tuple[bytes, bytes, bytes]:
    entries, pool = charmap.table()
    return entries.tobytes(), pool.tobytes(), charmap.sounds().tobytes()


def fold_python(text: str) -> Folded:
    entries, pool = charmap.table()
    size = len(entries)
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "<&":
            m = _MARKUP.match(text, i)
            if m and (ch == "&" or m.end() - i <= 256):
                i = m.end()
                continue
        cp = ord(ch)
        v = entries[cp] if cp < size else cp
        if v & charmap.MULTI:
            count, offset = (v >> 24) & 0x7F, v & 0xFFFFFF
            syms = [chr(x) for x in pool[offset:offset + count]]
        else:
            syms = [chr(v)] if v else []
        for s in syms:
            if out and out[-1] == s and s not in _DIGITS:
                ends[-1] = i + 1
            else:
                out.append(s)
                starts.append(i)
                ends.append(i + 1)
        i += 1
    sounds = charmap.sounds()
    tokens = "".join(chr(sounds[ord(c)] or ord(c)) if ord(c) < len(sounds) else c for c in out)
    return Folded("".join(out), tokens, starts, ends)


def fold(text: str) -> Folded:
    if _native is None:
        return fold_python(text)
    table, pool, sounds = _buffers()
    symbols, tokens, starts, ends = _native.fold(text, table, pool, sounds)
    return Folded(symbols, tokens, memoryview(starts).cast("i"), memoryview(ends).cast("i"))


def verbatim(matches: list[tuple[int, int, int]], text: str, folded: Folded,
             terms: list[str | None]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Split automaton matches (start, end, pattern) into those that are verbatim their term
    — as (pattern, start, end) in original offsets — and the rest, as (pattern, s, e) in
    symbol indices (see _fold.c)."""
    if _native is not None:
        exact, rest = _native.verbatim(matches, text, folded.starts, folded.ends, terms)
        return list(struct.iter_unpack("iii", exact)), list(struct.iter_unpack("iii", rest))
    found: list[tuple[int, int, int]] = []
    others: list[tuple[int, int, int]] = []
    for s, e, p in matches:
        start, end, term = folded.starts[s], folded.ends[e - 1], terms[p]
        if term is not None and text[start:end] == term:
            found.append((p, start, end))
        else:
            others.append((p, s, e))
    return found, others


def native_available() -> bool:
    return _native is not None
