"""The applicant's pages of a software application: the form, the application page with its
deposit materials, submission (or a correction's resubmission) and withdrawal. As for works,
every change goes through the services; these views bind forms, call a service and show its
errors beside the fields."""

import uuid

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from banquan.applications import presentation as shared
from banquan.applications import services as applications
from banquan.applications import states
from banquan.applications.forms import CorrectionResponseForm, WithdrawForm
from banquan.applications.models import Application
from banquan.applications.views import _certificate_url, _labelled, _with_added_row, applicant_required
from banquan.core.errors import DomainError, ValidationFailed
from banquan.ledger import services as ledger
from banquan.software import presentation
from banquan.software import services as software
from banquan.software.choices import DepositMode
from banquan.software.forms import SECTIONS_BEFORE_OWNERS, MaterialUploadForm, SoftwareFormBundle


def own_software(request: HttpRequest, pk: int) -> Application:
    # 404, not 403, for someone else's application: its existence is not confirmed.
    return get_object_or_404(Application.objects.select_related("software"), pk=pk, applicant=request.user,
                             procedure=software.PROCEDURE)


def materials_context(app: Application, upload_form: MaterialUploadForm | None = None,
                      errors: list[str] | None = None) -> dict:
    return {
        "app": app,
        "materials": presentation.materials(app),
        "materials_editable": app.status in applications.EDITABLE,
        "upload_form": upload_form,
        "material_errors": errors or [],
        "accepted_program": "、".join(software.SOURCE_SUFFIXES + (".pdf",)),
        "accepted_manual": "、".join(software.MANUAL_SUFFIXES),
        "deposit_modes": DepositMode.choices,
    }


# --- the form -----------------------------------------------------------------------------

def _render_form(request, bundle: SoftwareFormBundle, app: Application | None, *, status: int = 200) -> HttpResponse:
    sections = bundle.form.sections()
    context = {
        "app": app,
        "form": bundle.form,
        "owners": bundle.owners,
        "sections_before": sections[:SECTIONS_BEFORE_OWNERS],
        "sections_after": sections[SECTIONS_BEFORE_OWNERS:],
        "form_action": reverse("software:edit", args=[app.pk]) if app else reverse("software:new"),
        "other_errors": bundle.extra_errors,
        "correction": applications.open_correction(app) if app is not None else None,
    }
    if app is not None:
        context.update(materials_context(app))
    return render(request, "software/form.html", context, status=status)


@applicant_required
def new(request):
    if request.method != "POST":
        return _render_form(request, SoftwareFormBundle(new=True, initial_token=uuid.uuid4()), None)
    if request.POST.get("action") == "add_owner":
        return _render_form(request, SoftwareFormBundle(_with_added_row(request.POST, "add_owner"), new=True), None)
    bundle = SoftwareFormBundle(request.POST, new=True)
    if not bundle.is_valid():
        return _render_form(request, bundle, None, status=400)
    try:
        app = software.create_draft(applicant=request.user, client_token=bundle.form.cleaned_data.get("client_token"),
                                    **bundle.service_kwargs())
    except ValidationFailed as e:
        bundle.place_errors(e.errors)
        return _render_form(request, bundle, None, status=400)
    messages.success(request, _("草稿已保存。请上传程序和文档鉴别材料，然后提交申请。"))
    return redirect("software:edit", pk=app.pk)


def _refuse_edit(request, app: Application, message: str | None = None) -> HttpResponse:
    messages.error(request, message or _("申请已提交，只能在审查员要求补正时修改。"))
    return redirect("software:detail", pk=app.pk)


