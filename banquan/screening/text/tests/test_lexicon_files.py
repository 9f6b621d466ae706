import subprocess
import sys

import pytest

from banquan.screening.text import LexiconError, Term, lexicon


def test_plain_text_with_categories_and_levels():
    terms = lexicon.parse_text("# comment\n毛主席\t政治\t3\n\nfuck\n代开发票\t违法广告\n")
    assert terms == [Term("毛主席", "政治", 3), Term("fuck", "未分类", 1), Term("代开发票", "违法广告", 1)]


def test_every_broken_line_is_reported_with_its_number():
    with pytest.raises(LexiconError) as e:
        lexicon.parse_text("好词\n\t政治\n坏词\t未知类别\n词\t政治\t9\n词\t政治\t1\t多余\n", categories={"政治", "未分类"})
    assert [(x.line, x.message) for x in e.value.errors] == [
        (2, "词条为空"), (3, "未知类别“未知类别”"), (4, "级别“9”应为 1 到 5 的整数"), (5, "列数过多（应为：词条、类别、级别）"),
    ]
    assert "第 2 行" in str(e.value)


def test_csv_round_trip():
    terms = [Term("毛主席", "政治", 3), Term("a,b", "辱骂", 2)]
    assert lexicon.parse_csv(lexicon.dump_csv(terms)) == terms
    assert lexicon.parse_text(lexicon.dump_text(terms)) == terms


def test_gb18030_and_utf8_bom_are_read():
    assert lexicon.decode("毛主席\t政治".encode("gb18030")) == "毛主席\t政治"
    assert lexicon.decode("\ufeff毛主席".encode()) == "毛主席"


def _screen(stdin: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "banquan.cli", "screen", "text", *args],
                          input=stdin, capture_output=True, timeout=120)


def test_cli_prints_one_json_line_per_hit(tmp_path):
    lex = tmp_path / "lex.txt"
    lex.write_text("代开发票\t违法广告\t2\n法轮功\t政治\t5\n", encoding="utf-8")
    done = _screen("专业代kai发piao，法-轮-功".encode("gb18030"), "--lexicon", str(lex))
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode().splitlines()
    assert lines == [
        '{"term": "代开发票", "category": "违法广告", "level": 2, "kind": "pinyin", "start": 2, "end": 11, '
        '"matched": "代kai发piao"}',
        '{"term": "法轮功", "category": "政治", "level": 5, "kind": "normalized", "start": 12, "end": 17, '
        '"matched": "法-轮-功"}',
    ]


def test_cli_refuses_a_broken_lexicon_with_line_numbers(tmp_path):
    lex = tmp_path / "lex.txt"
    lex.write_text("好\n\t政治\n", encoding="utf-8")
    done = _screen(b"x", "--lexicon", str(lex))
    assert done.returncode == 2
    assert "第 2 行" in done.stderr.decode()
