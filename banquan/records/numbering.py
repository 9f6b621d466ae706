"""Registration numbers (登记号): ``国作登字-YYYY-X-NNNNNNNN`` (no database).

YYYY is the registration year, X the category letter (see applications.categories) and
NNNNNNNN a serial that starts at 1 each year for each letter, with no gaps.
"""

import re

PATTERN = re.compile(r"^国作登字-(\d{4})-([A-Z])-(\d{8})$")


def format_number(year: int, letter: str, serial: int) -> str:
    if not (1 <= serial <= 99_999_999):
        raise ValueError("serial out of range")
    return f"国作登字-{year:04d}-{letter}-{serial:08d}"


def parse_number(number: str) -> tuple[int, str, int] | None:
    m = PATTERN.match(number.strip())
    if not m:
        return None
    return int(m.group(1)), m.group(2), int(m.group(3))
