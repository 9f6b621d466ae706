"""Background jobs of the logo library: bulk imports, and the brand-logo check of an
application, scheduled by ``review.services.accept`` and ``applications.services.resubmit``
once their transaction commits."""

import logging

from django.db import transaction
from huey.contrib.djhuey import db_task

from banquan.logos import checks, services
from banquan.logos.models import Check

log = logging.getLogger(__name__)


@db_task()
def import_marks(import_id: int) -> None:
    try:
        services.run_import(import_id)
    except Exception as exc:  # the progress page must say the import failed, not run forever
        log.exception("logo import %s failed", import_id)
        services.import_failed(import_id, f"{type(exc).__name__}: {exc}")


@db_task()
def check_application(check_id: int) -> None:
    try:
        checks.run_check(check_id)
    except Exception as exc:
        log.exception("logo check %s failed", check_id)
        checks.check_failed(check_id, f"{type(exc).__name__}: {exc}")


def schedule(app_id: int, *, trigger: str = "accept") -> Check:
    with transaction.atomic():
        check = checks.queue_check(app_id=app_id, trigger=trigger)
        transaction.on_commit(lambda: check_application(check.pk))
    return check
