"""The screening engine: build a ``Screener`` from lexicon terms, scan text for every hit.

A scan folds the text once (native code, see fold.py) into a stream of characters and a
parallel stream of syllable tokens, runs an Aho-Corasick automaton (daachorse) over
each — terms and split forms over the characters, homophones over the tokens — and, only
where the text has Latin letters, a third over the pinyin spelling of the nearby text. Candidates are
then checked (English word and digit boundaries, repeated characters, whitelist) and each
hit is told how it was found, so a reviewer can weigh it. Offsets are always into the
ORIGINAL text. See docs/screening.md for the rules and the cases where banquan differs
from other engines.
"""

import re
from array import array
from collections.abc import Iterable
from typing import NamedTuple

import daachorse

from banquan.screening.text import classify, patterns, variants
from banquan.screening.text.fold import Folded, fold, sounds_alike, spell, spelled_hits, verbatim
from banquan.screening.text.lexicon import Term

# How a hit was found, strongest first. Fuzzy kinds are likelier to be innocent.
KINDS = ("exact", "normalized", "pinyin", "homoglyph", "split", "initials", "homophone", "pattern")
FUZZY_KINDS = frozenset({"initials", "homophone", "homoglyph", "split"})
_RANK = {k: i for i, k in enumerate(KINDS)}
_LATIN_RUN = re.compile("[a-z]+")
PINYIN_WINDOW = 6  # symbols either side of a Latin run searched for pinyin evasions


class Hit(NamedTuple):
    term: str  # the lexicon term
    category: str
    level: int
    kind: str  # one of KINDS
    start: int  # character offsets into the ORIGINAL text, end exclusive
    end: int
    matched: str  # text[start:end]

    def as_dict(self) -> dict:
        return self._asdict()


class _Entry(NamedTuple):
    term: int  # index into Screener.terms; negative = whitelist entry -1 - index
    form: str  # "base", "sound", "split" or a letter-form kind ("pinyin"/"initials")
    split_at: int = -1  # for "split": which character of the term's form is split


_FORMS = ("base", "sound", "split", "pinyin", "initials")
_FORM_CODE = {f: i for i, f in enumerate(_FORMS)}


class _Entries:
    """Per pattern number, the entries it stands for. Nearly every pattern stands for one
    term in one form, packed into an int (term << 3 | form); the few others are kept whole.
    Saves most of the memory Python objects would take (10^6 terms make ~7 × 10^6 patterns)."""

    def __init__(self, groups: Iterable[list[_Entry]]):
        self._codes = array("q")
        self._many: list[tuple[_Entry, ...]] = []
        self._split: dict[int, int] = {}
        for pid, group in enumerate(groups):
            e = group[0]
            if len(group) == 1 and e.term >= 0:
                self._codes.append(e.term << 3 | _FORM_CODE[e.form])
                if e.split_at >= 0:
                    self._split[pid] = e.split_at
            else:
                self._codes.append(-1 - len(self._many))
                self._many.append(tuple(group))

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, pid: int) -> tuple[_Entry, ...]:
        code = self._codes[pid]
        if code < 0:
            return self._many[-1 - code]
        return (_Entry(code >> 3, _FORMS[code & 7], self._split.get(pid, -1)),)

    def term(self, pid: int) -> int:
        """The term of a single-entry pattern."""
        return self._codes[pid] >> 3


def _compile(forms: dict[str, list[_Entry]]) -> tuple["daachorse.CharwiseDoubleArrayAhoCorasick | None", _Entries]:
    if not forms:
        return None, _Entries([])
    return daachorse.CharwiseDoubleArrayAhoCorasick(list(forms)), _Entries(forms.values())


