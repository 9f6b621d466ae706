"""Pre-registration numbers (预登记号): ``民预登-YYYY-NNNNNN`` (no database).

YYYY is the filing year and NNNNNN a serial that starts at 1 each year, with no gaps: it
comes from ``models.PreregCounter``, incremented inside the filing transaction, so a rolled
back filing gives its number back (the approach of ``records.models.SerialCounter``).
"""

import re

PREFIX = "民预登"
PATTERN = re.compile(r"^民预登-(\d{4})-(\d{6})$")
MAX_SERIAL = 999_999


def format_number(year: int, serial: int) -> str:
    if not 1 <= serial <= MAX_SERIAL:
        raise ValueError("serial out of range")
    if not 1000 <= year <= 9999:
        raise ValueError("year out of range")
    return f"{PREFIX}-{year:04d}-{serial:06d}"


def parse_number(number: str) -> tuple[int, int] | None:
    """(year, serial), or None when ``number`` is not a pre-registration number."""
    m = PATTERN.match(number.strip())
    if not m or int(m.group(2)) == 0:
        return None
    return int(m.group(1)), int(m.group(2))
