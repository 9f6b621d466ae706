"""The holiday calendar interface's default implementation: the database table, held in
memory and reloaded when a registrar edits it."""

import datetime as dt

from django.db.models import Count, Max

from banquan.core import plugins
from banquan.workdays import arith
from banquan.workdays.models import CalendarYear, DayKind, SpecialDay


class DatabaseCalendar:
    def __init__(self) -> None:
        self._stamp: tuple | None = None
        self._table = arith.TableCalendar()

    def _fresh_stamp(self) -> tuple:
        days = SpecialDay.objects.aggregate(n=Count("id"), t=Max("updated_at"))
        years = CalendarYear.objects.aggregate(n=Count("id"), t=Max("updated_at"))
        return (days["n"], days["t"], years["n"], years["t"])

    def table(self) -> arith.TableCalendar:
        stamp = self._fresh_stamp()
        if stamp != self._stamp:
            rows = list(SpecialDay.objects.values_list("date", "kind"))
            self._table = arith.TableCalendar(
                days_off=frozenset(d for d, k in rows if k == DayKind.DAY_OFF),
                make_up_days=frozenset(d for d, k in rows if k == DayKind.MAKE_UP),
                years=frozenset(CalendarYear.objects.values_list("year", flat=True)),
            )
            self._stamp = stamp
        return self._table


def current() -> arith.TableCalendar:
    """A snapshot of the office calendar, for one computation."""
    return plugins.get("BANQUAN_CALENDAR").table()


def add_working_days(start: dt.date, n: int) -> arith.Deadline:
    return arith.add_working_days(current(), start, n)
