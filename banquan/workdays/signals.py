"""An edit of the holiday table schedules a recomputation of open deadlines."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from banquan.workdays.models import CalendarYear, SpecialDay


@receiver([post_save, post_delete], sender=SpecialDay)
@receiver([post_save, post_delete], sender=CalendarYear)
def _holiday_table_changed(sender, **kwargs):
    from banquan.workdays.tasks import recompute_deadlines

    if kwargs.get("raw"):
        return
    transaction.on_commit(lambda: recompute_deadlines())
