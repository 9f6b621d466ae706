"""The reviewer workbench: the work queue, the application page and its actions.

Actions post from the page (htmx swaps the action area; without JavaScript the page reloads).
A refused action is shown beside the form; a successful one reloads the whole page, whose
status, deadline and history have all changed.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from banquan.accounts.models import Role, User
from banquan.applications import choices as c
from banquan.applications import presentation, states
from banquan.applications.models import Application, Correction
from banquan.core.errors import DomainError, InvalidTransition, PermissionDenied, ValidationFailed
from banquan.core.http import is_htmx
from banquan.ledger import services as ledger
from banquan.review import display, queue, services
from banquan.review.forms import DecisionForm, SpecialDecisionForm, SpecialReviewRequestForm, decision_choices

QUEUE_PAGE_SIZE = 50
QUICK_ACTIONS = ("accept", "start_review")


def office_only(view):
    """Reviewers, special reviewers and registrars; anyone else signed in gets 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not queue.is_office(request.user):
            raise Forbidden
        return view(request, *args, **kwargs)

    return wrapper



@office_only
@require_GET
def queue_page(request):
    status = request.GET.get("status", "")
    category = request.GET.get("category", "")
    status = status if status in queue.QUEUE_STATES else ""
    category = category if category in c.Category.values or category == queue.SOFTWARE else ""
    # The special review tab, for the special review group and registrars (ignored for others).
    sees_special = queue.sees_special_queue(request.user)
    special = sees_special and request.GET.get("special") == "1"
    apps = queue.queue_for(request.user, status=status, category=category, special=special)
    page = Paginator(apps, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    status_choices = [(s, display.state_label(s)) for s in c.Status.values if s in queue.QUEUE_STATES]
    return render(request, "review/queue.html", {
        "rows": queue.rows(page.object_list),
        "page": page,
        "status": status,
        "category": category,
        "special": special,
        "sees_special": sees_special,
        "special_count": queue.special_queue_for(request.user).count() if sees_special else 0,
        "status_choices": status_choices,
        "category_choices": c.Category.choices,
        "sees_everything": queue.sees_everything(request.user),
    })


def _application(request, app_id: int) -> Application:
    """The application with everything the page shows, in a fixed number of queries;
    404 for drafts and for applications assigned to a colleague."""
    qs = queue.visible_to(request.user).select_related(
        "applicant", "assigned_to", "registration", "first_approved_by",
    ).prefetch_related(
        "authors", "owners", "samples",
        Prefetch("corrections", queryset=Correction.objects.select_related("requested_by")),
    )
    return get_object_or_404(qs, pk=app_id)


def _may_act(app: Application, user: User) -> bool:
    """The reviewer's actions are offered to the assigned reviewer (anyone while unassigned)
    and registrars, as ``services`` allows; the special review group also sees applications
    assigned to colleagues."""
    return user.role == Role.REGISTRAR or app.assigned_to_id in (None, user.pk)


def _page_context(
    app: Application, user: User, *, error: str = "", form: DecisionForm | None = None,
    special_form: SpecialDecisionForm | None = None, send_form: SpecialReviewRequestForm | None = None,
) -> dict:
    may_act = _may_act(app, user)
    available = [a.name for a in states.available(app.status, states.Actor.REVIEWER)] if may_act else []
    # An intercepted application is decided in the logo panel (release or reject), by a registrar.
    decisions = [d for d in states.DECISIONS if d in available and app.status != states.State.INTERCEPTED]
    choices = decision_choices(decisions)
    if app.special_review_required:  # "approve" is the first approval: say where it leads
        first = _(states.ACTIONS[states.approval_action(special_review_required=True)].label_zh)
        choices = [(d, first if d == "approve" else label) for d, label in choices]
    entries = list(ledger.history(app.subject))
    in_special_review = app.status == states.State.SPECIAL_REVIEW
    special_refusal = services.special_refusal(app, user) if in_special_review else None
    return {
        "app": app,
        "status_label": display.state_label(app.status),
        "fields": display.form_rows(app),
        "history": display.history_rows(entries),
        "quick_actions": [states.ACTIONS[a] for a in QUICK_ACTIONS if a in available],
        "decisions": decisions,
        "decision_choices": choices,
        "form": form or DecisionForm(),
        "error": error,
        "registration_number": presentation.registration_number(app) or "",
        "reviewers": _assignable(app),
        # Special review (专项复审)
        "special_reasons": display.special_review_reasons(app, entries),
        "may_send_to_special_review": (may_act and not app.special_review_required
                                       and app.status not in states.TERMINAL),
        "send_form": send_form or SpecialReviewRequestForm(),
        "in_special_review": in_special_review,
        "special_decisions": in_special_review and special_refusal is None,
        # Shown to a group member who may not decide this one (the others just wait).
        "special_refusal": special_refusal if queue.is_special_reviewer(user) else "",
        "special_form": special_form or SpecialDecisionForm(),
        "software": _software(app),
    }


def _software(app: Application) -> dict | None:
    """The software form and deposit materials, shown instead of the work form and samples."""
    if app.procedure != "software":
        return None
    from banquan.software import presentation as software  # software depends on review

    return software.review_context(app)


def _assignable(app: Application) -> list:
    """Reviewers a registrar may hand an open application to (empty once it is decided)."""
    if app.status in states.TERMINAL:
        return []
    return list(User.objects.filter(role__in=[Role.REVIEWER, Role.SPECIAL_REVIEWER], is_active=True)
                .order_by("username"))


@office_only
@require_GET
def application_page(request, app_id: int):
    app = _application(request, app_id)
    return render(request, "review/application.html", _page_context(app, request.user))


def _refused(request, app_id: int, *, error: str = "", status: int, **forms):
    """Show the page again with the refusal beside the form. htmx only swaps 2xx responses,
    so its requests get 200 and the status code goes to everyone else. ``forms``: the posted
    form, to show its input and errors again (``form``, ``special_form`` or ``send_form``)."""
    app = _application(request, app_id)
    response = render(request, "review/application.html", _page_context(app, request.user, error=error, **forms))
    if not is_htmx(request):
        response.status_code = status
    return response


def _done(request, app_id: int, message: str):
    messages.success(request, message)
    url = reverse("review:application", args=[app_id])
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _status_for(error: DomainError) -> int:
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, InvalidTransition):
        return 409
    return 422


