"""Knowledge-base articles as Markdown, cut into passages (one per ``##`` section). Pure.

An article reads::

    # 标题
    > 依据：……            (optional: the legal basis, shown on the article page)
    intro paragraph        (optional: a passage of its own, headed by the title)
    ## 小节标题
    text …

A passage is what retrieval ranks and what an answer cites: article title + section heading,
with an anchor (``s1``, ``s2`` …) for the link to that section of the article page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_BASIS = re.compile(r"^>\s*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Passage:
    slug: str  # the article's
    title: str  # the article's
    heading: str  # the section's ("" for the intro)
    anchor: str  # "" for the intro, else "s1", "s2", …
    text: str  # the section body, Markdown


def title_of(body: str, default: str = "") -> str:
    found = _TITLE.search(body)
    return found.group(1) if found else default


def basis_of(body: str) -> str:
    """The article's ``> 依据：…`` line (its legal basis), or ''."""
    head = _HEADING.split(body, maxsplit=1)[0]
    return " ".join(m.group(1).strip() for m in _BASIS.finditer(head)).strip()


def passages(slug: str, title: str, body: str) -> list[Passage]:
    parts = _HEADING.split(body)
    intro = _BASIS.sub("", _TITLE.sub("", parts[0])).strip()
    found = [Passage(slug, title, "", "", intro)] if intro else []
    for n, (heading, text) in enumerate(zip(parts[1::2], parts[2::2], strict=True), 1):
        if text.strip():
            found.append(Passage(slug, title, heading.strip(), f"s{n}", text.strip()))
    return found


def sections(body: str) -> list[tuple[str, str, str]]:
    """(anchor, heading, Markdown text) of each ``##`` section, for the article page."""
    parts = _HEADING.split(body)
    return [(f"s{n}", h.strip(), t.strip()) for n, (h, t) in enumerate(zip(parts[1::2], parts[2::2], strict=True), 1)]


_MARKUP = re.compile(r"(\*\*|__|`|^\s*[-*+]\s+|^\s*\d+\.\s+|^>\s*)", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain(markdown: str) -> str:
    """Markdown → readable plain text for composed answers (links keep their words)."""
    return _MARKUP.sub("", _LINK.sub(r"\1", markdown))
