"""Background jobs of software registration: building and checking deposit materials, recording
program fingerprints, and the duplicate and mass-filing checks at acceptance (scheduled by
``review.services.accept`` and ``applications.services.resubmit`` once they commit)."""

import logging

from huey.contrib.djhuey import db_task

from banquan.software import materials

log = logging.getLogger(__name__)


@db_task()
def prepare_material(material_id: int) -> None:
    try:
        materials.prepare(material_id)
    except Exception as exc:  # the applicant must see that the build failed, not wait forever
        log.exception("deposit material %s failed", material_id)
        materials.failed(material_id, f"材料处理失败（{type(exc).__name__}），请重新上传；如仍失败请联系登记机构。")


@db_task()
def record_fingerprints(app_id: int) -> None:
    from banquan.software import duplicates

    duplicates.record_fingerprints(app_id)


@db_task()
def check_application(app_id: int) -> None:
    from banquan.software import duplicates

    duplicates.check_application(app_id)


def schedule(app_id: int, *, trigger: str = "accept") -> None:
    """The duplicate and mass-filing checks of a software application (nothing for works)."""
    from banquan.applications.models import Application

    if Application.objects.filter(pk=app_id, procedure="software").exists():
        check_application(app_id)


@db_task()
def registered(registration_id: int) -> None:
    from banquan.software import duplicates

    duplicates.on_registered(registration_id)
