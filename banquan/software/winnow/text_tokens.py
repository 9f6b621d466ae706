"""Languages without a tokenizer here (Ruby, Shell, SQL, HTML, CSS, Lua, …) and documentation:
the non-blank characters outside comments, each a token. Renaming is not undone for them (we do
not know what a name is), but reformatting and removing comments are; k and w are counted in
characters for this family (see ``params.py``). Comments are found by the language's markers
without parsing strings: a marker inside a string cuts the line short the same way in a copy.
"""

import re
from functools import cache

from banquan.software.softcopy.languages import Language
from banquan.software.winnow.tokens import Token


@cache
def _comments(line_comments: tuple[str, ...], block_comments: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    parts = [re.escape(start) + r"[^\n]*" for start in line_comments]
    parts += [re.escape(start) + r".*?(?:" + re.escape(end) + "|$)" for start, end in block_comments]
    return re.compile("|".join(parts), re.DOTALL) if parts else None


def normalise_text(text: str, language: Language | None = None) -> list[Token]:
    if language is not None:
        comments = _comments(language.line_comments, language.block_comments)
        if comments is not None:
            # Keep the line breaks of a removed block so that later lines keep their numbers.
            text = comments.sub(lambda m: "\n" * m.group().count("\n"), text)
    tokens: list[Token] = []
    for number, line in enumerate(text.split("\n"), 1):
        tokens.extend(Token(ch, number) for ch in line if not ch.isspace())
    return tokens
