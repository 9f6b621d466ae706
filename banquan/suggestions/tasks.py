"""Background jobs of the suggestions app. ``schedule`` is what the pages, the API and
``review.services.accept`` call: the job row exists at once (the page polls it), the model is
asked in the job queue once that row is committed."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _
from huey.contrib.djhuey import db_task

from banquan.core import llm
from banquan.suggestions import runner
from banquan.suggestions.models import Job, JobStatus, Purpose

log = logging.getLogger(__name__)


@db_task()
def run(job_id: int) -> None:
    try:
        runner.execute(job_id)
    except Exception:  # a bug must not leave the page polling forever
        log.exception("suggestions job %s failed", job_id)
        Job.objects.filter(pk=job_id, status__in=(JobStatus.QUEUED, JobStatus.RUNNING)).update(
            status=JobStatus.FAILED, note=_("智能助手出错，未能生成建议。"))


def schedule(app_id: int, *, purpose: str, by=None) -> Job:
    with transaction.atomic():
        job, new = runner.queue_job(app_id=app_id, purpose=purpose, by=by)
        if new:
            transaction.on_commit(lambda: run(job.pk))
    return job


def summarize_at_acceptance(app_id: int) -> None:
    """Called after an acceptance commits: a summary for the reviewer, when a model is configured."""
    if llm.model() is not None:
        schedule(app_id, purpose=Purpose.SUMMARY)
