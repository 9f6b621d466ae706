"""The screening engine's public face: build a ``Screener`` from terms, scan text for hits.

(Temporary plain-substring implementation; the normalising engine replaces its insides
without changing this interface.)
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from banquan.screening.text.lexicon import Term

# How a hit was found. Fuzzy kinds are likelier to be innocent; the reviewer weighs them.
KINDS = ("exact", "normalized", "pinyin", "initials", "homophone", "homoglyph", "split")
FUZZY_KINDS = frozenset({"initials", "homophone", "homoglyph", "split"})


@dataclass(frozen=True)
class Hit:
    term: str  # the lexicon term
    category: str
    level: int
    kind: str  # one of KINDS
    start: int  # character offsets into the ORIGINAL text, end exclusive
    end: int
    matched: str  # text[start:end]

    def as_dict(self) -> dict:
        return asdict(self)


class Screener:
    def __init__(self, terms: list[Term], whitelist: list[str]):
        self.terms = terms
        self.whitelist = whitelist

    @classmethod
    def build(cls, terms: Iterable[Term], whitelist: Iterable[str] = ()) -> "Screener":
        return cls(list(terms), list(whitelist))

    def scan(self, text: str) -> list[Hit]:
        hits = []
        for t in self.terms:
            i = text.find(t.text)
            while i >= 0:
                hits.append(Hit(t.text, t.category, t.level, "exact", i, i + len(t.text), t.text))
                i = text.find(t.text, i + 1)
        return sorted(hits, key=lambda h: (h.start, h.end))
