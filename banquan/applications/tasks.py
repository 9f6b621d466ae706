"""Background jobs of the applications app."""

from huey.contrib.djhuey import db_task

from banquan.applications import thumbnails
from banquan.applications.models import Sample


@db_task()
def make_thumbnail(sample_id: int) -> None:
    sample = Sample.objects.filter(pk=sample_id).first()
    if sample is not None:  # removed again before the job ran
        thumbnails.ensure(sample)
