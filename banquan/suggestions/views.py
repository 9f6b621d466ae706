"""The suggestion panels: on the applicant's form page and on the reviewer's application page
(htmx fragments, polled while the model works), asking the model, and accepting or dismissing
a suggestion. Without JavaScript every form posts and comes back to the page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from banquan.core.errors import DomainError, NotFound
from banquan.core.http import is_htmx
from banquan.suggestions import access, presentation, services
from banquan.suggestions.models import Kind

APPLICANT_PANEL = "suggestions/_applicant_panel.html"
REVIEW_PANEL = "suggestions/_review_panel.html"


def _app(request, app_id: int):
    try:
        return access.application_for(request.user, app_id)
    except NotFound:
        raise Http404 from None


def _page_url(request, app) -> str:
    if access.is_office(request.user):
        return reverse("review:application", args=[app.pk]) + "#suggestions"
    name = "software:edit" if app.procedure == "software" else "applications:edit"
    return reverse(name, args=[app.pk]) + "#suggestions"


def _panel(request, app, *, error: str = "", status: int = 200) -> HttpResponse:
    if access.is_office(request.user):
        return render(request, REVIEW_PANEL, presentation.review_context(app, request.user, error=error), status=status)
    return render(request, APPLICANT_PANEL, presentation.applicant_context(app, request.user, error=error),
                  status=status)


def _after(request, app, *, error: str = "", done: str = "", reload: bool = False) -> HttpResponse:
    """htmx: the panel again (the whole page when the form changed); otherwise back to the page."""
    if is_htmx(request):
        if reload and not error:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            messages.success(request, done)
            return response
        return _panel(request, app, error=error)
    if error:
        messages.error(request, error)
    elif done:
        messages.success(request, done)
    return redirect(_page_url(request, app))


@login_required
@require_GET
def panel(request, app_id: int):
    return _panel(request, _app(request, app_id))


@login_required
@require_POST
def ask(request, app_id: int):
    """The applicant asks for a category and a check of the form; the reviewer for a summary."""
    app = _app(request, app_id)
    try:
        services.ask(user=request.user, app=app)
    except DomainError as e:
        return _after(request, app, error=e.message)
    return _after(request, app, done=_("已请智能助手分析，结果稍后显示。"))


@login_required
@require_POST
def accept(request, suggestion_id: int):
    return _decide(request, suggestion_id, accept=True)


@login_required
@require_POST
def dismiss(request, suggestion_id: int):
    return _decide(request, suggestion_id, accept=False)


def _decide(request, suggestion_id: int, *, accept: bool) -> HttpResponse:
    try:
        s = access.suggestion_for(request.user, suggestion_id)
    except NotFound:
        raise Http404 from None
    error = ""
    try:
        if accept:
            services.accept(user=request.user, suggestion_id=s.pk)
        else:
            services.dismiss(user=request.user, suggestion_id=s.pk, reason=request.POST.get("reason", ""))
    except DomainError as e:
        error = e.message
    changed_form = accept and s.kind == Kind.CATEGORY  # the form on the page shows the old category
    done = _("已采纳建议。") if accept else _("已忽略。")
    if changed_form:
        done = _("已采纳建议，作品类别已更改。")
    return _after(request, s.application, error=error, done=done, reload=changed_form)