@applicant_required
def edit(request, pk: int):
    app = own_software(request, pk)
    if app.status not in applications.EDITABLE:
        return _refuse_edit(request, app)
    if request.method != "POST":
        return _render_form(request, SoftwareFormBundle(app=app), app)
    if request.POST.get("action") == "add_owner":
        return _render_form(request, SoftwareFormBundle(_with_added_row(request.POST, "add_owner"), app=app), app)
    bundle = SoftwareFormBundle(request.POST, app=app)
    if not bundle.is_valid():
        return _render_form(request, bundle, app, status=400)
    try:
        software.update_draft(applicant=request.user, app_id=app.pk, **bundle.service_kwargs())
    except ValidationFailed as e:
        bundle.place_errors(e.errors)
        return _render_form(request, bundle, app, status=400)
    except DomainError as e:
        return _refuse_edit(request, app, e.message)
    messages.success(request, _("已保存。"))
    return redirect("software:edit", pk=app.pk)


# --- the application page, submission and withdrawal --------------------------------------------

def _render_detail(request, app: Application, *, submit_errors=None, response_form=None, withdraw_form=None,
                   status: int = 200) -> HttpResponse:
    registration = shared.registration_of(app)
    correcting = app.status == states.State.CORRECTION_REQUESTED
    may_withdraw = any(a.name == "withdraw" for a in states.available(app.status, states.Actor.APPLICANT))
    context = {
        "badge": shared.badge_class(app.status),
        "status_label": shared.applicant_state_label(app.status),
        "deadline": shared.deadline_text(app),
        "sections": presentation.sections(app),
        "owners": presentation.owners(app),
        "editable": app.status in applications.EDITABLE,
        "correction": applications.open_correction(app) if correcting else None,
        "past_corrections": [c for c in app.corrections.all() if c.received_on],
        "response_form": (response_form or CorrectionResponseForm()) if correcting else None,
        "withdraw_form": (withdraw_form or WithdrawForm()) if may_withdraw else None,
        "submit_errors": submit_errors or [],
        "history": shared.history_lines(ledger.history(app.subject), request.user),
        "registration": registration,
        "certificate_url": _certificate_url(registration),
        **materials_context(app),
    }
    return render(request, "software/detail.html", context, status=status)


@applicant_required
def detail(request, pk: int):
    return _render_detail(request, own_software(request, pk))


@applicant_required
@require_POST
def submit(request, pk: int):
    """Submit a draft, or during a correction round resubmit it with the correction answer."""
    app = own_software(request, pk)
    if app.status not in applications.EDITABLE:  # a second click after the first one went through
        return redirect("software:detail", pk=app.pk)
    correcting = app.status == states.State.CORRECTION_REQUESTED
    response_form = CorrectionResponseForm(request.POST) if correcting else None
    if response_form is not None and not response_form.is_valid():
        return _render_detail(request, app, response_form=response_form, status=400)
    try:
        with transaction.atomic():
            if response_form is not None:
                applications.resubmit(applicant=request.user, app_id=app.pk,
                                      response=response_form.cleaned_data["response"])
            else:
                applications.submit(applicant=request.user, app_id=app.pk)
    except ValidationFailed as e:
        messages.error(request, _("申请未能提交，请先修改以下内容。"))
        return _render_detail(request, app, submit_errors=_labelled(e.errors), response_form=response_form,
                              status=400)
    except DomainError as e:
        messages.error(request, e.message)
        return redirect("software:detail", pk=app.pk)
    messages.success(request, _("补正已提交，审查期限恢复计算。") if correcting else _("申请已提交，请等待受理。"))
    return redirect("software:detail", pk=app.pk)


@applicant_required
@require_POST
def withdraw(request, pk: int):
    app = own_software(request, pk)
    if app.status == states.State.WITHDRAWN:
        return redirect("software:detail", pk=app.pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, app, withdraw_form=form, status=400)
    try:
        applications.withdraw(applicant=request.user, app_id=app.pk, reason=form.cleaned_data["reason"])
    except DomainError as e:
        messages.error(request, e.message)
        return redirect("software:detail", pk=app.pk)
    messages.success(request, _("申请已撤回。"))
    return redirect("software:detail", pk=app.pk)
