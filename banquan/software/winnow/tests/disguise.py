"""The disguises a copier applies, on real source text: renamed identifiers, reformatted code,
removed comments, reordered and renamed files. Used by the tests and by ``bench/winnow.py``.
Each keeps the program compiling in spirit (consistent renaming, same nesting), which is what a
copier needs and what fingerprinting must see through."""

import io
import re
import tokenize
import zlib

from banquan.software.softcopy.languages import Language
from banquan.software.softcopy.selection import ProgramFile
from banquan.software.winnow.clike_tokens import KEYWORDS as C_KEYWORDS
from banquan.software.winnow.clike_tokens import token_pattern
from banquan.software.winnow.python_tokens import KEYWORDS as PY_KEYWORDS
from banquan.software.winnow.tokens import family

# Not a string prefix (f"…", rb'…', L"…"): renaming it would change what the string is.
_NAME = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b(?![\"'])")


def new_name(name: str, salt: str = "") -> str:
    return "v" + format(zlib.crc32((salt + name).encode()), "08x")


def rename_identifiers(text: str, language: Language, salt: str = "") -> str:
    """Every name consistently renamed; only in the tokenized families (Python, C-like): in HTML
    or SQL a word may be markup or a keyword, and renaming it rewrites the document."""
    if family(language) == "text":
        return text
    keywords = PY_KEYWORDS if language.name == "Python" else C_KEYWORDS
    return _NAME.sub(lambda m: m.group() if m.group() in keywords else new_name(m.group(), salt), text)


def strip_comments(text: str, language: Language) -> str:
    if family(language) == "text":
        return text
    if language.name == "Python":
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        except (tokenize.TokenError, IndentationError, SyntaxError):
            return text
        lines = text.split("\n")
        for tok in tokens:
            if tok.type == tokenize.COMMENT:
                row, col = tok.start
                lines[row - 1] = lines[row - 1][:col].rstrip()
        return "\n".join(lines)
    out = []
    for match in token_pattern(language).finditer(text):
        piece = match.group()
        if match.lastgroup == "skip" and not piece.isspace():
            piece = "\n" * piece.count("\n") or " "  # a comment goes, its line breaks stay
        out.append(piece)
    return "".join(out)


def reformat(text: str, language: Language) -> str:
    if language.name == "Python":
        # Indent by two spaces instead of four, and space the code out with blank lines.
        lines = [re.sub(r"^((?:    )+)", lambda m: "  " * (len(m.group(1)) // 4), line) for line in text.split("\n")]
        return "\n".join(line + ("\n" if line.rstrip().endswith(":") else "") for line in lines)
    if family(language) == "text":
        return re.sub(r"[ \t]+", "  ", text)
    text = re.sub(r"[ \t]*\{[ \t]*\n", "\n{\n", text)  # braces on their own line (Allman style)
    return re.sub(r"[ \t]+", " ", text)


def disguise(files: list[ProgramFile], salt: str = "x") -> list[ProgramFile]:
    """All at once: every file renamed, reformatted, stripped of comments, and the order reversed."""
    out = []
    for file in reversed(files):
        text = reformat(rename_identifiers(strip_comments(file.text, file.language), file.language, salt), file.language)
        out.append(ProgramFile("copied/" + file.path.replace("/", "_"), file.language, text))
    return out
