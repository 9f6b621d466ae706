"""Pre-registrations (预登记) of folk-art items: filing with a number, changes and media while
undecided, the office's review, conversion into a formal work registration application, and
library items entered directly by staff. Each writer runs in one transaction and is audited."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.core import clock
from banquan.core.errors import InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from banquan.folkart import access, inputs, numbering, states
from banquan.folkart.models import FolkItem, Inheritor, PreregCounter
from banquan.ledger import services as ledger


def next_number(day: dt.date) -> str:
    """The next 民预登 number. Inside the filing transaction: the UPDATE locks the year's counter
    row until commit (PostgreSQL; SQLite holds its write lock from BEGIN IMMEDIATE), so
    concurrent filings queue and no number is used twice or skipped."""
    PreregCounter.objects.bulk_create([PreregCounter(year=day.year)], ignore_conflicts=True)
    counter = PreregCounter.objects.filter(year=day.year)
    counter.update(last=F("last") + 1)
    return numbering.format_number(day.year, counter.values_list("last", flat=True).get())


def _checked(values: dict[str, Any], inheritors: list[dict]) -> tuple[dict, list[dict]]:
    clean, errors = inputs.clean_item(values)
    people, people_errors = inputs.clean_inheritors(inheritors)
    errors.update(people_errors)
    if errors:
        raise ValidationFailed(errors)
    return clean, people


def _write_inheritors(item: FolkItem, people: list[dict]) -> None:
    item.inheritors.all().delete()
    Inheritor.objects.bulk_create(Inheritor(item=item, position=i, **p) for i, p in enumerate(people))


def locked(item_id: int) -> FolkItem:
    try:
        return FolkItem.objects.select_for_update().get(pk=item_id)
    except FolkItem.DoesNotExist:
        raise NotFound(_("预登记不存在。")) from None


def own(item: FolkItem, user: User) -> None:
    if item.applicant_id != user.pk:
        raise NotFound(_("预登记不存在。"))  # another applicant's filing is not shown to exist


@transaction.atomic
def file(*, applicant: User, values: dict[str, Any], inheritors: list[dict]) -> FolkItem:
    """预登记: an applicant files an item; it gets its number now and waits for review."""
    if applicant.role != Role.APPLICANT:
        raise PermissionDenied(_("只有申请人账户可以进行民间文艺预登记。"))
    clean, people = _checked(values, inheritors)
    if not clean["filer_name"]:
        clean["filer_name"] = applicant.organization or str(applicant)
    now = clock.now()
    item = FolkItem.objects.create(applicant=applicant, status=states.FILED, filed_at=now, created_at=now,
                                   number=next_number(clock.today()), **clean)
    _write_inheritors(item, people)
    ledger.record(actor=applicant, subject=item.subject, action="file", to_state=item.status,
                  data={"number": item.number})
    return item


@transaction.atomic
def update(*, applicant: User, item_id: int, values: dict[str, Any], inheritors: list[dict]) -> FolkItem:
    item = locked(item_id)
    own(item, applicant)
    if item.status not in states.EDITABLE:
        raise InvalidTransition(_("预登记已审核，不能再修改。"))
    clean, people = _checked(values, inheritors)
    for k, v in clean.items():
        setattr(item, k, v)
    item.save()
    _write_inheritors(item, people)
    ledger.record(actor=applicant, subject=item.subject, action="update")
    return item


def _move(item: FolkItem, action_name: str, *, by: User, office: bool, reason: str = "") -> FolkItem:
    try:
        action = states.check(action_name, item.status, by_office=office, reason=reason)
    except states.Refused as e:
        if "理由" in e.message:
            raise ValidationFailed({"reason": [_(e.message)]}) from None
        raise InvalidTransition(_(e.message)) from None
    before = item.status
    item.status = action.target
    item.save()
    ledger.record(actor=by, subject=item.subject, action=action.name, from_state=before, to_state=item.status,
                  reason=reason.strip())
    return item


@transaction.atomic
def resubmit(*, applicant: User, item_id: int) -> FolkItem:
    """After a return for correction (退回补正): back to the office's queue."""
    item = locked(item_id)
    own(item, applicant)
    item.filed_at = clock.now()
    return _move(item, "resubmit", by=applicant, office=False)


@transaction.atomic
def decide(*, officer: User, item_id: int, decision: str, reason: str = "") -> FolkItem:
    """The office's review: accept into the library, return for correction, or reject."""
    if not access.is_office(officer):
        raise PermissionDenied(_("只有登记机构工作人员可以审核预登记。"))
    if decision not in states.DECISIONS:
        raise ValidationFailed({"decision": [_("审核结论应为入库、退回补正或不予入库。")]})
    item = locked(item_id)
    item.decided_by, item.decided_at, item.decision_reason = officer, clock.now(), reason.strip()
    return _move(item, decision, by=officer, office=True, reason=reason)


@transaction.atomic
def add_to_library(*, editor: User, values: dict[str, Any], inheritors: list[dict]) -> FolkItem:
    """Staff enter an item straight into the library (no pre-registration, no number)."""
    if not access.is_editor(editor):
        raise PermissionDenied(_("只有登记管理员可以直接录入资源库。"))
    clean, people = _checked(values, inheritors)
    now = clock.now()
    item = FolkItem.objects.create(status=states.ACCEPTED, created_at=now, decided_at=now, decided_by=editor,
                                   **clean)
    _write_inheritors(item, people)
    ledger.record(actor=editor, subject=item.subject, action="add_to_library", to_state=item.status)
    return item
