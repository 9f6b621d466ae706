"""Notifications to the parties of each rights event, by e-mail (Django's mail backend: the
console in the embedded default, SMTP when configured). Sent by a job once the event's
transaction commits, so nobody hears of a change that was rolled back, and a mail server that is
down delays the mail without undoing the event."""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from banquan.accounts.models import User
from banquan.records.models import Registration


def owner_accounts(regs: Iterable[Registration]) -> list[User]:
    """The accounts that filed the works' registrations (the owners or their agents)."""
    return list(User.objects.filter(applications__registration__in=list(regs)).distinct())


def send(subject: str, lines: list[str], users: Iterable[User | None]) -> None:
    """Queue one message to every user with an e-mail address, after commit."""
    recipients = sorted({u.email for u in users if u is not None and u.email})
    if not recipients:
        return
    body = "\n".join([*lines, "", f"—— {settings.BANQUAN_OFFICE_NAME}"])
    subject = f"【{settings.BANQUAN_OFFICE_NAME}】{subject}"

    def queue() -> None:
        from banquan.rights import tasks

        tasks.send_notification(subject, body, recipients)

    transaction.on_commit(queue, robust=True)


def works_lines(regs: Iterable[Registration]) -> list[str]:
    return [f"  {r.number}  {r.title}" for r in regs]
