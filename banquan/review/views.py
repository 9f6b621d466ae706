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
from banquan.review.forms import DecisionForm, decision_choices

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
    category = category if category in c.Category.values else ""
    apps = queue.queue_for(request.user, status=status, category=category)
    page = Paginator(apps, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    status_choices = [(s, display.state_label(s)) for s in c.Status.values if s in queue.QUEUE_STATES]
    return render(request, "review/queue.html", {
        "rows": queue.rows(page.object_list),
        "page": page,
        "status": status,
        "category": category,
        "status_choices": status_choices,
        "category_choices": c.Category.choices,
        "sees_everything": queue.sees_everything(request.user),
    })


def _application(request, app_id: int) -> Application:
    """The application with everything the page shows, in a fixed number of queries;
    404 for drafts and for applications assigned to a colleague."""
    qs = queue.visible_to(request.user).select_related("applicant", "assigned_to", "registration").prefetch_related(
        "authors", "owners", "samples",
        Prefetch("corrections", queryset=Correction.objects.select_related("requested_by")),
    )
    return get_object_or_404(qs, pk=app_id)


def _page_context(app: Application, *, form: DecisionForm | None = None, error: str = "") -> dict:
    available = [a.name for a in states.available(app.status, states.Actor.REVIEWER)]
    decisions = [d for d in states.DECISIONS if d in available]
    return {
        "app": app,
        "fields": display.form_rows(app),
        "history": display.history_rows(ledger.history(app.subject)),
        "quick_actions": [states.ACTIONS[a] for a in QUICK_ACTIONS if a in available],
        "decisions": decisions,
        "decision_choices": decision_choices(decisions),
        "form": form or DecisionForm(),
        "error": error,
        "registration_number": presentation.registration_number(app) or "",
        "reviewers": _assignable(app),
    }


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
    return render(request, "review/application.html", _page_context(app))


def _refused(request, app_id: int, *, error: str = "", form: DecisionForm | None = None, status: int):
    """Show the page again with the refusal beside the form. htmx only swaps 2xx responses,
    so its requests get 200 and the status code goes to everyone else."""
    app = _application(request, app_id)
    response = render(request, "review/application.html", _page_context(app, form=form, error=error))
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


def _run(request, app_id: int, step, success_message, *, form: DecisionForm | None = None):
    _application(request, app_id)  # 404 before anything is attempted
    try:
        result = step()
    except DomainError as e:
        return _refused(request, app_id, error=_message(e), form=form, status=_status_for(e))
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


DECISION_MESSAGES = {
    "approve": lambda reg: _("审查通过，已登记。登记号：{number}").format(number=reg.number),
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
