"""Normalisation and winnowing on real PyPI sources: disguised copies still match, unrelated
packages do not, and every fingerprint knows its file and lines."""

import numpy as np
import pytest

from banquan.software.softcopy.languages import language_named
from banquan.software.softcopy.selection import ProgramFile
from banquan.software.winnow import compare, fingerprint_program
from banquan.software.winnow.fingerprint import winnow
from banquan.software.winnow.tests.disguise import disguise, reformat, rename_identifiers, strip_comments
from banquan.software.winnow.tokens import normalise

PYTHON = language_named("Python")
C = language_named("C")


def _apply(files, change):
    return [ProgramFile(f.path, f.language, change(f.text, f.language)) for f in files]


@pytest.mark.parametrize("change", [rename_identifiers, reformat, strip_comments])
def test_each_disguise_alone_changes_nothing(sqlparse_files, change):
    result = compare(fingerprint_program(sqlparse_files), fingerprint_program(_apply(sqlparse_files, change)))
    assert result.containment_a >= 0.99 and result.containment_b >= 0.99


@pytest.mark.parametrize("tree", ["sqlparse_files", "waitress_files", "c_runtime_files", "admin_js_files"])
def test_disguised_copy_still_matches(tree, request):
    files = request.getfixturevalue(tree)
    copy = disguise(files)  # renamed, reformatted, comments gone, files renamed and in reverse order
    assert [f.text for f in copy] != [f.text for f in reversed(files)]
    result = compare(fingerprint_program(files), fingerprint_program(copy))
    assert result.containment_a >= 0.9 and result.containment_b >= 0.9
    assert result.regions


def test_different_real_packages_share_little(sqlparse_files, waitress_files, c_runtime_files):
    a, b, c = (fingerprint_program(f) for f in (sqlparse_files, waitress_files, c_runtime_files))
    for x, y in ((a, b), (a, c), (b, c)):
        result = compare(x, y)
        assert result.containment_a < 0.1 and result.containment_b < 0.1


def test_python_normalisation_drops_comments_docstrings_and_names():
    source = 'def f(x):\n    """Doc."""\n    # comment\n    return x + 1  # more\n'
    renamed = "def g(y):\n\n    return y + 2\n"
    symbols = [t.symbol for t in normalise(source, PYTHON)]
    assert symbols == [t.symbol for t in normalise(renamed, PYTHON)]
    assert symbols == ["def", "I", "(", "I", ")", ":", ";", "{", "return", "I", "+", "N", ";", "}"]


def test_c_normalisation_keeps_lines_and_drops_comments():
    source = '/* header\n   licence */\nint main(void) {\n  // say it\n  printf("hi %d", 42);\n}\n'
    tokens = normalise(source, C)
    assert [t.symbol for t in tokens][:6] == ["int", "I", "(", "void", ")", "{"]
    assert tokens[0].line == 3
    assert ("S", 5) in [(t.symbol, t.line) for t in tokens]
    assert ("N", 5) in [(t.symbol, t.line) for t in tokens]


def test_broken_python_falls_back_to_regex_tokens():
    tokens = normalise("print 'old'\n  if x:\n pass\n", PYTHON)  # inconsistent dedent
    assert [t.symbol for t in tokens][:2] == ["I", "S"]


def test_winnowing_keeps_the_rightmost_minimum_once():
    hashes = np.array([5, 3, 3, 7, 1, 9, 9, 9, 2, 8], dtype=np.uint64)
    chosen = winnow(hashes, 4)
    assert chosen.tolist() == [2, 4, 8]  # windows: [5 3 3 7]→2, then 1 at 4 for four windows, then 2 at 8
    assert winnow(np.array([4, 4], dtype=np.uint64), 4).tolist() == [1]


def test_every_window_keeps_a_fingerprint(sqlparse_files):
    """The guarantee: no w consecutive k-grams without a fingerprint, so a copied run of
    w + k - 1 tokens is always seen."""
    from banquan.software.winnow.fingerprint import kgram_hashes, token_hashes

    tokens = normalise(max(sqlparse_files, key=lambda f: len(f.text)).text, PYTHON)
    chosen = winnow(kgram_hashes(token_hashes(tokens), 15), 20)
    assert chosen[0] < 20 and np.diff(chosen).max() <= 20


def test_fingerprints_carry_file_and_lines(sqlparse_files):
    program = fingerprint_program(sqlparse_files)
    assert len(program) > 1000
    assert set(np.unique(program.files).tolist()) <= set(range(len(sqlparse_files)))
    assert (program.first_lines >= 1).all() and (program.last_lines >= program.first_lines).all()
    for i in range(0, len(program), 97):
        lines = sqlparse_files[program.files[i]].text.count("\n") + 1
        assert program.last_lines[i] <= lines


def test_print_round_trips_through_bytes(c_runtime_files):
    from banquan.software.winnow import ProgramPrint

    program = fingerprint_program(c_runtime_files)
    again = ProgramPrint.from_bytes(program.to_bytes())
    assert again.paths == program.paths and np.array_equal(again.hashes, program.hashes)
    assert np.array_equal(again.last_lines, program.last_lines)
