"""Checks for identity document numbers (no database).

居民身份证 numbers follow GB 11643-1999 (ISO 7064 MOD 11-2 check character);
统一社会信用代码 follows GB 32100-2015 (MOD 31 check character).
"""

import datetime as dt
import re

from django.utils.translation import gettext as _

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id_problem(number: str) -> str | None:
    n = number.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", n):
        return _("居民身份证号码应为 18 位（最后一位可以是 X）。")
    try:
        dt.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return _("居民身份证号码中的出生日期无效。")
    if _ID_CHECK[sum(int(d) * w for d, w in zip(n[:17], _ID_WEIGHTS, strict=True)) % 11] != n[17]:
        return _("居民身份证号码校验位不正确，请核对。")
    return None


def uscc_problem(code: str) -> str | None:
    c = code.strip().upper()
    if len(c) != 18 or any(ch not in _USCC_ALPHABET for ch in c):
        return _("统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）。")
    total = sum(_USCC_ALPHABET.index(ch) * w for ch, w in zip(c[:17], _USCC_WEIGHTS, strict=True))
    if _USCC_ALPHABET[(31 - total % 31) % 31] != c[17]:
        return _("统一社会信用代码校验位不正确，请核对。")
    return None


def problem(id_type: str, number: str) -> str | None:
    if not number.strip():
        return _("请填写证件号码。")
    if id_type == "resident_id":
        return resident_id_problem(number)
    if id_type == "uscc":
        return uscc_problem(number)
    if len(number.strip()) < 5:
        return _("证件号码太短，请核对。")
    return None


def mask(number: str) -> str:
    """Hide the middle of an ID number for public pages: 110105********123X."""
    n = number.strip()
    if len(n) <= 4:
        return "*" * len(n)
    keep_head = 6 if len(n) >= 15 else 2
    keep_tail = 4 if len(n) >= 10 else 1
    return n[:keep_head] + "*" * (len(n) - keep_head - keep_tail) + n[-keep_tail:]
