"""The office's side of the workflow: acceptance (受理), review, decisions, and the special
review group's second decision (专项复审)."""

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.applications import deadlines, states
from banquan.applications.models import Application, Correction
from banquan.applications.services import locked, transition
from banquan.core import clock
from banquan.core.errors import DomainError, InvalidTransition, PermissionDenied
from banquan.ledger import services as ledger
from banquan.records import services as records
from banquan.records.models import Registration
from banquan.stats import services as stats

OFFICE_ROLES = {Role.REVIEWER, Role.SPECIAL_REVIEWER, Role.REGISTRAR}


def _office(user: User) -> None:
    if user.role not in OFFICE_ROLES and not user.is_superuser:
        raise PermissionDenied(_("只有审查员或登记管理员可以执行此操作。"))


def _may_decide(app: Application, user: User) -> None:
    """Only the assigned reviewer (or a registrar) decides an application under review."""
    _office(user)
    if app.assigned_to_id not in (None, user.pk) and user.role != Role.REGISTRAR:
        raise PermissionDenied(_("该申请已分配给其他审查员。"))


def special_refusal(app: Application, user: User) -> str | None:
    """Why ``user`` may not take the special review group's second decision on ``app``, or
    None if they may: only a group member, and not the reviewer who approved first (nor the
    assigned reviewer), so that two different people approve."""
    if user.role != Role.SPECIAL_REVIEWER:
        return _("只有专项复审组成员可以作出专项复审决定。")
    if user.pk in (app.first_approved_by_id, app.assigned_to_id):
        return _("您是本申请的初审审查员，专项复审须由专项复审组的其他成员作出。")
    return None


def _may_decide_special(app: Application, user: User) -> None:
    refusal = special_refusal(app, user)
    if refusal:
        raise PermissionDenied(refusal)


@transaction.atomic
def accept(*, reviewer: User, app_id: int) -> Application:
    """受理: the office takes the application on; the review clock starts tomorrow."""
    app = locked(app_id)
    _may_decide(app, reviewer)
    app.accepted_on = clock.today()
    deadlines.refresh(app)
    app = transition(app, "accept", by=reviewer, actor=states.Actor.REVIEWER,
                     data={"deadline": str(app.deadline), "provisional": app.deadline_provisional})
    # Sensitive-content screening starts once the acceptance is committed; its failure
    # cannot undo the acceptance (robust: logged, not raised).
    from banquan.screening import tasks as screening_tasks

    transaction.on_commit(lambda: screening_tasks.schedule(app.pk), robust=True)
    from banquan.similarity import tasks as similarity_tasks  # compared with registered works

    transaction.on_commit(lambda: similarity_tasks.schedule_prior(app.pk), robust=True)
    from banquan.logos import tasks as logo_tasks  # a copy of a protected brand logo is stopped

    transaction.on_commit(lambda: logo_tasks.schedule(app.pk), robust=True)
    from banquan.software import tasks as software_tasks  # copied code and mass filings

    transaction.on_commit(lambda: software_tasks.schedule(app.pk), robust=True)
    from banquan.suggestions import tasks as suggestion_tasks  # the reviewer's summary, if a model is set

    transaction.on_commit(lambda: suggestion_tasks.summarize_at_acceptance(app.pk), robust=True)
    return app


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


def _screening_finished(app_id: int) -> None:
    """No approval while the screening is still reading: it may yet send the application to
    the special review group."""
    from banquan.screening import services as screening  # screening depends on review

    run = screening.latest_run(app_id)
    if run is not None and run.status in ("queued", "running"):
        raise DomainError(_("自动筛查尚未完成，请在筛查结束并查看结果后再作出审查结论。"))


@transaction.atomic
def approve(*, reviewer: User, app_id: int, reason: str) -> Registration | Application:
    """The reviewer's approval. Usually it registers in the same transaction (the number is
    issued only if the approval commits, so numbers stay gap-free) and returns the
    registration. An application that needs special review is not registered: this first
    approval sends it to the special review group (``special_review``) and returns it."""
    app = locked(app_id)
    _may_decide(app, reviewer)
    _screening_finished(app_id)
    from banquan.logos import checks as logo_checks

    logo_checks.require_finished(app_id)
    action = states.approval_action(special_review_required=app.special_review_required)
    if action == "first_approve":
        app.first_approved_by = reviewer
        app.first_approved_at = clock.now()
        return transition(app, action, by=reviewer, actor=states.Actor.REVIEWER, reason=reason)
    app.decided_at = clock.now()
    app = transition(app, action, by=reviewer, actor=states.Actor.REVIEWER, reason=reason)
    return records.register(app=app, by=reviewer)


