"""Working-day arithmetic on China's official calendar (no database).

A working day is a weekday that is not a public holiday, or a weekend day that the State
Council's notice turns into a make-up working day (调休上班). Time limits count whole working
days *after* the start day: the start day itself never counts. While the office waits for an
applicant's correction (补正), the clock stops; it runs on from the day the correction arrives.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

ONE_DAY = dt.timedelta(days=1)


class WorkCalendar(Protocol):
    def is_working_day(self, day: dt.date) -> bool: ...
    def covers(self, year: int) -> bool: ...


@dataclass(frozen=True)
class TableCalendar:
    """A calendar from a table of exceptions to the Monday–Friday rule.

    ``days_off`` are weekdays that are holidays; ``make_up_days`` are weekend days worked.
    Years outside ``years`` fall back to Monday–Friday, and results that depend on them are
    *provisional* until the State Council publishes that year's holidays.
    """

    days_off: frozenset[dt.date] = frozenset()
    make_up_days: frozenset[dt.date] = frozenset()
    years: frozenset[int] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.make_up_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < 5

    def covers(self, year: int) -> bool:
        return year in self.years


@dataclass(frozen=True)
class Deadline:
    day: dt.date | None  # None while the clock is stopped for a correction
    provisional: bool = False
    remaining_when_paused: int | None = None

    @property
    def paused(self) -> bool:
        return self.day is None


def add_working_days(cal: WorkCalendar, start: dt.date, n: int) -> Deadline:
    """The n-th working day after ``start`` (start itself does not count)."""
    if n < 0:
        raise ValueError("n must not be negative")
    day, counted, provisional = start, 0, False
    while counted < n:
        day += ONE_DAY
        if not cal.covers(day.year):
            provisional = True
        if cal.is_working_day(day):
            counted += 1
    return Deadline(day, provisional)


def working_days_between(cal: WorkCalendar, start: dt.date, end: dt.date) -> int:
    """How many working days fall in (start, end]; 0 when end <= start."""
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        if cal.is_working_day(day):
            count += 1
    return count


def review_deadline(
    cal: WorkCalendar,
    accepted_on: dt.date,
    limit: int,
    pauses: Iterable[tuple[dt.date, dt.date | None]] = (),
) -> Deadline:
    """The deadline of a review that started on ``accepted_on`` with ``limit`` working days.

    ``pauses`` are (correction requested on, correction received on) pairs in order; the last
    may still be open (received None), and then the clock is stopped. Working days up to and
    including the request day are used up; counting resumes the day after the correction
    arrives. A correction requested after the deadline had already passed does not revive it.
    """
    remaining, anchor = limit, accepted_on
    for requested_on, received_on in pauses:
        used = working_days_between(cal, anchor, requested_on)
        if used >= remaining:
            return add_working_days(cal, anchor, remaining)
        remaining -= used
        if received_on is None:
            return Deadline(None, False, remaining)
        anchor = received_on
    return add_working_days(cal, anchor, remaining)
