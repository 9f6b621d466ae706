"""Content codes of registered works."""

from django.db import transaction

from banquan.core import clock
from banquan.core.storage import store
from banquan.records.models import Registration
from banquan.similarity import iscc
from banquan.similarity.models import ContentCode


def work_sample(reg: Registration):
    """The work's own first sample (not a creation-process video), or None."""
    return reg.application.samples.filter(role="sample").order_by("id").first()


def description(reg: Registration) -> str:
    app = reg.application
    return "\n".join(part for part in (app.purpose, app.process, app.originality) if part)


@transaction.atomic
def compute(*, registration_id: int) -> ContentCode | None:
    """Compute (again) the ISCC of a registration; None when it has no sample to hash."""
    reg = Registration.objects.select_related("application").get(pk=registration_id)
    sample = work_sample(reg)
    if sample is None:
        return None
    data = store().read(sample.blob_key)
    codes = iscc.codes(title=reg.title, description=description(reg), media_type=sample.media_type,
                       name=sample.original_name, content_type=sample.content_type, data=data)
    row, _ = ContentCode.objects.update_or_create(registration=reg, defaults={
        "sample": sample, "iscc": codes.iscc, "meta_code": codes.meta, "content_code": codes.content,
        "data_code": codes.data, "instance_code": codes.instance, "computed_at": clock.now(),
    })
    return row


def missing() -> list[int]:
    """Registrations without an ISCC yet, oldest first."""
    return list(Registration.objects.filter(content_code__isnull=True).order_by("id").values_list("id", flat=True))
