"""The clock interface: every "now" and "today" in services comes from here, so tests and
demo data can run at a chosen moment."""

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from banquan.core import plugins


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return timezone.now()


class FixedClock:
    """A clock that stands still until moved; used by tests and the demo seeder."""

    def __init__(self, at: dt.datetime | None = None):
        self.at = at or timezone.now()

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at += dt.timedelta(**kwargs)


def now() -> dt.datetime:
    return plugins.get("BANQUAN_CLOCK").now()


def today() -> dt.date:
    """Today's date in the office's time zone (working days are Beijing calendar days)."""
    return now().astimezone(ZoneInfo(settings.TIME_ZONE)).date()
