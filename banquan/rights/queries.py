"""Who sees which seizures and pledges, and how a seizure's place in line is described.
Shared by the JSON API and the pages; the services themselves decide who may act."""

import re

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.core.errors import NotFound, PermissionDenied
from banquan.rights.models import Pledge, Seizure

_SEPARATORS = re.compile(r"[\s,，、;；]+")
OPEN = (Seizure.State.ACTIVE, Seizure.State.WAITING)


def split_numbers(values: str | list[str]) -> list[str]:
    """Registration numbers typed one per line or separated by commas or 、 (duplicates dropped)."""
    parts = [values] if isinstance(values, str) else values
    found: list[str] = []
    for part in parts:
        for n in _SEPARATORS.split(part or ""):
            if n and n not in found:
                found.append(n)
    return found


def is_court(user: User) -> bool:
    return user.is_authenticated and user.role == Role.COURT_OFFICER and bool(user.organization.strip())


def is_bank(user: User) -> bool:
    return user.is_authenticated and user.role == Role.BANK_OFFICER and bool(user.organization.strip())


def visible_seizures(user: User) -> QuerySet[Seizure]:
    """The officer's own authority's seizures; registrars see all. Newest first."""
    qs = Seizure.objects.select_related("registration").order_by("-filed_at", "-id")
    if user.is_registrar:
        return qs
    if is_court(user):
        return qs.filter(authority=user.organization.strip())
    raise PermissionDenied(_("只有法院或行政机关的工作人员和登记管理员可以查看查封记录。"))


def visible_pledges(user: User) -> QuerySet[Pledge]:
    """The bank's own pledges (as pledgee); registrars see all. Newest first."""
    qs = Pledge.objects.prefetch_related("works").order_by("-filed_at", "-id")
    if user.is_registrar:
        return qs
    if is_bank(user):
        return qs.filter(pledgee=user.organization.strip())
    raise PermissionDenied(_("只有质权人的工作人员和登记管理员可以查看质权登记。"))


def visible_pledge(user: User, pledge_id: int) -> Pledge:
    pledge = visible_pledges(user).filter(pk=pledge_id).first()
    if pledge is None:
        raise NotFound(_("质权登记不存在。"))
    return pledge


def line_rank(seizure: Seizure) -> int | None:
    """Its place in the work's line (the active seizure is 1); None once released."""
    if seizure.state not in OPEN:
        return None
    return Seizure.objects.filter(registration_id=seizure.registration_id, state__in=OPEN,
                                  position__lte=seizure.position).count()


def seizure_label(seizure: Seizure, rank: int | None = None) -> str:
    if seizure.state == Seizure.State.WAITING:
        rank = rank if rank is not None else line_rank(seizure)
        return _("轮候中（第 %(n)d 顺位）") % {"n": rank}
    return str(seizure.get_state_display())
