"""Checks on a candidate hit, and how it was found (no database).

Only candidates reach this module, so plain Python is fast enough here.
"""

import bisect
import functools

from banquan.screening.text import charmap
from banquan.screening.text.fold import _MARKUP

_DIGITS = frozenset("0123456789")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")


@functools.lru_cache(maxsize=1 << 16)
def fold_char(ch: str) -> str:
    return charmap.fold(ch)


@functools.lru_cache(maxsize=1 << 16)
def symbols_of(ch: str) -> str:
    return charmap.symbols(ch)


def _collapse(s: str) -> str:
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c or c in _DIGITS:
            out.append(c)
    return "".join(out)


def characters(text: str) -> str:
    """The text as the engine reads it, but with real characters instead of syllables."""
    return _collapse("".join(fold_char(c) for c in _MARKUP.sub("", text)))


def same_characters(a: str, b: str) -> bool:
    return characters(a) == characters(b)


def _unglyph(s: str) -> str:
    glyphs = charmap.homoglyphs()
    return "".join(glyphs.get(c, c) for c in s)


# A homophone hit needs a term of at least this many Han characters, one of them written as
# in the term: on ordinary text, two-character and wholly substituted homophones are nearly
# all innocent (基金 for 激进, 时机 for 是鸡) and outnumbered real hits three to one.
MIN_HOMOPHONE_HAN = 3


@functools.lru_cache(maxsize=1 << 16)  # the same words come back again and again
def kind(matched: str, term: str, form: str, split_text: str, han: int) -> str | None:
    """How ``matched`` stands for ``term``; None when the candidate is too weak to report."""
    if matched == term:
        return "exact"
    a = characters(matched)
    if form in ("pinyin", "initials"):
        # Some Han character of the term must be in Latin letters in the text; otherwise
        # the term's own letters (the qq of 出售硝酸铵qq) carried the match.
        spelled = sum(c in _LATIN for c in a) > sum(c in _LATIN for c in characters(term))
        return form if han >= 2 and spelled else None
    if form == "split":
        b = characters(split_text)
        return "split" if a == b or _unglyph(a) == _unglyph(b) else None
    b = characters(term)
    if a == b:
        return "normalized"
    if _unglyph(a) == _unglyph(b):
        return "homoglyph"
    if form == "sound" and han >= MIN_HOMOPHONE_HAN and _shares_a_character(_unglyph(a), _unglyph(b)):
        return "homophone"
    return None


def initials_plausible(folded, s: int, e: int, units: int, matched: str | None = None) -> bool:
    """Initials match a lot of ordinary Latin text (APP, GPS, qq); keep a hit only when some
    character is spelled out in full, or three or more initials stand together (dkfp), or
    most of the term is in Han characters (代k发票), or it is a two-letter capitalised word
    (BJ, SB). Without ``matched``, the capitals are not checked yet."""
    han = sum(1 for c in folded.tokens[s:e] if ord(c) >= charmap.TOKEN_BASE)
    latin_units = units - han
    latin = sum(1 for c in folded.symbols[s:e] if c in _LATIN)
    if latin > latin_units or latin_units >= 3 or (han >= 2 and units >= 3):
        return True
    if units != 2 or han != 0:
        return False
    return matched is None or (matched.isupper() and len(matched) == 2)


def _shares_a_character(a: str, b: str) -> bool:
    if len(a) == len(b):
        return any(x == y for x, y in zip(a, b, strict=True))
    return bool(set(a) & set(b))


def _runs(text: str) -> list[tuple[str, int]]:
    runs: list[tuple[str, int]] = []
    for s in "".join(symbols_of(c) for c in _MARKUP.sub("", text)):
        if runs and runs[-1][0] == s and s not in _DIGITS:
            runs[-1] = (s, runs[-1][1] + 1)
        else:
            runs.append((s, 1))
    return runs


def has_repeats(term: str) -> bool:
    return any(n > 1 for _, n in _runs(term))


@functools.lru_cache(maxsize=1 << 16)
def repeats_kept(matched: str, term: str) -> bool:
    """A term with a doubled character (二二) is not found in text that has it once."""
    m, t = _runs(matched), _runs(term)
    # The automaton matched symbol by symbol (or sound by sound), so only the run lengths
    # are left to compare.
    return len(m) == len(t) and all(a[1] >= b[1] for a, b in zip(m, t, strict=True))


def _class(ch: str) -> str | None:
    s = symbols_of(ch)
    if not s:
        return None
    return "latin" if s[0] in _LATIN else "digit" if s[0] in _DIGITS else None


class Cover:
    """Whether a span lies inside one of the whitelisted spans, in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._reach: list[int] = []  # the furthest end among spans starting at or before
        for _, b in spans:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)

    def __call__(self, start: int, end: int) -> bool:
        if not self._starts:
            return False
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


def on_boundaries(text: str, start: int, end: int) -> bool:
    """English words and numbers are matched whole: a hit that starts with a letter may not
    follow a letter, and one that starts with a digit may not follow a digit (likewise at
    its end). Han characters need no boundary."""
    first = _class(text[start])
    if first and start > 0 and _class(text[start - 1]) == first:
        return False
    last = _class(text[end - 1])
    return not (last and end < len(text) and _class(text[end]) == last)


def bounded_span(text: str, folded, s: int, e: int) -> tuple[int, int] | None:
    """The original span of symbols [s, e) that stands on word boundaries, or None.

    A repeated symbol covers every copy (``asssert``), even across a space; when the first
    copy breaks a word boundary (``is sha``), the last copy is tried instead, and likewise
    at the end.
    """
    starts = [folded.starts[s]]
    if folded.ends[s] - folded.starts[s] > 1:
        starts.append(_last_copy(text, folded.starts[s], folded.ends[s]))
    ends = [folded.ends[e - 1]]
    if folded.ends[e - 1] - folded.starts[e - 1] > 1:
        ends.append(_first_copy_end(text, folded.starts[e - 1], folded.ends[e - 1]))
    for start in starts:
        for end in ends:
            if start < end and on_boundaries(text, start, end):
                return start, end
    return None


def _last_copy(text: str, lo: int, hi: int) -> int:
    want = symbols_of(text[lo])
    for i in range(hi - 1, lo, -1):
        if symbols_of(text[i]) == want:
            return i
    return lo


def _first_copy_end(text: str, lo: int, hi: int) -> int:
    want = symbols_of(text[hi - 1])
    for i in range(lo, hi - 1):
        if symbols_of(text[i]) == want:
            return i + 1
    return hi
