"""Identity number checks and masking (no database). The valid numbers are the examples
printed in GB 11643-1999 and GB 32100-2015, not ones computed with the code under test."""

import pytest

from banquan.applications import idnumbers

STANDARD_RESIDENT_ID = "440524188001010014"  # GB 11643-1999, appendix example
STANDARD_USCC = "91350100M000100Y43"  # GB 32100-2015 example


@pytest.mark.parametrize("number", [STANDARD_RESIDENT_ID, "11010519491231002X", "11010519491231002x",
                                    " 11010519491231002X "])
def test_valid_resident_ids(number):
    assert idnumbers.resident_id_problem(number) is None


@pytest.mark.parametrize("number, words", [
    ("440524188001010015", "校验位"),
    ("44052418800101001", "18 位"),
    ("4405241880010100A4", "18 位"),
    ("440524188002300014", "出生日期"),
])
def test_invalid_resident_ids_say_what_is_wrong(number, words):
    assert words in idnumbers.resident_id_problem(number)


def test_valid_uscc():
    assert idnumbers.uscc_problem(STANDARD_USCC) is None
    assert idnumbers.uscc_problem(STANDARD_USCC.lower()) is None


@pytest.mark.parametrize("code, words", [
    ("91350100M000100Y44", "校验位"),
    ("91350100M000100Y4", "18 位"),
    ("91350100M000100I43", "不含 I、O、Z、S、V"),
])
def test_invalid_uscc(code, words):
    assert words in idnumbers.uscc_problem(code)


def test_problem_dispatches_by_document_type():
    assert idnumbers.problem("resident_id", "") == "请填写证件号码。"
    assert "校验位" in idnumbers.problem("resident_id", "440524188001010015")
    assert "统一社会信用代码" in idnumbers.problem("uscc", "123")
    assert idnumbers.problem("passport", "E12345678") is None
    assert "太短" in idnumbers.problem("passport", "E12")


@pytest.mark.parametrize("number, masked", [
    ("11010519491231002X", "110105********002X"),
    ("E12345678", "E1******8"),
    ("1234", "****"),
])
def test_mask_hides_the_middle(number, masked):
    assert idnumbers.mask(number) == masked
