"""A program that embeds part of another: the copied files and lines are shown side by side."""

from banquan.software.softcopy.selection import ProgramFile
from banquan.software.winnow import compare, fingerprint_program
from banquan.software.winnow.tests.disguise import disguise


def _lines(text: str) -> int:
    return text.count("\n") + 1


def test_embedded_files_are_shown_side_by_side(sqlparse_files, waitress_files):
    lexer = next(f for f in sqlparse_files if f.path == "lexer.py")
    copied = disguise([lexer], salt="thief")[0]
    # waitress with sqlparse's lexer pasted into it, renamed and reformatted
    thief = [*waitress_files, ProgramFile("waitress_extra/tokenise.py", copied.language, copied.text)]
    result = compare(fingerprint_program(sqlparse_files), fingerprint_program(thief))
    assert 0.02 < result.containment_a < 0.3  # a small share of sqlparse …
    assert result.containment_b < 0.3  # … in a program that is mostly waitress
    top = result.regions[0]
    assert (top.path_a, top.path_b) == ("lexer.py", "waitress_extra/tokenise.py")
    # the region spans most of the copied file on both sides
    assert top.last_line_a - top.first_line_a > 0.5 * _lines(lexer.text)
    assert top.last_line_b - top.first_line_b > 0.5 * _lines(copied.text)
    assert "lexer.py:" in str(top) and "↔" in str(top)
    real = [r for r in result.regions if r.path_a == "lexer.py"]
    assert sum(r.fingerprints for r in real) >= 0.8 * sum(r.fingerprints for r in result.regions)


def test_a_copied_c_function_is_located(c_runtime_files):
    source = max((f for f in c_runtime_files if f.path.endswith(".c") and "tables" not in f.path), key=lambda f: len(f.text))
    lines = source.text.split("\n")
    middle = "\n".join(lines[len(lines) // 3: len(lines) // 3 + 60])
    new = ProgramFile("src/mine.c", source.language, "int unrelated(void) { return 0; }\n" + middle)
    result = compare(fingerprint_program([source]), fingerprint_program([new]))
    top = result.regions[0]
    start = len(lines) // 3 + 1
    assert top.path_a == source.path and start - 3 <= top.first_line_a and top.last_line_a <= start + 62
    assert 2 <= top.first_line_b and top.last_line_b <= 62
    assert result.containment_b > 0.8


def test_unrelated_programs_have_no_long_regions(sqlparse_files, c_runtime_files):
    result = compare(fingerprint_program(sqlparse_files), fingerprint_program(c_runtime_files))
    assert all(r.fingerprints < 5 for r in result.regions)
