"""The applicant's pages: my applications, the registration form, samples, submission,
correction answers and withdrawal. Every change goes through ``services``; these views only
bind forms, call a service and show its errors beside the fields."""

import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from banquan.accounts.models import Role
from banquan.applications import presentation, services, states, uploads
from banquan.applications.forms import (
    SECTIONS_BEFORE_PEOPLE,
    ApplicationFormBundle,
    CorrectionResponseForm,
    SampleUploadForm,
    WithdrawForm,
)
from banquan.applications.models import Application
from banquan.core.errors import DomainError, ValidationFailed
from banquan.ledger import services as ledger

# Buttons that add an empty author/owner row: the form comes back with the input kept.
ADD_ROW = {"add_author": "authors", "add_owner": "owners"}
MAX_ROWS = 50
# Shown in the browser; the rest are offered as downloads.
INLINE_MEDIA = {"image", "pdf", "audio", "video"}


def applicant_required(view):
    """Logged in as an applicant; other roles have their own workbench (403 here)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.role != Role.APPLICANT:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _own_application(request: HttpRequest, pk: int) -> Application:
    # 404, not 403, for someone else's application: its existence is not confirmed.
    return get_object_or_404(Application, pk=pk, applicant=request.user)



def _with_added_row(data, action: str):
    prefix = ADD_ROW[action]
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        count = int(data.get(key, 0))
    except ValueError:
        count = 0
    data[key] = str(min(count + 1, MAX_ROWS))
    return data


# --- list ---------------------------------------------------------------------------------

@applicant_required
def application_list(request):
    apps = Application.objects.filter(applicant=request.user).select_related("registration")
    rows = [
        {
            "app": app,
            "badge": presentation.badge_class(app.status),
            "status_label": presentation.applicant_state_label(app.status),
            "deadline": presentation.deadline_text(app),
            "registration": presentation.registration_of(app),
            "editable": app.status in services.EDITABLE,
            "deletable": app.status == states.State.DRAFT,
            "detail_url": presentation.detail_url(app),
            "edit_url": presentation.edit_url(app),
        }
        for app in apps
    ]
    return render(request, "applications/list.html", {"rows": rows})


# --- the form -----------------------------------------------------------------------------

def _render_form(request, bundle: ApplicationFormBundle, app: Application | None, *,
                 upload_form: SampleUploadForm | None = None,
                 response_form: CorrectionResponseForm | None = None, status: int = 200) -> HttpResponse:
    sections = bundle.form.sections()
    correcting = app is not None and app.status == states.State.CORRECTION_REQUESTED
    if correcting and response_form is None:
        response_form = CorrectionResponseForm()
    context = {
        "app": app,
        "form": bundle.form,
        "authors": bundle.authors,
        "owners": bundle.owners,
        "sections_before": sections[:SECTIONS_BEFORE_PEOPLE],
        "sections_after": sections[SECTIONS_BEFORE_PEOPLE:],
        "form_action": reverse("applications:edit", args=[app.pk]) if app else reverse("applications:new"),
        "other_errors": {k: v for k, v in bundle.extra_errors.items() if k != "samples"},
        "correcting": correcting,
        "correction": services.open_correction(app) if app is not None and correcting else None,
        "response_form": response_form,
    }
    if app is not None:
        context.update(_samples_context(app, upload_form, bundle.extra_errors.get("samples", [])))
    return render(request, "applications/form.html", context, status=status)


def _samples_context(app: Application, upload_form: SampleUploadForm | None, errors: list[str]) -> dict:
    return {
        "app": app,
        "samples": list(app.samples.all()),
        "upload_form": upload_form or SampleUploadForm(),
        "sample_errors": errors,
        "samples_editable": app.status in services.EDITABLE,
        "upload_limits": [(uploads.SIZE_WORDS[k], v) for k, v in settings.BANQUAN_UPLOAD_LIMITS.items()],
    }


@applicant_required
def new(request):
    if request.method != "POST":
        bundle = ApplicationFormBundle(new=True, initial_token=uuid.uuid4())
        return _render_form(request, bundle, None)
    action = request.POST.get("action", "save")
    if action in ADD_ROW:
        return _render_form(request, ApplicationFormBundle(_with_added_row(request.POST, action), new=True), None)
    bundle = ApplicationFormBundle(request.POST, new=True)
    if not bundle.is_valid():
        return _render_form(request, bundle, None, status=400)
    app = services.create_draft(applicant=request.user, client_token=bundle.form.cleaned_data.get("client_token"),
                                **bundle.service_kwargs())
    messages.success(request, _("草稿已保存。您可以继续填写、上传作品样本，然后提交申请。"))
    return redirect("applications:edit", pk=app.pk)


def _refuse_edit(request, app: Application, message: str | None = None) -> HttpResponse:
    messages.error(request, message or _("申请已提交，只能在审查员要求补正时修改。"))
    return redirect("applications:detail", pk=app.pk)


@applicant_required
def edit(request, pk: int):
    app = _own_application(request, pk)
    if app.procedure == "software":
        return redirect("software:edit", pk=app.pk)
    if app.status not in services.EDITABLE:
        return _refuse_edit(request, app)
    if request.method != "POST":
        return _render_form(request, ApplicationFormBundle(app=app), app)
    action = request.POST.get("action", "save")
    if action in ADD_ROW:
        return _render_form(request, ApplicationFormBundle(_with_added_row(request.POST, action), app=app), app)
    bundle = ApplicationFormBundle(request.POST, app=app)
    if not bundle.is_valid():
        return _render_form(request, bundle, app, status=400)
    try:
        services.update_draft(applicant=request.user, app_id=app.pk, **bundle.service_kwargs())
    except DomainError as e:
        return _refuse_edit(request, app, e.message)
    messages.success(request, _("已保存。"))
    return redirect("applications:edit", pk=app.pk)


@applicant_required
@require_POST
def submit(request, pk: int):
    """Save the form and submit (or, during a correction round, resubmit) in one transaction:
    if the submission is refused, the save is rolled back too and nothing changes."""
    app = _own_application(request, pk)
    if app.status not in services.EDITABLE:  # a second click after the first one went through
        return redirect("applications:detail", pk=app.pk)
    correcting = app.status == states.State.CORRECTION_REQUESTED
    bundle = ApplicationFormBundle(request.POST, app=app)
    response_form = CorrectionResponseForm(request.POST) if correcting else None
    forms_valid = bundle.is_valid()
    if response_form is not None and not response_form.is_valid():
        forms_valid = False
    if forms_valid:
        try:
            with transaction.atomic():
                services.update_draft(applicant=request.user, app_id=app.pk, **bundle.service_kwargs())
                if response_form is not None:  # a correction round
                    services.resubmit(applicant=request.user, app_id=app.pk,
                                      response=response_form.cleaned_data["response"])
                else:
                    services.submit(applicant=request.user, app_id=app.pk)
        except ValidationFailed as e:
            bundle.place_errors(e.errors)
        except DomainError as e:
            if e.field == "response" and response_form is not None:
                response_form.add_error("response", e.message)
            else:
                app.refresh_from_db()
                if app.status not in services.EDITABLE:  # submitted meanwhile by another request
                    return redirect("applications:detail", pk=app.pk)
                return _refuse_edit(request, app, e.message)
        else:
            messages.success(request, _("补正已提交，审查期限恢复计算。") if correcting
                             else _("申请已提交，请等待受理。"))
            return redirect("applications:detail", pk=app.pk)
    messages.error(request, _("申请未能提交，请按各项旁的提示修改。"))
    return _render_form(request, bundle, app, response_form=response_form, status=400)


@applicant_required
def delete(request, pk: int):
    app = _own_application(request, pk)
    if app.status != states.State.DRAFT:
        return _refuse_edit(request, app, _("只能删除草稿。"))
    if request.method != "POST":
        return render(request, "applications/confirm_delete.html", {"app": app})
    services.delete_draft(applicant=request.user, app_id=app.pk)
    messages.success(request, _("草稿已删除。"))
    return redirect("applications:list")


# --- detail, correction answer, withdrawal ------------------------------------------------------

def _certificate_url(registration) -> str:
    """The certificate link, once the certificates app provides the URL."""
    if registration is None:
        return ""
    try:
        return reverse("verify:certificate_pdf", kwargs={"number": registration.number})
    except NoReverseMatch:
        return ""


def _render_detail(request, app: Application, *, response_form=None, withdraw_form=None,
                   resubmit_errors=None, status: int = 200) -> HttpResponse:
    registration = presentation.registration_of(app)
    may_withdraw = any(a.name == "withdraw" for a in states.available(app.status, states.Actor.APPLICANT))
    correcting = app.status == states.State.CORRECTION_REQUESTED
    context = {
        "app": app,
        "badge": presentation.badge_class(app.status),
        "status_label": presentation.applicant_state_label(app.status),
        "deadline": presentation.deadline_text(app),
        "sections": presentation.sections(app),
        "authors": list(app.authors.all()),
        "owners": list(app.owners.all()),
        "samples": list(app.samples.all()),
        "correction": services.open_correction(app) if correcting else None,
        "past_corrections": [c for c in app.corrections.all() if c.received_on],
        "response_form": (response_form or CorrectionResponseForm()) if correcting else None,
        "resubmit_errors": resubmit_errors or [],
        "withdraw_form": (withdraw_form or WithdrawForm()) if may_withdraw else None,
        "editable": app.status in services.EDITABLE,
        "history": presentation.history_lines(ledger.history(app.subject), request.user),
        "registration": registration,
        "certificate_url": _certificate_url(registration),
    }
    return render(request, "applications/detail.html", context, status=status)


@applicant_required
def detail(request, pk: int):
    app = _own_application(request, pk)
    if app.procedure == "software":
        return redirect("software:detail", pk=app.pk)
    return _render_detail(request, app)


ROW_NAMES = {"authors": "作者", "owners": "著作权人"}


def _labelled(errors: dict[str, list[str]]) -> list[str]:
    """Completeness errors as sentences for a page without the form. Field messages name their
    field already; row messages (``owners.0.id_number``) get the row they are about."""
    lines: list[str] = []
    for key, messages_ in errors.items():
        parts = key.split(".")
        prefix = ""
        if len(parts) > 1 and parts[0] in ROW_NAMES and parts[1].isdigit():
            prefix = _("%(what)s %(n)s：") % {"what": _(ROW_NAMES[parts[0]]), "n": int(parts[1]) + 1}
        lines.extend(prefix + m for m in messages_)
    return lines


@applicant_required
@require_POST
def resubmit(request, pk: int):
    app = _own_application(request, pk)
    if app.status == states.State.RESUBMITTED:  # answered already (double click)
        return redirect("applications:detail", pk=app.pk)
    form = CorrectionResponseForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, app, response_form=form, status=400)
    try:
        services.resubmit(applicant=request.user, app_id=app.pk, response=form.cleaned_data["response"])
    except ValidationFailed as e:
        return _render_detail(request, app, response_form=form, resubmit_errors=_labelled(e.errors), status=400)
    except DomainError as e:
        form.add_error("response" if e.field == "response" else None, e.message)
        return _render_detail(request, app, response_form=form, status=400)
    messages.success(request, _("补正已提交，审查期限恢复计算。"))
    return redirect("applications:detail", pk=app.pk)


@applicant_required
@require_POST
def withdraw(request, pk: int):
    app = _own_application(request, pk)
    if app.status == states.State.WITHDRAWN:
        return redirect("applications:detail", pk=app.pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, app, withdraw_form=form, status=400)
    try:
        services.withdraw(applicant=request.user, app_id=app.pk, reason=form.cleaned_data["reason"])
    except DomainError as e:  # e.g. decided in the meantime: the state machine says why
        messages.error(request, e.message)
        return redirect("applications:detail", pk=app.pk)
    messages.success(request, _("申请已撤回。"))
    return redirect("applications:detail", pk=app.pk)


# --- samples --------------------------------------------------------------------------------
