"""Keeping an application's review deadline in step with its corrections and the calendar."""

from django.conf import settings

from banquan.applications.models import Application
from banquan.workdays import arith, calendar


def compute(app: Application, cal: arith.WorkCalendar | None = None) -> arith.Deadline | None:
    if app.accepted_on is None:
        return None
    pauses = [(c.requested_on, c.received_on) for c in app.corrections.all()]
    limit = settings.BANQUAN_TIME_LIMITS[app.procedure]
    return arith.review_deadline(cal or calendar.current(), app.accepted_on, limit, pauses)


def refresh(app: Application, cal: arith.WorkCalendar | None = None) -> None:
    """Recompute and store the deadline (caller saves inside its transaction)."""
    d = compute(app, cal)
    app.deadline = d.day if d else None
    app.deadline_provisional = bool(d and d.provisional)
