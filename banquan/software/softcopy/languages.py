"""Programming languages known to the builder: file extensions, comment syntax, keywords.

Keywords feed the checker's "does this look like the declared language" heuristic
(``check/profiles.py``); comment syntax feeds the comment-only line rule (``lines.py``).
"""

from dataclasses import dataclass, field
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Language:
    name: str
    extensions: tuple[str, ...]
    line_comments: tuple[str, ...] = ()
    block_comments: tuple[tuple[str, str], ...] = ()
    keywords: frozenset[str] = field(default_factory=frozenset)


def _kw(words: str) -> frozenset[str]:
    return frozenset(words.split())


C_BLOCK = (("/*", "*/"),)
_C_KEYWORDS = "int char void return if else for while struct static const unsigned sizeof typedef switch case break include define NULL"

LANGUAGES: tuple[Language, ...] = (
    Language("Python", (".py", ".pyw", ".pyi"), ("#",), (),
             _kw("def class import from return self None True False elif lambda yield with as pass raise except try")),
    Language("JavaScript", (".js", ".mjs", ".cjs", ".jsx"), ("//",), C_BLOCK,
             _kw("function var let const return this null undefined new typeof require export import async await")),
    Language("TypeScript", (".ts", ".tsx"), ("//",), C_BLOCK,
             _kw("function let const return this null undefined interface type export import async await readonly")),
    Language("Java", (".java",), ("//",), C_BLOCK,
             _kw("public private protected class static void final new return import package extends implements this null")),
    Language("Kotlin", (".kt", ".kts"), ("//",), C_BLOCK,
             _kw("fun val var class object return import package null when override private data")),
    Language("C", (".c", ".h"), ("//",), C_BLOCK, _kw(_C_KEYWORDS)),
    Language("C++", (".cpp", ".cc", ".cxx", ".hpp", ".hh", ".hxx"), ("//",), C_BLOCK,
             _kw(_C_KEYWORDS + " class namespace template typename std public private virtual nullptr auto")),
    Language("C#", (".cs",), ("//",), C_BLOCK,
             _kw("using namespace public private class static void return new var string int this null")),
    Language("Go", (".go",), ("//",), C_BLOCK,
             _kw("func package import return var type struct nil err if for range defer go chan")),
    Language("Rust", (".rs",), ("//",), C_BLOCK,
             _kw("fn let mut pub impl struct enum use match return self Self mod crate")),
    Language("PHP", (".php",), ("//", "#"), C_BLOCK,
             _kw("function echo return public private class this array new null foreach")),
    Language("Ruby", (".rb",), ("#",), (),
             _kw("def end class module require return self nil do elsif unless attr_accessor")),
    Language("Swift", (".swift",), ("//",), C_BLOCK,
             _kw("func let var class struct import return self nil guard extension protocol")),
    Language("Objective-C", (".m", ".mm"), ("//",), C_BLOCK,
             _kw("interface implementation end self nil return void import property")),
    Language("Shell", (".sh", ".bash"), ("#",), (),
             _kw("if then fi else for do done echo export local case esac function")),
    Language("SQL", (".sql",), ("--",), C_BLOCK,
             _kw("SELECT FROM WHERE INSERT UPDATE DELETE CREATE TABLE JOIN select from where insert update create table")),
    Language("Vue", (".vue",), ("//",), (("/*", "*/"), ("<!--", "-->"))),
    Language("HTML", (".html", ".htm"), (), (("<!--", "-->"),)),
    Language("CSS", (".css", ".scss", ".less"), (), C_BLOCK),
    Language("Lua", (".lua",), ("--",), (("--[[", "]]"),),
             _kw("function local end return then if else elseif nil for do")),
)

_BY_EXTENSION = {ext: lang for lang in LANGUAGES for ext in lang.extensions}
_BY_NAME = {lang.name.lower(): lang for lang in LANGUAGES}


def language_for(path: str) -> Language | None:
    """The language of a file by its extension, or None when it is not source code we know."""
    return _BY_EXTENSION.get(PurePosixPath(path).suffix.lower())


def language_named(name: str) -> Language | None:
    """A language by its name, case-insensitive ("python", "C++")."""
    return _BY_NAME.get(name.strip().lower())