class Screener:
    def __init__(self, terms: list[Term], whitelist: list[str], detect_contacts: bool = False):
        self.terms = terms
        self.whitelist = whitelist
        self.detect_contacts = detect_contacts
        self._symbol_forms: dict[str, list[_Entry]] = {}
        self._token_forms: dict[str, list[_Entry]] = {}
        self._letter_forms: dict[str, list[_Entry]] = {}
        self._han: list[int] = []
        self._repeats: list[bool] = []
        self._forms: list[str] = []  # each term's symbol form
        for i, term in enumerate(terms):
            self._add_term(i, term.text)
        for i, text in enumerate(whitelist):
            form, _ = variants.forms(text)
            if form:
                self._symbol_forms.setdefault(form, []).append(_Entry(-1 - i, "base"))
        # The term a pattern stands for when a verbatim match needs no further check.
        self._verbatim: list[str | None] = []
        for entries in self._symbol_forms.values():
            e = entries[0]
            # A verbatim match of a term without doubled characters needs no check but its
            # word boundaries (done natively).
            plain = len(entries) == 1 and e.form == "base" and e.term >= 0 and not self._repeats[e.term]
            self._verbatim.append(terms[e.term].text if plain else None)
        # Only the automata and, per pattern number, what it stands for are kept.
        self._symbols, self._symbol_entries = _compile(self._symbol_forms)
        self._tokens, self._token_entries = _compile(self._token_forms)
        self._letters, self._letter_entries = _compile(self._letter_forms)
        # A homophone keeps one of the term's characters, but not all (those are found by
        # the character automaton); checked natively when a pattern has one term.
        self._token_first_forms = [self._forms[e[0].term] if len(e) == 1 else None
                                   for e in (self._token_entries[pid] for pid in range(len(self._token_entries)))]
        del self._symbol_forms, self._token_forms, self._letter_forms

    @classmethod
    def build(cls, terms: Iterable[Term], whitelist: Iterable[str] = (), *,
              detect_contacts: bool = False) -> "Screener":
        return cls(list(terms), list(whitelist), detect_contacts)

    def _add_term(self, i: int, text: str) -> None:
        form, tokens = variants.forms(text)
        self._forms.append(form)
        han = variants.han_count(tokens)
        self._han.append(han)
        self._repeats.append(classify.has_repeats(text))
        if not form:
            return
        self._symbol_forms.setdefault(form, []).append(_Entry(i, "base"))
        if han >= classify.MIN_HOMOPHONE_HAN:
            self._token_forms.setdefault(tokens, []).append(_Entry(i, "sound"))
        for split_form, position in variants.split_forms(form):
            self._symbol_forms.setdefault(split_form, []).append(_Entry(i, "split", position))
        spellings = {tokens}
        if self._repeats[-1]:  # 妹妹 may be written 妹mei: spell the doubled character twice
            spellings.add("".join(variants.forms(c)[1] for c in text))
        for lf in (lf for t in spellings for lf in variants.letter_forms(t)):
            kind = "initials" if lf.initials else "pinyin"
            entry = _Entry(i, kind)
            self._letter_forms.setdefault(lf.letters, []).append(entry)

    # -- scanning ---------------------------------------------------------------------

    def scan(self, text: str, *, categories: Iterable[str] | None = None) -> list[Hit]:
        """Every hit in ``text``, overlapping ones included, ordered by position;
        ``categories`` keeps only hits in those categories."""
        if not text:
            return []
        folded = fold(text)
        found: dict[tuple[int, int, int], str] = {}
        allowed: list[tuple[int, int]] = []
        if self._symbols is not None:
            raw = self._symbols.find_overlapping(folded.symbols)
            exact, rest = verbatim(raw, text, folded, self._verbatim)
            entries = self._symbol_entries
            for pid, start, end in exact:  # verbatim patterns stand for one term
                found[(entries.term(pid), start, end)] = "exact"
            for pid, s, e in rest:
                for entry in entries[pid]:
                    self._consider(text, folded, entry, s, e, found, allowed)
        if self._tokens is not None:
            for pid, s, e in sounds_alike(self._tokens.find_overlapping(folded.tokens), folded.symbols,
                                          self._token_first_forms):
                for entry in self._token_entries[pid]:
                    self._consider(text, folded, entry, s, e, found, allowed)
        if self._letters is not None and _LATIN_RUN.search(folded.symbols):
            for entry, s, e in self._letter_matches(text, folded):
                self._consider(text, folded, entry, s, e, found, allowed)
        hits = []
        new = tuple.__new__
        covered = classify.Cover(allowed)
        for (ti, start, end), kind in sorted(found.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])):
            if covered(start, end):
                continue
            t = self.terms[ti]
            hits.append(new(Hit, (t.text, t.category, t.level, kind, start, end, text[start:end])))
        if self.detect_contacts:
            for what, start, end in patterns.find(text, folded):
                hits.append(Hit(what, patterns.CATEGORY, 1, "pattern", start, end, text[start:end]))
            hits.sort(key=lambda h: (h.start, h.end))
        if categories is not None:
            wanted = set(categories)
            hits = [h for h in hits if h.category in wanted]
        return hits

    def _consider(self, text: str, folded: Folded, entry: _Entry, s: int, e: int,
                  found: dict[tuple[int, int, int], str], allowed: list[tuple[int, int]]) -> None:
        span = classify.bounded_span(text, folded, s, e)
        if span is None:
            return
        start, end = span
        matched = text[start:end]
        if entry.term < 0:
            if classify.same_characters(matched, self.whitelist[-1 - entry.term]):
                allowed.append((start, end))
            return
        term = self.terms[entry.term].text
        split = variants.split_text(self._forms[entry.term], entry.split_at) if entry.form == "split" else ""
        kind = classify.kind(matched, term, entry.form, split, self._han[entry.term])
        if kind is None:
            return
        if kind == "initials" and not classify.initials_plausible(
                folded, s, e, self._han[entry.term], matched):
            return
        if self._repeats[entry.term] and entry.form not in ("pinyin", "initials") \
                and not classify.repeats_kept(matched, term):
            return
        key = (entry.term, start, end)
        if key not in found or _RANK[kind] < _RANK[found[key]]:
            found[key] = kind

    def _letter_matches(self, text: str, folded: Folded):
        """Pinyin forms, searched in windows around each Latin run of the folded stream."""
        symbols = folded.symbols
        windows: list[tuple[int, int]] = []
        for m in _LATIN_RUN.finditer(symbols):
            lo, hi = max(0, m.start() - PINYIN_WINDOW), min(len(symbols), m.end() + PINYIN_WINDOW)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        letters, owner, flags = spell(folded.tokens, windows)
        assert self._letters is not None
        for pid, s, e in spelled_hits(self._letters.find_overlapping(letters), owner, flags):
            start, end = folded.starts[s], folded.ends[e - 1]
            if not classify.on_boundaries(text, start, end):
                continue  # inside an English word
            matched = text[start:end]
            for entry in self._letter_entries[pid]:
                if entry.form == "pinyin" or classify.initials_plausible(folded, s, e, self._han[entry.term], matched):
                    yield entry, s, e