def _message(error: DomainError) -> str:
    if isinstance(error, ValidationFailed):
        return "；".join(m for messages_ in error.errors.values() for m in messages_)
    return error.message


def _run(request, app_id: int, step, success_message, **forms):
    _application(request, app_id)  # 404 before anything is attempted
    try:
        result = step()
    except DomainError as e:
        return _refused(request, app_id, error=_message(e), status=_status_for(e), **forms)
    return _done(request, app_id, success_message(result))


@office_only
@require_POST
def accept(request, app_id: int):
    return _run(request, app_id, lambda: services.accept(reviewer=request.user, app_id=app_id),
                lambda app: _("已受理。审查期限：{deadline}。").format(deadline=app.deadline or "—"))


@office_only
@require_POST
def assign(request, app_id: int):
    """A registrar (back office) assigns or reassigns the reviewer."""
    reviewer = User.objects.filter(pk=request.POST.get("reviewer") or 0, is_active=True).first()
    if reviewer is None:
        return _refused(request, app_id, error=_("请选择审查员。"), status=422)
    return _run(request, app_id,
                lambda: services.assign(registrar=request.user, app_id=app_id, reviewer=reviewer),
                lambda app: _("已分配给审查员 {name}。").format(name=reviewer))


@office_only
@require_POST
def start_review(request, app_id: int):
    return _run(request, app_id, lambda: services.start_review(reviewer=request.user, app_id=app_id),
                lambda app: _("已开始审查，本申请已分配给您。"))


def _approved(result) -> str:
    if isinstance(result, Application):  # a first approval: the special review group is next
        return _("初审通过，已送专项复审组复审；复审通过后登记。")
    return _("审查通过，已登记。登记号：{number}").format(number=result.number)


DECISION_MESSAGES = {
    "approve": _approved,
    "request_correction": lambda app: _("已要求补正；申请人答复前审查期限暂停计算。"),
    "reject": lambda app: _("已作出不予登记决定。"),
}


@office_only
@require_POST
def decide(request, app_id: int):
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, app_id, form=form, status=422)
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    return _run(
        request, app_id,
        lambda: services.decide(reviewer=request.user, app_id=app_id, decision=decision, reason=reason),
        DECISION_MESSAGES[decision], form=form,
    )


@office_only
@require_POST
def send_to_special_review(request, app_id: int):
    """送专项复审: the reviewer marks the application; its approval then needs a second one."""
    form = SpecialReviewRequestForm(request.POST)
    if not form.is_valid():
        return _refused(request, app_id, send_form=form, status=422)
    reason = form.cleaned_data["reason"]
    return _run(
        request, app_id,
        lambda: services.require_special_review(app_id=app_id, reason=reason, by=request.user),
        lambda app: _("已送专项复审：审查通过后须经专项复审组复审方可登记。"), send_form=form,
    )


SPECIAL_DECISION_MESSAGES = {
    "special_approve": lambda reg: _("专项复审通过，已登记。登记号：{number}").format(number=reg.number),
    "special_return": lambda app: _("已退回初审审查员重新审查。"),
    "special_reject": lambda app: _("已作出不予登记决定。"),
}


@office_only
@require_POST
def special_decide(request, app_id: int):
    """The special review group's second decision."""
    form = SpecialDecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, app_id, special_form=form, status=422)
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    return _run(
        request, app_id,
        lambda: services.special_decide(reviewer=request.user, app_id=app_id, decision=decision, reason=reason),
        SPECIAL_DECISION_MESSAGES[decision], special_form=form,
    )
