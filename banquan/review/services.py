"""The office's side of the workflow: acceptance (受理), review, decisions."""

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.applications import deadlines, states
from banquan.applications.models import Application, Correction
from banquan.applications.services import locked, transition
from banquan.core import clock
from banquan.core.errors import DomainError, PermissionDenied
from banquan.ledger import services as ledger
from banquan.records import services as records

OFFICE_ROLES = {Role.REVIEWER, Role.SPECIAL_REVIEWER, Role.REGISTRAR}


def _office(user: User) -> None:
    if user.role not in OFFICE_ROLES and not user.is_superuser:
        raise PermissionDenied(_("只有审查员或登记管理员可以执行此操作。"))


def _may_decide(app: Application, user: User) -> None:
    """Only the assigned reviewer (or a registrar) decides an application under review."""
    _office(user)
    if app.assigned_to_id not in (None, user.pk) and user.role != Role.REGISTRAR:
        raise PermissionDenied(_("该申请已分配给其他审查员。"))


def _step(app_id: int, action: str, reviewer: User, reason: str = "") -> Application:
    app = locked(app_id)
    _may_decide(app, reviewer)
    return transition(app, action, by=reviewer, actor=states.Actor.REVIEWER, reason=reason)


@transaction.atomic
def accept(*, reviewer: User, app_id: int) -> Application:
    """受理: the office takes the application on; the review clock starts tomorrow."""
    app = locked(app_id)
    _may_decide(app, reviewer)
    app.accepted_on = clock.today()
    deadlines.refresh(app)
    return transition(app, "accept", by=reviewer, actor=states.Actor.REVIEWER,
                      data={"deadline": str(app.deadline), "provisional": app.deadline_provisional})


@transaction.atomic
def start_review(*, reviewer: User, app_id: int) -> Application:
    app = locked(app_id)
    _may_decide(app, reviewer)
    app.assigned_to = reviewer
    return transition(app, "start_review", by=reviewer, actor=states.Actor.REVIEWER)


@transaction.atomic
def assign(*, registrar: User, app_id: int, reviewer: User) -> Application:
    if registrar.role != Role.REGISTRAR and not registrar.is_superuser:
        raise PermissionDenied(_("只有登记管理员可以分配审查员。"))
    if reviewer.role not in (Role.REVIEWER, Role.SPECIAL_REVIEWER):
        raise DomainError(_("只能分配给审查员。"))
    app = locked(app_id)
    if app.status in states.TERMINAL:
        raise DomainError(_("已结束的申请不能再分配。"))
    app.assigned_to = reviewer
    app.save()
    ledger.record(actor=registrar, subject=app.subject, action="assign", data={"reviewer": reviewer.username})
    return app


@transaction.atomic
def request_correction(*, reviewer: User, app_id: int, reason: str) -> Application:
    """补正: ask the applicant to fix something; the clock stops until they answer."""
    app = locked(app_id)
    _may_decide(app, reviewer)
    app = transition(app, "request_correction", by=reviewer, actor=states.Actor.REVIEWER, reason=reason)
    Correction.objects.create(application=app, requested_on=clock.today(), requested_by=reviewer,
                              request=reason.strip())
    deadlines.refresh(app)
    app.save()
    return app


@transaction.atomic
def approve(*, reviewer: User, app_id: int, reason: str):
    """Approve and register in one transaction: the registration number is issued only if
    the approval commits, so numbers stay gap-free."""
    app = _step(app_id, "approve", reviewer, reason)
    app.decided_at = clock.now()
    app.save()
    return records.register(app=app, by=reviewer)


@transaction.atomic
def reject(*, reviewer: User, app_id: int, reason: str) -> Application:
    app = locked(app_id)
    _may_decide(app, reviewer)
    app.decided_at = clock.now()
    app.deadline = None
    return transition(app, "reject", by=reviewer, actor=states.Actor.REVIEWER, reason=reason)


def decide(*, reviewer: User, app_id: int, decision: str, reason: str):
    """The reviewer's decision form: one of ``states.DECISIONS``."""
    if decision == "approve":
        return approve(reviewer=reviewer, app_id=app_id, reason=reason)
    if decision == "request_correction":
        return request_correction(reviewer=reviewer, app_id=app_id, reason=reason)
    if decision == "reject":
        return reject(reviewer=reviewer, app_id=app_id, reason=reason)
    raise DomainError(_("请选择审查结论。"), field="decision")
