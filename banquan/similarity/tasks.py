"""Background jobs: content codes and fingerprints are computed after the registration
commits; a new application is compared with the registered works after its acceptance.

``schedule_prior`` is what ``review.services.accept`` calls after its commit: it marks the
comparison as queued at once, so the reviewer's page shows it, and hands it to the job queue
once that row is committed.
"""

import logging

from django.db import transaction
from huey.contrib.djhuey import db_task

from banquan.similarity import services

log = logging.getLogger(__name__)


@db_task()
def index_work(registration_id: int) -> None:
    services.index_work(registration_id=registration_id)


@db_task()
def find_prior(app_id: int) -> None:
    try:
        services.find_prior(app_id=app_id)
    except Exception as exc:  # the page must say the comparison failed, not run forever
        log.exception("prior-registration search of application %s failed", app_id)
        services.prior_failed(app_id=app_id, error=f"{type(exc).__name__}: {exc}")


def schedule_prior(app_id: int) -> None:
    with transaction.atomic():
        services.queue_prior(app_id=app_id)
        transaction.on_commit(lambda: find_prior(app_id))
