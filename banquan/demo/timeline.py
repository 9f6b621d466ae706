"""Walking the clock through past working days while the demo is created.

Services read "now" from the clock plugin, so the seeder swaps in ``FixedClock`` and moves it
from one step to the next; deadlines, overdue and due-soon items then come out of the real
deadline rules, relative to the day the demo is loaded.
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django.conf import settings
from django.test.utils import override_settings

from banquan.core import clock, plugins
from banquan.core.clock import FixedClock
from banquan.workdays import calendar


@contextmanager
def fixed_clock(start: dt.datetime) -> Iterator[FixedClock]:
    """Make ``clock.now()`` return what the yielded FixedClock says, until the block ends.

    plugins caches one instance per dotted path; resetting the cache on the way in and out
    makes every plugin (clock, calendar, storage) come from the settings in force."""
    with override_settings(BANQUAN_CLOCK="banquan.core.clock.FixedClock"):
        plugins.reset()
        fixed = plugins.get("BANQUAN_CLOCK")
        fixed.at = start
        try:
            yield fixed
        finally:
            plugins.reset()


class WorkingDays:
    """Working days counted back from today: ``day(0)`` is today (or the last working day
    before it), ``day(n)`` the n-th working day before that. Times are Beijing times, never
    later than the real now."""

    def __init__(self, now: dt.datetime, span: int = 400):
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.now = now.astimezone(self.tz)
        cal = calendar.current()
        days: list[dt.date] = []
        d = self.now.date()
        while len(days) < span:
            if cal.is_working_day(d):
                days.append(d)
            d -= dt.timedelta(days=1)
        self._days = days

    def day(self, n: int) -> dt.date:
        if n < 0:
            raise ValueError("the demo does not schedule anything in the future")
        return self._days[n]

    def moment(self, day: dt.date, slot: int) -> dt.datetime:
        """The ``slot``-th event of ``day``: from 09:00 every 7 minutes, so events of one day
        keep their order; on today they are squeezed in just before the real now."""
        at = dt.datetime.combine(day, dt.time(9, 0), tzinfo=self.tz) + dt.timedelta(minutes=7 * slot)
        if at >= self.now:
            midnight = dt.datetime.combine(day, dt.time(0, 0), tzinfo=self.tz)
            at = max(self.now - dt.timedelta(seconds=10 * (500 - slot)), midnight + dt.timedelta(seconds=slot))
        return at


def real_now() -> dt.datetime:
    return clock.now()
