"""Seed the holiday table from the ``chinese-calendar`` package (used once per year, not at
run time: afterwards the table is the truth and registrars edit it)."""

import chinese_calendar
from django.db import transaction

from banquan.workdays.models import CalendarYear, DayKind, SpecialDay


def package_years() -> list[int]:
    return sorted({d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays})


@transaction.atomic
def seed_from_package(years: list[int] | None = None) -> int:
    """Insert the package's days for ``years`` (default: all it knows); existing rows win."""
    wanted = set(years or package_years())
    have = set(SpecialDay.objects.values_list("date", flat=True))
    rows = []
    for day, name in chinese_calendar.holidays.items():
        # The package lists weekend days inside a holiday too; only weekdays change anything.
        if day.year in wanted and day.weekday() < 5 and day not in have:
            rows.append(SpecialDay(date=day, kind=DayKind.DAY_OFF, name=name))
    for day, name in chinese_calendar.workdays.items():
        if day.year in wanted and day not in have:
            rows.append(SpecialDay(date=day, kind=DayKind.MAKE_UP, name=name))
    SpecialDay.objects.bulk_create(rows)
    known = set(CalendarYear.objects.values_list("year", flat=True))
    CalendarYear.objects.bulk_create(
        [CalendarYear(year=y, source="chinese-calendar") for y in sorted(wanted - known)]
    )
    return len(rows)
