"""Background jobs of the screening app, and scheduling them.

``schedule`` is what other apps call (e.g. ``review.services.accept`` after its commit):
it creates the queued run at once, so the reviewer's page shows it, and hands the run to the
job queue once that row is committed.
"""

import logging

from django.db import transaction
from huey.contrib.djhuey import db_task

from banquan.screening import runner, services
from banquan.screening.models import Run, Trigger

log = logging.getLogger(__name__)


@db_task()
def screen(run_id: int) -> None:
    runner.execute(run_id)


def schedule(app_id: int, *, trigger: str = Trigger.ACCEPT, by=None) -> Run:
    with transaction.atomic():
        run = services.start_run(app_id=app_id, trigger=trigger, by=by)
        transaction.on_commit(lambda: screen(run.pk))
    return run
