"""Showing hits in their context (no database): the text around a span with the hits
marked, and overlapping hits grouped so one place in the text is shown once."""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

WIDTH = 30  # characters shown either side of a hit

T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    text: str
    marked: bool


@dataclass
class Window:
    spans: list[Span]
    cut_before: bool  # the text goes on before the window (show …)
    cut_after: bool


def window(text: str, marks: Sequence[tuple[int, int]], *, width: int = WIDTH) -> Window:
    """The text from ``width`` characters before the first mark to ``width`` after the last,
    split into spans, with overlapping marks merged."""
    merged: list[list[int]] = []
    for start, end in sorted(marks):
        start, end = max(0, start), min(len(text), end)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return Window([Span(text[:width * 2], False)], False, len(text) > width * 2)
    lo, hi = max(0, merged[0][0] - width), min(len(text), merged[-1][1] + width)
    spans, pos = [], lo
    for start, end in merged:
        if start > pos:
            spans.append(Span(text[pos:start], False))
        spans.append(Span(text[start:end], True))
        pos = end
    if hi > pos:
        spans.append(Span(text[pos:hi], False))
    return Window(spans, lo > 0, hi < len(text))


def surroundings(text: str, start: int, end: int, *, width: int = WIDTH) -> str:
    """The hit with its context as plain text, e.g. for the API."""
    return text[max(0, start - width):min(len(text), end + width)]


def fingerprint(*, source: str, term: str, kind: str, matched: str, text: str, start: int, end: int) -> str:
    """Identifies "the same hit" across runs: same source, term, kind and surrounding text."""
    around = surroundings(text, start, end, width=10)
    raw = "\0".join([source, term, kind, matched, around])
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class Group(Generic[T]):
    """Hits in one piece whose spans overlap (or touch), shown in one context window."""

    key: object
    start: int
    end: int
    hits: list[T] = field(default_factory=list)


def group(hits: Sequence[T], *, key: Callable[[T], object], span: Callable[[T], tuple[int, int]]) -> list[Group[T]]:
    """Group hits, given in (key, start) order, whose spans overlap within the same key."""
    groups: list[Group[T]] = []
    for h in hits:
        start, end = span(h)
        last = groups[-1] if groups else None
        if last is not None and last.key == key(h) and start < last.end:
            last.end = max(last.end, end)
            last.hits.append(h)
        else:
            groups.append(Group(key(h), start, end, [h]))
    return groups
