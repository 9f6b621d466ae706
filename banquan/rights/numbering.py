"""Numbers of rights services: ``YYYY`` + two letters + a seven-digit serial from the counter
(year, letter) incremented in the registering transaction — pledges ``2026ZY0000001`` (counter
letter P), contract recordations ``2026HT0000001`` (letter T)."""

import datetime as dt
import re

PATTERN = re.compile(r"^(\d{4})ZY(\d{7})$")


def format_number(kind: str, year: int, serial: int) -> str:
    if not 1 <= serial <= 9_999_999:
        raise ValueError("serial out of range")
    return f"{year:04d}{kind}{serial:07d}"


def format_pledge_number(year: int, serial: int) -> str:
    return format_number("ZY", year, serial)


def next_number(kind: str, counter_letter: str, day: dt.date) -> str:
    from banquan.records.services import next_serial

    return format_number(kind, day.year, next_serial(day.year, counter_letter))


def next_pledge_number(day: dt.date) -> str:
    return next_number("ZY", "P", day)
