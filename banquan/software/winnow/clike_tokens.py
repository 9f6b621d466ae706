"""A small regex tokenizer for C-like languages (C, C++, Java, JavaScript/TypeScript, Go, C#, PHP …).

One pass of one regular expression: comments (the language's own markers, from softcopy's
language table) and whitespace are skipped, string and character literals become ``S``, numbers
``N``, identifiers ``I`` unless they are keywords of the family, and operators stay as written
(longest first). Regular-expression literals in JavaScript and raw strings in C++ are not
recognised: they come out as operator and identifier tokens, the same in a copy as in the
original, which is all fingerprinting needs.
"""

import re
from bisect import bisect_right
from functools import cache

from banquan.software.softcopy.languages import Language
from banquan.software.winnow.tokens import Token

# Keywords of the family (a union: a word that is a keyword in one of them is rarely a name in
# another), plus preprocessor directives, which shape C code as much as keywords do.
KEYWORDS = frozenset("""
abstract as async await auto bool boolean break byte case catch char chan class const constexpr continue
debug default defer define delete do double elif else endif enum error explicit export extends extern
false final finally float fn for foreach func function go goto if ifdef ifndef impl implements import in
include inline instanceof int interface internal is let long loop match mod module mut namespace new
nil null nullptr operator override package pragma private protected pub public range readonly ref
register return select self short signed sizeof static struct super switch synchronized template this
throw throws true try type typedef typename typeof uint undef union unsigned use using val var virtual
void volatile when where while yield echo fun object override data val
""".split())

_STRING = r'"(?:\\.|[^"\\\n])*"?' r"|'(?:\\.|[^'\\\n])*'?" r"|`(?:\\.|[^`\\])*`?"
_NUMBER = r"0[xXbB][0-9a-fA-F_]+[uUlL]*|(?:\d[\d_']*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[a-zA-Z]*"
_NAME = r"[A-Za-z_$][\w$]*"
_OPERATOR = (r">>>=|<<=|>>=|===|!==|\.\.\.|->|=>|::|\+\+|--|&&|\|\||<<|>>|[-+*/%&|^!=<>]=|:=|\S")


@cache
def _pattern(line_comments: tuple[str, ...], block_comments: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    comments = [re.escape(start) + r"[^\n]*" for start in line_comments]
    comments += [re.escape(start) + r".*?(?:" + re.escape(end) + "|$)" for start, end in block_comments]
    skip = "|".join([r"\s+", *comments])
    return re.compile(
        rf"(?P<skip>{skip})|(?P<S>{_STRING})|(?P<N>{_NUMBER})|(?P<I>{_NAME})|(?P<op>{_OPERATOR})", re.DOTALL)


def token_pattern(language: Language) -> re.Pattern[str]:
    """The tokenizer's expression for ``language``; group ``skip`` is whitespace and comments."""
    return _pattern(language.line_comments, language.block_comments)


def normalise_c_like(text: str, language: Language) -> list[Token]:
    pattern = token_pattern(language)
    newlines = [m.start() for m in re.finditer("\n", text)]
    tokens = []
    for match in pattern.finditer(text):
        kind = match.lastgroup
        if kind == "skip":
            continue
        word = match.group()
        if kind == "I":
            symbol = word if word in KEYWORDS else "I"
        else:
            symbol = word if kind == "op" else kind or word
        tokens.append(Token(symbol, bisect_right(newlines, match.start() - 1) + 1))
    return tokens