@transaction.atomic
def reject(*, reviewer: User, app_id: int, reason: str) -> Application:
    app = locked(app_id)
    _may_decide(app, reviewer)
    if app.status == states.State.INTERCEPTED and reviewer.role != Role.REGISTRAR and not reviewer.is_superuser:
        raise PermissionDenied(_("被拦截的申请只能由登记管理员解除拦截或决定不予登记。"))
    app.decided_at = clock.now()
    app.deadline = None
    stats.rejected(application=app)
    return transition(app, "reject", by=reviewer, actor=states.Actor.REVIEWER, reason=reason)


def decide(*, reviewer: User, app_id: int, decision: str, reason: str) -> Registration | Application:
    """The reviewer's decision form: one of ``states.DECISIONS``."""
    if decision == "approve":
        return approve(reviewer=reviewer, app_id=app_id, reason=reason)
    if decision == "request_correction":
        return request_correction(reviewer=reviewer, app_id=app_id, reason=reason)
    if decision == "reject":
        return reject(reviewer=reviewer, app_id=app_id, reason=reason)
    raise DomainError(_("请选择审查结论。"), field="decision")


# --- special review (专项复审) ----------------------------------------------------------------

REQUIRE_SPECIAL_REVIEW = "require_special_review"  # the audit action (not a state change)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@transaction.atomic
def require_special_review(*, app_id: int, reason: str, by: User | None = None) -> Application:
    """Mark an application as needing the special review group's second approval.

    ``by=None`` is the automatic screening (it calls this at acceptance); a user is a reviewer
    sending it there by hand (the assigned reviewer, any reviewer while it is unassigned, or a
    registrar). Callable in any state but the final ones; the state does not change, but the
    reviewer's approval will then lead to ``special_review`` instead of registration.
    Idempotent: each distinct reason is appended once (one per line) with one audit entry; a
    reason already recorded changes nothing."""
    reason = _one_line(reason)
    if not reason:
        raise DomainError(_("请填写送专项复审的理由。"), field="reason")
    app = locked(app_id)
    if by is not None:
        _may_decide(app, by)
    if app.status in states.TERMINAL:
        raise InvalidTransition(
            _("申请当前状态为“%(state)s”，已经结束，不能再送专项复审。")
            % {"state": _(states.LABELS_ZH[states.State(app.status)])}
        )
    reasons = special_review_reasons(app)
    if app.special_review_required and reason in reasons:
        return app
    app.special_review_required = True
    app.special_review_reason = "\n".join([*reasons, reason])
    app.save()
    ledger.record(actor=by, subject=app.subject, action=REQUIRE_SPECIAL_REVIEW, reason=reason,
                  data={"source": "screening" if by is None else "reviewer"})
    return app


def special_review_reasons(app: Application) -> list[str]:
    return [line for line in app.special_review_reason.splitlines() if line.strip()]


def _special_step(app: Application, action: str, reviewer: User, reason: str) -> Application:
    first = app.first_approved_by
    return transition(app, action, by=reviewer, actor=states.Actor.SPECIAL_REVIEWER, reason=reason,
                      data={"first_approved_by": first.username if first else None})


@transaction.atomic
def special_approve(*, reviewer: User, app_id: int, reason: str) -> Registration:
    """The second approval: registers in the same transaction, as ``approve`` does."""
    app = locked(app_id)
    _may_decide_special(app, reviewer)
    app.decided_at = clock.now()
    app = _special_step(app, "special_approve", reviewer, reason)
    return records.register(app=app, by=reviewer)


@transaction.atomic
def special_return(*, reviewer: User, app_id: int, reason: str) -> Application:
    """Back to the first reviewer (in_review), who must approve again: the first approval is
    void (the audit log keeps it). The application still needs special review."""
    app = locked(app_id)
    _may_decide_special(app, reviewer)
    app = _special_step(app, "special_return", reviewer, reason)
    app.first_approved_by = None
    app.first_approved_at = None
    app.save()
    return app


@transaction.atomic
def special_reject(*, reviewer: User, app_id: int, reason: str) -> Application:
    app = locked(app_id)
    _may_decide_special(app, reviewer)
    app.decided_at = clock.now()
    app.deadline = None
    stats.rejected(application=app)
    return _special_step(app, "special_reject", reviewer, reason)


def special_decide(*, reviewer: User, app_id: int, decision: str, reason: str) -> Registration | Application:
    """The special review group's decision form: one of ``states.SPECIAL_DECISIONS``."""
    if decision == "special_approve":
        return special_approve(reviewer=reviewer, app_id=app_id, reason=reason)
    if decision == "special_return":
        return special_return(reviewer=reviewer, app_id=app_id, reason=reason)
    if decision == "special_reject":
        return special_reject(reviewer=reviewer, app_id=app_id, reason=reason)
    raise DomainError(_("请选择专项复审结论。"), field="decision")
