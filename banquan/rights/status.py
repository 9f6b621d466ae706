"""The rights status of a registered work, derived from its seizures and pledges. Callers hold
the registration's row lock (``lock``), so the status a reader sees is the one committed with
the change that caused it: the QR page reads it straight from the row, with no cache."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from banquan.core import clock
from banquan.core.errors import DomainError
from banquan.ledger import services as ledger
from banquan.records.models import Registration, RightsStatus

FINAL = (RightsStatus.REVOKED, RightsStatus.SUPERSEDED)


def lock(registration_ids: Iterable[int]) -> list[Registration]:
    """Lock the rows in id order (two transactions locking the same works never deadlock)."""
    ids = sorted(set(registration_ids))
    regs = list(Registration.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if len(regs) != len(ids):
        raise DomainError(_("登记记录不存在。"))
    return regs


def derive(reg: Registration) -> str:
    from banquan.rights.models import Pledge, Seizure

    if reg.rights_status in FINAL:
        return reg.rights_status
    if Seizure.objects.filter(registration=reg).filter(state=Seizure.State.ACTIVE).exists():
        return RightsStatus.SEIZED.value
    if Pledge.objects.filter(works=reg).filter(state=Pledge.State.REGISTERED).exists():
        return RightsStatus.PLEDGED.value
    return RightsStatus.VALID.value


def refresh(reg: Registration, *, by, reason: str) -> None:
    """Store the derived status on the locked row, logged when it changes."""
    status = derive(reg)
    if status == reg.rights_status:
        return
    before = reg.rights_status
    reg.rights_status, reg.status_reason, reg.status_changed_at = status, reason, clock.now()
    reg.save(update_fields=["rights_status", "status_reason", "status_changed_at"])
    ledger.record(actor=by, subject=reg.subject, action="rights_status", from_state=before, to_state=status,
                  reason=reason)


def active_seizure(reg: Registration):
    from banquan.rights.models import Seizure

    return Seizure.objects.filter(registration=reg).filter(state=Seizure.State.ACTIVE).first()


def refuse_if_seized(reg: Registration, doing: str) -> None:
    """While a seizure is active, transfer, pledge, change and reissue are refused, saying why."""
    seizure = active_seizure(reg)
    if seizure is not None:
        raise DomainError(
            _("作品“%(title)s”（%(number)s）已被%(authority)s以%(document)s查封（%(since)s 起），不能办理%(doing)s。")
            % {"title": reg.title, "number": reg.number, "authority": seizure.authority,
               "document": seizure.document_number, "since": f"{seizure.effective_at:%Y-%m-%d}", "doing": doing})


def refuse_if_final(reg: Registration, doing: str) -> None:
    if reg.rights_status in FINAL:
        raise DomainError(_("登记“%(number)s”已%(status)s，不能办理%(doing)s。")
                          % {"number": reg.number, "status": reg.get_rights_status_display(), "doing": doing})
