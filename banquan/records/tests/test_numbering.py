import pytest

from banquan.applications.categories import CATEGORIES, letter
from banquan.records.numbering import format_number, parse_number
from banquan.records.search_terms import bigrams


def test_format_and_parse_round_trip():
    n = format_number(2026, "F", 123)
    assert n == "国作登字-2026-F-00000123"
    assert parse_number(n) == (2026, "F", 123)


def test_known_letters():
    assert letter("fine_art") == "F"
    assert letter("audiovisual") == "I"


def test_every_category_has_its_own_letter():
    assert len({c.letter for c in CATEGORIES}) == len(CATEGORIES) == 15


@pytest.mark.parametrize("bad", ["国作登字-2026-F-123", "2026-F-00000123", "国作登字-2026-f-00000123", ""])
def test_malformed_numbers_do_not_parse(bad):
    assert parse_number(bad) is None


def test_serial_out_of_range():
    with pytest.raises(ValueError):
        format_number(2026, "F", 0)
    with pytest.raises(ValueError):
        format_number(2026, "F", 100_000_000)


def test_bigrams_fold_width_and_case():
    assert bigrams("ＡＢ山水") == bigrams("ab山水") == {"ab", "b山", "山水"}
