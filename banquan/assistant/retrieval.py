"""BM25 ranking of knowledge passages (bm25s) and the confidence rule. Pure: no Django.

Each passage is indexed with its article title and section heading in front of its text (the
heading twice: a section called 审查期限 is about time limits even if its text says 60 日).
A question is tokenized the same way plus the regulation words for its everyday ones
(``text.SYNONYMS``).

The confidence rule decides when the assistant should not answer alone: no passage shares a
word with the question, or the best one covers less than half of the question's meaning. The
"meaning" of a question is its words weighted by idf (a word no passage contains weighs the
most, so 商标注册 asked of a copyright knowledge base is not covered by 登记 alone); a word
counts as covered when it or one of its synonyms is in the passage.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import bm25s
import numpy as np

from banquan.assistant import text
from banquan.assistant.knowledge import Passage

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build

MIN_COVERAGE = 0.5  # share of the question's idf weight the best passage must contain
MIN_SCORE = 1.0  # BM25 score below which a match is incidental (one common word)


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    coverage: float  # 0..1, see the module docstring
    matched: frozenset[str]  # the question's words (and synonyms) found in the passage


@dataclass(frozen=True)
class Result:
    question: str
    hits: list[Hit]  # best first

    @property
    def confident(self) -> bool:
        return bool(self.hits) and self.hits[0].score >= MIN_SCORE and self.hits[0].coverage >= MIN_COVERAGE


def passage_tokens(p: Passage) -> list[str]:
    return [*text.tokens(p.title), *text.tokens(p.heading) * 2, *text.tokens(p.text)]



class Index:
    def __init__(self, passages: list[Passage]):
        self.passages = passages
        self._docs = [passage_tokens(p) for p in passages]
        self._sets = [frozenset(d) for d in self._docs]
        self._bm25 = bm25s.BM25()
        if passages:
            self._bm25.index(self._docs, show_progress=False)
        n = len(passages)
        df: dict[str, int] = {}
        for s in self._sets:
            for w in s:
                df[w] = df.get(w, 0) + 1
        self._df = df
        self._n = n

    def idf(self, word: str) -> float:
        df = self._df.get(word, 0)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def _groups(self, question: str) -> list[frozenset[str]]:
        """Each word of the question with its synonyms: covered when any of them is found."""
        return [frozenset({w, *text.SYNONYMS.get(w, ())}) for w in dict.fromkeys(text.tokens(question))]

    def search(self, question: str, k: int = 5) -> Result:
        words = text.query_tokens(question)
        known = [w for w in words if w in self._df]
        if not known:
            return Result(question, [])
        scores = np.asarray(self._bm25.get_scores(known))
        order = [int(i) for i in np.argsort(-scores, kind="stable")[:k] if scores[i] > 0]
        groups = self._groups(question)
        weights = [max(self.idf(w) for w in g) for g in groups]
        total = sum(weights) or 1.0
        hits = []
        for i in order:
            found = self._sets[i]
            covered = sum(wt for g, wt in zip(groups, weights, strict=True) if g & found)
            hits.append(Hit(self.passages[i], float(scores[i]), covered / total, frozenset(w for w in words if w in found)))
        return Result(question, hits)


def naive_search(passages: list[Passage], question: str, k: int = 5) -> list[tuple[float, Passage]]:
    """The baseline for bench/assistant.py: tokenize every passage for every question and count
    shared words — what one writes without an index."""
    words = set(text.query_tokens(question))
    scored = [(float(sum(1 for w in passage_tokens(p) if w in words)), p) for p in passages]
    scored.sort(key=lambda t: -t[0])
    return [s for s in scored[:k] if s[0] > 0]
