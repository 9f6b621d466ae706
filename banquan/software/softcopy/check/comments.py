"""The comments on a page of code, for the sensitive-word screen.

Uses the declared language's comment syntax (``languages.py``); with no or an unknown language,
every common syntax (``#``, ``//``, ``--``, ``/* */``, ``<!-- -->``). A line comment starts at the
first marker outside a string literal (quotes counted on the line, so approximate). Block comments
are followed across the lines of the page.
"""

from banquan.software.softcopy.languages import Language

GENERIC = Language("generic", (), ("#", "//", "--"), (("/*", "*/"), ("<!--", "-->")))


def comment_text(lines: list[str], language: Language | None) -> str:
    lang = language if language and (language.line_comments or language.block_comments) else GENERIC
    found: list[str] = []
    closing: str | None = None
    for line in lines:
        rest = line
        while rest:
            if closing is not None:
                end = rest.find(closing)
                found.append(rest if end < 0 else rest[:end])
                if end < 0:
                    break
                rest, closing = rest[end + len(closing):], None
                continue
            start, marker, closing_mark = _first_marker(rest, lang)
            if marker is None:
                break
            if closing_mark is None:  # a line comment runs to the end of the line
                found.append(rest[start + len(marker):])
                break
            rest, closing = rest[start + len(marker):], closing_mark
    return "\n".join(part.strip() for part in found if part.strip())


def _first_marker(text: str, lang: Language) -> tuple[int, str | None, str | None]:
    candidates: list[tuple[int, str, str | None]] = [(text.find(m), m, None) for m in lang.line_comments if m in text]
    candidates += [(text.find(a), a, b) for a, b in lang.block_comments if a in text]
    for index, marker, closing in sorted(candidates, key=lambda c: c[0]):
        before = text[:index]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return index, marker, closing
    return -1, None, None
