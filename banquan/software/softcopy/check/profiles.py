"""Does a page of code look like the declared language? A deliberately simple, explainable test.

Each language has a handful of *signatures*: regular expressions for lines only that language (or
its family) writes — ``def f(...):`` and ``self.`` for Python, ``#include`` and ``->`` for C, ``:=``
and ``func`` for Go. A page's score for a language is the number of signature matches per
non-blank line. The page is reported when another language scores at least
``MISMATCH_MARGIN`` times the declared one (and at least ``MIN_SCORE``), unless both are of
one family (C/C++/Objective-C, JavaScript/TypeScript). Pages of fewer than ``MIN_LINES`` lines
are not judged. A form may declare several languages ("C++、Python"): a page is judged against the
one it resembles most. A page on which no language scores ``PROSE_SCORE`` and over
``PROSE_SHARE`` of the lines are prose (no code mark — brackets, quotes, operators, comment
markers — and three words or four Han characters at least) is reported as not looking like code.
"""

import re

MIN_LINES = 15
MIN_SCORE = 0.25
MISMATCH_MARGIN = 2.5
PROSE_SCORE = 0.05
PROSE_SHARE = 0.8

_C = [r"^\s*#\s*(include|define|ifdef|ifndef|endif|pragma)\b", r"\b(int|char|void|unsigned|size_t|struct)\b[\s*]+\w+",
      r"->", r"\bNULL\b", r"\bsizeof\b", r"\b(malloc|free|printf)\("]
_JS = [r"\bfunction\b", r"\b(const|let|var)\s+\w+\s*=", r"=>", r"\bthis\.", r"===|!==", r"\bundefined\b",
       r"\brequire\(|module\.exports|\bexport\s+(default|const|function|class)"]
SIGNATURES: dict[str, list[str]] = {
    "Python": [r"^\s*(async\s+)?def\s+\w+\s*\(.*", r"^\s*class\s+\w+\s*(\(.*\))?\s*:", r"^\s*(import\s+\w|from\s+[\w.]+\s+import\b)",
               r"\bself\.", r"^\s*(elif|except|try|finally|with|if|for|while|else)\b.*:\s*(#.*)?$", r"\b(None|True|False)\b"],
    "JavaScript": _JS,
    "TypeScript": _JS + [r":\s*(string|number|boolean|any|void)\b", r"^\s*(export\s+)?(interface|type)\s+\w+"],
    "Java": [r"\b(public|private|protected)\s+(static\s+)?(final\s+)?[\w<>\[\],]+\s+\w+\s*[(=;]", r"^\s*import\s+[\w.*]+;\s*$",
             r"^\s*package\s+[\w.]+;", r"\bnew\s+[A-Z]\w*[(<]", r"@Override", r"\bSystem\.out\.|\bString\s+\w+\s*[=;,)]"],
    "Kotlin": [r"^\s*(private\s+|override\s+)*fun\s+\w+", r"^\s*(val|var)\s+\w+", r"^\s*import\s+[\w.]+\s*$",
               r"^\s*package\s+[\w.]+\s*$", r"\?\.", r"\bwhen\s*\("],
    "C": _C,
    "C++": _C + [r"::", r"\bstd::", r"\btemplate\s*<", r"\bclass\s+\w+\s*(:|\{|;|$)", r"\bnamespace\b"],
    "Objective-C": _C + [r"^\s*[-+]\s*\(", r"@(interface|implementation|end|property)\b", r"\[\w+\s+\w+"],
    "C#": [r"^\s*using\s+[\w.]+;", r"\bnamespace\s+\w", r"\b(public|private|internal)\s+(static\s+|override\s+|async\s+)*\w+",
           r"\bvar\s+\w+\s*=", r"\bstring\b", r"\{\s*get;"],
    "Go": [r"^\s*func\b", r":=", r"^\s*package\s+\w+\s*$", r"\bnil\b", r"\berr\s*!=\s*nil", r"^\s*import\s*\("],
    "Rust": [r"\bfn\s+\w+", r"\blet\s+(mut\s+)?\w+", r"::", r"\bimpl\b", r"\bpub\b", r"\b(Some|None|Ok|Err)\("],
    "PHP": [r"<\?php", r"\$\w+", r"->", r"\becho\b", r"\bfunction\b", r"\barray\("],
    "Ruby": [r"^\s*def\s+\w+[^:]*$", r"^\s*end\s*$", r"\bdo\s*(\|.*\|)?\s*$", r"@\w+", r"\bputs\b", r"\belsif\b"],
    "Shell": [r"^\s*(if|then|fi|do|done|esac)\b", r"\$\{?\w+", r"^\s*(export|local)\s+\w+=", r"\]\s*;\s*then\b"],
    "SQL": [r"(?i)\bselect\b.+\bfrom\b", r"(?i)^\s*(create|insert|update|delete|alter|drop)\s+", r"(?i)\b(where|join|values)\b"],
}
_COMPILED = {lang: [re.compile(s) for s in sigs] for lang, sigs in SIGNATURES.items()}
FAMILIES = ({"C", "C++", "Objective-C"}, {"JavaScript", "TypeScript"})
# Prose has none of these; code (comments included: # // /* --) nearly always has one.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CODE_MARKS = re.compile(r"[(){}\[\];=<>'\"`_\\$@#|&*/+-]")


def scores(lines: list[str]) -> dict[str, float]:
    lines = [line for line in lines if line.strip()]
    if not lines:
        return {}
    return {lang: sum(1 for line in lines for sig in sigs if sig.search(line)) / len(lines)
            for lang, sigs in _COMPILED.items()}


def _is_prose(line: str) -> bool:
    """Words, not code: no code mark, and three words or more (or four Han characters); a line
    holding one identifier (a name in a long import list) is not prose."""
    if _CODE_MARKS.search(line):
        return False
    return len(line.split()) >= 3 or len(_HAN.findall(line)) >= 4


def same_family(a: str, b: str) -> bool:
    return a == b or any(a in family and b in family for family in FAMILIES)


def judge(lines: list[str], declared: list[str]) -> tuple[str, str] | None:
    """("mismatch", other language) or ("not_code", "") when the page does not look like any of
    the ``declared`` languages; None when it does, or when there is too little to tell."""
    known = [name for name in declared if name in SIGNATURES]
    if not known or len([line for line in lines if line.strip()]) < MIN_LINES:
        return None
    page = scores(lines)
    best = max(page, key=lambda lang: page[lang])
    if page[best] < PROSE_SCORE:
        prose = sum(1 for line in lines if _is_prose(line))
        return ("not_code", "") if prose > PROSE_SHARE * len(lines) else None
    declared_score = max(page[name] for name in known)
    if (not any(same_family(best, name) for name in known) and page[best] >= MIN_SCORE
            and page[best] >= MISMATCH_MARGIN * declared_score):
        return "mismatch", best
    return None


def likeliest(lines: list[str], declared: list[str]) -> str | None:
    """Which of the declared languages this page is most likely in (for its comment syntax)."""
    known = [name for name in declared if name in SIGNATURES]
    if len(known) < 2:
        return declared[0] if declared else None
    page = scores(lines)
    return max(known, key=lambda name: page.get(name, 0.0))
