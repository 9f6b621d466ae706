"""Writing to the audit log. Callers run inside their own transaction, so the entry commits
or rolls back with the change it records."""

from typing import Any

from banquan.core import clock
from banquan.ledger.models import AuditEntry


def record(
    *, actor: Any, subject: str, action: str, from_state: str = "", to_state: str = "",
    reason: str = "", data: dict | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        at=clock.now(), actor=actor if getattr(actor, "pk", None) else None, subject=subject,
        action=action, from_state=from_state, to_state=to_state, reason=reason, data=data or {},
    )


def history(subject: str):
    return AuditEntry.objects.filter(subject=subject).select_related("actor")
