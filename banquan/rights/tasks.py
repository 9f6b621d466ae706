"""Background jobs of rights services: the parties' e-mail notifications."""

from django.conf import settings
from django.core.mail import send_mail
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task(retries=3, retry_delay=60)
def send_notification(subject: str, body: str, recipients: list[str]) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@db_periodic_task(crontab(minute="*/5"))
def expire_seizures() -> None:
    """Seizures whose term ran out end within five minutes; the next in line takes effect."""
    from banquan.rights import services

    services.expire_seizures()
