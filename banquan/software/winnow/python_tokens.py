"""Python through the stdlib ``tokenize``: the exact lexical structure, so strings holding ``#``
and nested brackets are right. Docstrings (strings alone on their logical line) are dropped like
comments: deleting them is the cheapest way to disguise a copy. Adjacent strings are one literal,
since re-wrapping a long string splits it. Indentation is kept as ``{`` / ``}`` (it is Python's
block structure); line breaks inside brackets are not tokens, so reflowing a call changes nothing.
Code the tokenizer refuses (Python 2, broken indentation) goes through the C-like regex tokenizer
with ``#`` comments instead, which is coarser but never fails.
"""

import io
import keyword
import tokenize

from banquan.software.softcopy.languages import language_named
from banquan.software.winnow.clike_tokens import normalise_c_like
from banquan.software.winnow.tokens import Token

_SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER}
_BLOCK = {tokenize.INDENT: "{", tokenize.DEDENT: "}", tokenize.NEWLINE: ";"}
# Python 3.12 splits f-strings into parts with the expressions' tokens in between; one literal here.
_FSTRING_START = getattr(tokenize, "FSTRING_START", -1)
_FSTRING_END = getattr(tokenize, "FSTRING_END", -1)
KEYWORDS = frozenset(keyword.kwlist)


def normalise_python(text: str) -> list[Token]:
    try:
        raw = _significant(text)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        python = language_named("Python")
        assert python is not None
        return normalise_c_like(text, python)
    tokens: list[Token] = []
    i = 0
    while i < len(raw):
        symbol, line = raw[i]
        end = i + 1
        if symbol == "S":
            while end < len(raw) and raw[end][0] == "S":
                end += 1  # "a" "b" is one literal
            starts_line = i == 0 or raw[i - 1][0] in "{};"
            if starts_line and (end == len(raw) or raw[end][0] == ";"):
                i = end + 1  # a docstring and its NEWLINE
                continue
        tokens.append(Token(symbol, line))
        i = end
    return tokens


def _significant(text: str) -> list[tuple[str, int]]:
    """(symbol, line) of every token that is not a comment or layout, f-strings folded to one ``S``."""
    out: list[tuple[str, int]] = []
    fstring_depth = 0
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == _FSTRING_START:
            if fstring_depth == 0:
                out.append(("S", tok.start[0]))
            fstring_depth += 1
        elif tok.type == _FSTRING_END:
            fstring_depth -= 1
        elif fstring_depth or tok.type in _SKIP or (tok.type == tokenize.ERRORTOKEN and not tok.string.strip()):
            continue
        else:
            out.append((_symbol(tok), tok.start[0]))
    return out


def _symbol(tok: tokenize.TokenInfo) -> str:
    if tok.type == tokenize.NUMBER:
        return "N"
    if tok.type == tokenize.STRING:
        return "S"
    if tok.type in _BLOCK:
        return _BLOCK[tok.type]
    if tok.type == tokenize.NAME:
        return tok.string if tok.string in KEYWORDS else "I"
    return tok.string
