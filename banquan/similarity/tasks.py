"""Background jobs: content codes are computed after the registration commits."""

from huey.contrib.djhuey import db_task

from banquan.similarity import services


@db_task()
def compute_iscc(registration_id: int) -> None:
    services.compute(registration_id=registration_id)
