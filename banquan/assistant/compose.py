"""Composing the embedded answer from the best passages: extractive, a few sentences, each
source cited by number. Pure: no Django.

From the best passage the sentences that share most of the question's words are taken (at
most four, about 260 characters, in the passage's own order so the answer reads as written);
a second passage from another section adds its best sentence when it ranks close to the
first (≥ 75 % of its score), e.g. the fee article and the software article for 软件登记收费吗.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from banquan.assistant import text
from banquan.assistant.knowledge import Passage, plain
from banquan.assistant.retrieval import Hit, Result

MAX_SENTENCES = 4
MAX_CHARS = 260
SECOND_SOURCE_RATIO = 0.75


@dataclass(frozen=True)
class Source:
    slug: str
    title: str
    heading: str
    anchor: str

    @classmethod
    def of(cls, p: Passage) -> Source:
        return cls(p.slug, p.title, p.heading, p.anchor)

    @property
    def label(self) -> str:
        return f"{self.title} · {self.heading}" if self.heading else self.title


@dataclass(frozen=True)
class Answer:
    text: str
    sources: list[Source] = field(default_factory=list)
    confident: bool = True
    via: str = "retrieval"  # or "model"


UNSURE = "这个问题我没有把握回答准确。"
UNSURE_RELATED = "知识库中可能相关的内容："
NOTHING = "知识库中没有找到与这个问题相关的内容。"


def _score(sentence: str, matched: frozenset[str]) -> int:
    words = set(text.tokens(sentence))
    return sum(len(w) for w in words & matched)


def best_sentences(hit: Hit, limit: int = MAX_SENTENCES) -> list[str]:
    found = text.sentences(plain(hit.passage.text))
    if not found:
        return []
    scored = sorted(range(len(found)), key=lambda i: (-_score(found[i], hit.matched), i))
    chosen: list[int] = []
    size = 0
    for i in scored:
        if _score(found[i], hit.matched) == 0 and chosen:
            break
        if chosen and (len(chosen) >= limit or size + len(found[i]) > MAX_CHARS):
            break
        chosen.append(i)
        size += len(found[i])
    return [found[i] for i in sorted(chosen)]


def compose(result: Result) -> Answer:
    if not result.hits:
        return Answer(f"{UNSURE}{NOTHING}", [], confident=False)
    first = result.hits[0]
    parts = [("".join(best_sentences(first)), first)]
    for hit in result.hits[1:]:
        if hit.score < SECOND_SOURCE_RATIO * first.score:
            break
        if hit.passage.slug != first.passage.slug or hit.passage.anchor != first.passage.anchor:
            parts.append(("".join(best_sentences(hit, limit=1)), hit))
            break
    body = "\n".join(f"{sentences}[{n}]" for n, (sentences, _) in enumerate(parts, 1))
    sources = [Source.of(hit.passage) for _, hit in parts]
    if not result.confident:
        return Answer(f"{UNSURE}{UNSURE_RELATED}\n{body}", sources, confident=False)
    return Answer(body, sources, confident=True)
