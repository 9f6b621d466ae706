"""Rendering knowledge articles for their public page: Markdown with raw HTML off (staff
write it, visitors read it), one block per ``##`` section with its anchor."""

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from banquan.assistant import knowledge

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def render(markdown: str) -> SafeString:
    return mark_safe(_md.render(markdown))  # noqa: S308 — html is off: markdown-it escapes raw HTML


def article_blocks(body: str) -> dict:
    head = body.split("\n## ", 1)[0]
    intro = "\n".join(line for line in head.splitlines() if not line.startswith(("# ", ">"))).strip()
    return {
        "basis": knowledge.basis_of(body),
        "intro": render(intro) if intro else "",
        "sections": [{"anchor": a, "heading": h, "html": render(t)} for a, h, t in knowledge.sections(body)],
    }
