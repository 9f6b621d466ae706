"""Search terms for registrations (no database).

Chinese has no spaces, and two-character queries (姓名, 词语) are the common case, so every
searchable text is indexed by its overlapping character bigrams; a query matches a record
holding all of the query's bigrams, and the candidates are then checked for the exact
substring. Text is case-folded and NFKC-normalised so full-width and half-width match.
"""

import unicodedata


def normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def bigrams(text: str) -> set[str]:
    t = normalise(text)
    return {t[i : i + 2] for i in range(len(t) - 1)}
