"""Numbers of software registrations (no database).

- Registration number (登记号) ``YYYYSR0NNNNNN``: the registration year, ``SR`` (software
  registration), then a seven-digit serial that starts at 1 each year. The national center's
  numbers have a leading 0 in the serial field (2.8 million a year fit in six digits), so the
  serial is written with seven digits and the first is 0 until a year passes 999,999.
- Certificate number (证书号) ``软著登字第NNNNNNNN号``: an eight-digit serial that runs on across
  years (it counts every software certificate ever issued).

Both serials come from counters incremented inside the registering transaction, as for works
(``records.models.SerialCounter``), so a rollback gives the number back and there are no gaps.
"""

import re

REGISTRATION = re.compile(r"^(\d{4})SR(\d{7})$")
CERTIFICATE = re.compile(r"^软著登字第(\d{8})号$")
MAX_YEARLY = 9_999_999
MAX_CERTIFICATES = 99_999_999


def registration_number(year: int, serial: int) -> str:
    if not (1 <= serial <= MAX_YEARLY):
        raise ValueError("serial out of range")
    if not (1000 <= year <= 9999):
        raise ValueError("year out of range")
    return f"{year:04d}SR{serial:07d}"


def parse_registration_number(number: str) -> tuple[int, int] | None:
    """(year, serial), or None when ``number`` is not a software registration number."""
    m = REGISTRATION.match(number.strip().upper())
    if not m or int(m.group(2)) == 0:
        return None
    return int(m.group(1)), int(m.group(2))


def certificate_number(serial: int) -> str:
    if not (1 <= serial <= MAX_CERTIFICATES):
        raise ValueError("serial out of range")
    return f"软著登字第{serial:08d}号"


def parse_certificate_number(number: str) -> int | None:
    m = CERTIFICATE.match(number.strip())
    if not m or int(m.group(1)) == 0:
        return None
    return int(m.group(1))
