"""Normalised token streams, the input of fingerprinting (as MOSS normalises before hashing).

Each token is a symbol and the 1-based line it starts on. Comments and whitespace are gone and
identifiers and literals are placeholders (``I``, ``S``, ``N``), so a copy survives renaming,
reformatting and comment removal; keywords and operators stay, they carry the program's shape.
Three families: Python (the stdlib tokenizer), C-like languages (a small regex tokenizer) and the
rest (non-blank characters outside comments: no tokenizer we would trust for them).
"""

from typing import NamedTuple

from banquan.software.softcopy.languages import Language


class Token(NamedTuple):
    symbol: str
    line: int


# Languages whose lexical syntax (identifiers, quotes, numbers, // and /* */) the regex tokenizer
# follows closely enough; the brief's list plus the other C-syntax languages softcopy knows.
C_LIKE = frozenset({
    "C", "C++", "Java", "JavaScript", "TypeScript", "Go", "C#", "PHP", "Kotlin", "Swift", "Rust", "Objective-C",
})


def family(language: Language) -> str:
    """"python", "c_like" or "text": which normaliser, and which k and w, apply."""
    if language.name == "Python":
        return "python"
    return "c_like" if language.name in C_LIKE else "text"


def normalise(text: str, language: Language) -> list[Token]:
    # Imported here: the tokenizers import ``Token`` from this module.
    from banquan.software.winnow import clike_tokens, python_tokens, text_tokens

    kind = family(language)
    if kind == "python":
        return python_tokens.normalise_python(text)
    if kind == "c_like":
        return clike_tokens.normalise_c_like(text, language)
    return text_tokens.normalise_text(text, language)
