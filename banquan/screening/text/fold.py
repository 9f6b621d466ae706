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
    on word boundaries — as (pattern, start, end) in original offsets — and the rest, as
    (pattern, s, e) in symbol indices; verbatim matches off a boundary are dropped
    (see _fold.c)."""
    if _native is not None:
        table, pool, _ = _buffers()
        exact, rest = _native.verbatim(matches, text, folded.starts, folded.ends, terms, table, pool)
        return list(struct.iter_unpack("iii", exact)), list(struct.iter_unpack("iii", rest))
    found: list[tuple[int, int, int]] = []
    others: list[tuple[int, int, int]] = []
    for s, e, p in matches:
        start, end, term = folded.starts[s], folded.ends[e - 1], terms[p]
        if term is not None and text[start:end] == term:
            if _on_boundaries(text, start, end):
                found.append((p, start, end))
        else:
            others.append((p, s, e))
    return found, others


def sounds_alike(matches: list[tuple[int, int, int]], symbols: str,
                 forms: list[str | None]) -> list[tuple[int, int, int]]:
    """The token matches (start, end, pattern) whose characters agree with the term's form
    forms[pattern] somewhere but not everywhere, as (pattern, start, end) (see _fold.c)."""
    if _native is not None:
        return list(struct.iter_unpack("iii", _native.sounds_alike(matches, symbols, forms)))
    out = []
    for s, e, p in matches:
        form = forms[p]
        if form is not None:
            same = [a == b for a, b in zip(symbols[s:e], form, strict=False)]
            if not any(same) or all(same):
                continue
        out.append((p, s, e))
    return out


def spell(tokens: str, windows: list[tuple[int, int]]) -> tuple[str, "array[int] | memoryview", bytes]:
    """The pinyin spelling of tokens in each window, windows joined by NUL, with the symbol
    each letter spells and flags (1 = first letter of its symbol, 2 = a Latin letter of the
    text); see _fold.c."""
    if _native is not None:
        letters, owner, flags = _native.spell(tokens, windows, charmap.syllables(), charmap.TOKEN_BASE)
        return letters, memoryview(owner).cast("i"), flags
    names = charmap.syllables()
    out: list[str] = []
    owners = array("i")
    marks = bytearray()
    for w, (lo, hi) in enumerate(windows):
        if w:
            out.append("\0")
            owners.append(-1)
            marks.append(1)
        for i in range(lo, hi):
            c = tokens[i]
            k = ord(c) - charmap.TOKEN_BASE
            chunk = names[k] if 0 <= k < len(names) else c
            latin = 2 if chunk == c and "a" <= c <= "z" else 0
            out.append(chunk)
            owners.extend([i] * len(chunk))
            marks.extend([1 | latin] + [latin] * (len(chunk) - 1))
    return "".join(out), owners, bytes(marks)


def spelled_hits(matches: list[tuple[int, int, int]], owner, flags: bytes) -> list[tuple[int, int, int]]:
    """Matches over spell()'s letters that start and end on symbol boundaries, hold a Latin
    letter of the text and do not start or end inside a Latin word, as (pattern, s, e) in
    symbol indices; see _fold.c."""
    if _native is not None:
        return list(struct.iter_unpack("iii", _native.spelled_hits(matches, owner, flags)))
    n = len(flags)
    out = []
    for ls, le, p in matches:
        if not flags[ls] & 1 or (le < n and not flags[le] & 1):
            continue
        if flags[ls] & 2 and ls > 0 and flags[ls - 1] & 2:
            continue
        if flags[le - 1] & 2 and le < n and flags[le] & 2:
            continue
        if any(flags[k] & 2 for k in range(ls, le)):
            out.append((p, owner[ls], owner[le - 1] + 1))
    return out


def _on_boundaries(text: str, start: int, end: int) -> bool:
    from banquan.screening.text.classify import on_boundaries

    return on_boundaries(text, start, end)


def native_available() -> bool:
    return _native is not None
