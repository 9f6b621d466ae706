"""Checks on a candidate hit, and how it was found (no database).

Only candidates reach this module, so plain Python is fast enough here.
"""

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


def kind(matched: str, term: str, form: str, split_text: str, han: int) -> str | None:
    """How ``matched`` stands for ``term``; None when the candidate is too weak to report.

    Sound-alike forms (homophones, pinyin, initials) need a term of at least two Han
    characters: one syllable alone matches far too much innocent text.
    """
    if matched == term:
        return "exact"
    if form in ("pinyin", "initials"):
        return form if han >= 2 else None
    a = characters(matched)
    if form == "split":
        b = characters(split_text)
        return "split" if a == b or _unglyph(a) == _unglyph(b) else None
    b = characters(term)
    if a == b:
        return "normalized"
    if _unglyph(a) == _unglyph(b):
        return "homoglyph"
    return "homophone" if han >= 2 else None


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


def repeats_kept(matched: str, term: str) -> bool:
    """A term with a doubled character (二二) is not found in text that has it once."""
    m, t = _runs(matched), _runs(term)
    return len(m) == len(t) and all(a[0] == b[0] and a[1] >= b[1] for a, b in zip(m, t, strict=True))


def _class(ch: str) -> str | None:
    s = symbols_of(ch)
    if not s:
        return None
    return "latin" if s[0] in _LATIN else "digit" if s[0] in _DIGITS else None


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


def spell(symbols: str, lo: int, hi: int) -> tuple[str, list[int], list[bool]]:
    """The letters of symbols[lo:hi] with Han syllables spelled out in pinyin, which symbol
    each letter comes from, and whether it is the first letter of that symbol."""
    letters: list[str] = []
    owner: list[int] = []
    first: list[bool] = []
    for i in range(lo, hi):
        s = symbols[i]
        spelled = charmap.syllable_of(s) if ord(s) >= charmap.TOKEN_BASE else None
        chunk = spelled or s
        letters.append(chunk)
        owner.extend([i] * len(chunk))
        first.extend([True] + [False] * (len(chunk) - 1))
    return "".join(letters), owner, first


def has_latin(symbols: str, s: int, e: int) -> bool:
    return any(c in _LATIN for c in symbols[s:e])
