"""Background jobs for certificates."""

from huey.contrib.djhuey import db_task

from banquan.certificates.models import Certificate


@db_task(retries=3, retry_delay=10)
def render_certificate_pdf(certificate_id: int) -> None:
    from banquan.certificates.services import ensure_pdf

    cert = Certificate.objects.select_related("registration").filter(pk=certificate_id).first()
    if cert is not None:
        ensure_pdf(cert)
