"""Who sees which seizures, pledges, recordations, changes and reissues, and how a seizure's
place in line is described. Shared by the JSON API and the pages; the services themselves decide who may act."""

import re

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from banquan.accounts.models import Role, User
from banquan.core import clock
from banquan.core.errors import NotFound, PermissionDenied
from banquan.rights.models import ChangeRequest, Pledge, Recordation, ReissueRequest, Revocation, Seizure

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


# --- afterwards: recordations, changes, revocations, reissues --------------------------------


def is_applicant(user: User) -> bool:
    return user.is_authenticated and user.role == Role.APPLICANT


def _own_or_all(user: User, qs: QuerySet, own: dict, refusal: str) -> QuerySet:
    if user.is_registrar:
        return qs
    if is_applicant(user):
        return qs.filter(**own)
    raise PermissionDenied(refusal)


def visible_recordations(user: User) -> QuerySet[Recordation]:
    """The applicant's own filings; registrars see all. Newest first."""
    return _own_or_all(user, Recordation.objects.prefetch_related("works").order_by("-filed_at", "-id"),
                       {"filed_by": user}, _("只有申请人和登记管理员可以查看合同备案。"))


def visible_recordation(user: User, recordation_id: int) -> Recordation:
    rec = visible_recordations(user).filter(pk=recordation_id).first()
    if rec is None:
        raise NotFound(_("合同备案申请不存在。"))
    return rec


def visible_changes(user: User) -> QuerySet[ChangeRequest]:
    """Changes of the applicant's own registrations; registrars see all. Newest first."""
    return _own_or_all(user, ChangeRequest.objects.select_related("registration").order_by("-filed_at", "-id"),
                       {"registration__application__applicant": user},
                       _("只有申请人和登记管理员可以查看变更或补充登记。"))


def visible_change(user: User, change_id: int) -> ChangeRequest:
    change = visible_changes(user).filter(pk=change_id).first()
    if change is None:
        raise NotFound(_("变更申请不存在。"))
    return change


def visible_reissues(user: User) -> QuerySet[ReissueRequest]:
    """Reissues of the applicant's own registrations; registrars see all. The nearest deadline first."""
    return _own_or_all(user, ReissueRequest.objects.select_related("registration").order_by("deadline", "id"),
                       {"registration__application__applicant": user},
                       _("只有申请人和登记管理员可以查看证书补发或换发申请。"))


def visible_reissue(user: User, request_id: int) -> ReissueRequest:
    request = visible_reissues(user).filter(pk=request_id).first()
    if request is None:
        raise NotFound(_("补发或换发申请不存在。"))
    return request


def visible_revocations(user: User) -> QuerySet[Revocation]:
    if not user.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以查看撤销登记。"))
    return Revocation.objects.select_related("registration", "kept").order_by("-decided_at", "-id")


def reissue_timing(request: ReissueRequest) -> tuple[bool, int | None]:
    """(overdue, working days left) of a request still being handled; (False, None) once decided.
    Days left count the working days after today up to the deadline (0 on the deadline day);
    overdue, they are negative: the working days since the deadline."""
    from banquan.workdays import arith
    from banquan.workdays.calendar import current

    if request.state != ReissueRequest.State.SUBMITTED:
        return False, None
    today, cal = clock.today(), current()
    if request.deadline >= today:
        return False, arith.working_days_between(cal, today, request.deadline)
    return True, -arith.working_days_between(cal, request.deadline, today)


def _shown(key: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if key == "owners":
        return "、".join(str(o.get("display") or o.get("name", "")) for o in value)
    if key == "authors":
        return "、".join(str(a.get("display") or a.get("name", "")) for a in value)
    return str(value)


CHANGE_LABELS = {"title": _lazy("作品名称"), "owners": _lazy("著作权人"), "authors": _lazy("作者"),
                 "completion_date": _lazy("创作完成日期"), "first_publication_date": _lazy("首次发表日期")}


def change_rows(change: ChangeRequest) -> list[dict]:
    """What the change asks for, field by field, with the registration's present value (old → new)."""
    data = change.registration.data
    return [{"field": key, "label": str(CHANGE_LABELS.get(key, key)), "old": _shown(key, data.get(key)),
             "new": _shown(key, value)} for key, value in change.changes.items()]
