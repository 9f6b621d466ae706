"""Keeping stored deadlines true when the holiday table changes."""

from django.db import transaction

from banquan.applications import deadlines, states
from banquan.applications.models import Application
from banquan.workdays import calendar

OPEN = [s.value for s in states.CLOCK_RUNNING]


def recompute_open_deadlines() -> int:
    """Recompute the deadline of every application whose clock is running; return how many
    changed. Runs after a registrar edits the holiday table (e.g. enters next year's days,
    which turns provisional deadlines into firm ones)."""
    cal = calendar.current()
    changed = 0
    ids = Application.objects.filter(status__in=OPEN, accepted_on__isnull=False).values_list("pk", flat=True)
    for app_id in ids.iterator():
        with transaction.atomic():
            app = Application.objects.select_for_update().get(pk=app_id)
            before = (app.deadline, app.deadline_provisional)
            deadlines.refresh(app, cal)
            if (app.deadline, app.deadline_provisional) != before:
                app.save(update_fields=["deadline", "deadline_provisional"])
                changed += 1
    return changed
