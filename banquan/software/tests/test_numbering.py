"""Software registration and certificate numbers, without a database."""

import pytest

from banquan.software import numbering


def test_registration_numbers_look_like_the_national_centers():
    assert numbering.registration_number(2026, 123456) == "2026SR0123456"
    assert numbering.parse_registration_number("2026SR0123456") == (2026, 123456)
    assert numbering.parse_registration_number(" 2026sr0000001 ") == (2026, 1)


def test_certificate_numbers_have_eight_digits():
    assert numbering.certificate_number(1234567) == "软著登字第01234567号"
    assert numbering.parse_certificate_number("软著登字第01234567号") == 1234567


@pytest.mark.parametrize("text", ["2026SR123456", "2026SR00000000", "2026SR0000000", "国作登字-2026-F-00000001",
                                  "26SR0123456", ""])
def test_other_text_is_not_a_registration_number(text):
    assert numbering.parse_registration_number(text) is None


@pytest.mark.parametrize("text", ["软著登字第1234567号", "软著登字第00000000号", "软著登字第012345678号"])
def test_other_text_is_not_a_certificate_number(text):
    assert numbering.parse_certificate_number(text) is None


def test_serials_out_of_range_are_refused():
    with pytest.raises(ValueError):
        numbering.registration_number(2026, 0)
    with pytest.raises(ValueError):
        numbering.registration_number(2026, 10_000_000)
    with pytest.raises(ValueError):
        numbering.certificate_number(100_000_000)
