"""Pledge registration numbers (质权登记号) ``YYYYZY0NNNNNN``: the year, ZY (质押), a seven-digit
serial from the counter (year, "P") incremented in the registering transaction."""

import datetime as dt
import re

PATTERN = re.compile(r"^(\d{4})ZY(\d{7})$")


def format_pledge_number(year: int, serial: int) -> str:
    if not 1 <= serial <= 9_999_999:
        raise ValueError("serial out of range")
    return f"{year:04d}ZY{serial:07d}"


def next_pledge_number(day: dt.date) -> str:
    from banquan.records.services import next_serial

    return format_pledge_number(day.year, next_serial(day.year, "P"))
