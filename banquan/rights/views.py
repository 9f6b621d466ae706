"""The rights pages: the court officers' seizure channel (查封通道), the banks' pledge filings
and the registrars' pledge review. Every rule is in ``services``; a refusal is shown beside the
form it concerns (or at the top of the page) with the page's input kept."""

from functools import wraps
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from banquan.applications.choices import IdType
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.core.storage import store
from banquan.rights import queries, services
from banquan.rights.forms import PledgeForm, ReasonForm, SeizureForm, SeizureReleaseForm
from banquan.rights.models import Pledge

SEIZURES_SHOWN = 200


def only(check):
    """Signed-in users passing ``check``; anyone else signed in gets 403."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not check(request.user):
                raise Forbidden
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _pledge_user(user) -> bool:
    return queries.is_bank(user) or user.is_registrar


def _status_for(error: DomainError) -> int:
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, NotFound):
        return 404
    return 422


def _show_error(form: forms.Form, error: DomainError) -> None:
    """Beside its field when the service names one the form has, else above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


# --- seizures -------------------------------------------------------------------------------


def _seizure_rows(user, release_forms: dict[int, SeizureReleaseForm]) -> list[dict]:
    rows = []
    for s in queries.visible_seizures(user)[:SEIZURES_SHOWN]:
        open_ = s.state in queries.OPEN
        rows.append({"seizure": s, "label": queries.seizure_label(s),
                     "release_form": release_forms.get(s.pk) or (SeizureReleaseForm(prefix_id=s.pk) if open_ else None)})
    return rows


def _seizures_page(request, *, form: SeizureForm | None = None, release_forms=None, status: int = 200):
    filed_ids = [int(i) for i in request.GET.get("filed", "").split(",") if i.isdigit()]
    filed = queries.visible_seizures(request.user).filter(pk__in=filed_ids) if filed_ids else []
    return render(request, "rights/seizures.html", {
        "form": form or SeizureForm(),
        "filed": [{"seizure": s, "label": queries.seizure_label(s)} for s in filed],
        "rows": _seizure_rows(request.user, release_forms or {}),
        "authority": request.user.organization,
    }, status=status)


@only(queries.is_court)
@require_http_methods(["GET", "POST"])
def seizures(request):
    if request.method == "GET":
        return _seizures_page(request)
    form = SeizureForm(request.POST)
    if not form.is_valid():
        return _seizures_page(request, form=form, status=422)
    data = form.cleaned_data
    try:
        created = services.seize(officer=request.user, numbers=data["numbers"],
                                 document_number=data["document_number"], scope=data["scope"],
                                 term_months=data["term_months"])
    except DomainError as e:
        _show_error(form, e)
        return _seizures_page(request, form=form, status=_status_for(e))
    messages.success(request, _("查封已生效：共 %(n)d 件作品。") % {"n": len(created)})
    return redirect(reverse("rights:seizures") + "?filed=" + ",".join(str(s.pk) for s in created))


@only(queries.is_court)
@require_POST
def release_seizure(request, seizure_id: int):
    form = SeizureReleaseForm(request.POST, prefix_id=seizure_id)
    if form.is_valid():
        try:
            seizure = services.release_seizure(officer=request.user, seizure_id=seizure_id,
                                               document_number=form.cleaned_data["document_number"])
        except DomainError as e:
            _show_error(form, e)
            return _seizures_page(request, release_forms={seizure_id: form}, status=_status_for(e))
        messages.success(request, _("已解除对“%(title)s”（%(number)s）的查封。")
                         % {"title": seizure.registration.title, "number": seizure.registration.number})
        return redirect("rights:seizures")
    return _seizures_page(request, release_forms={seizure_id: form}, status=422)


# --- pledges --------------------------------------------------------------------------------


@only(_pledge_user)
@require_GET
def pledges(request):
    state = request.GET.get("state", "")
    state = state if state in Pledge.State.values else ""
    qs = queries.visible_pledges(request.user)
    return render(request, "rights/pledges.html", {
        "pledges": qs.filter(state=state) if state else qs,
        "state": state,
        "states": Pledge.State.choices,
        "pending": qs.filter(state=Pledge.State.SUBMITTED).count(),
        "may_file": queries.is_bank(request.user),
    })


@only(queries.is_bank)
@require_http_methods(["GET", "POST"])
def new_pledge(request):
    form = PledgeForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "rights/pledge_form.html", {"form": form}, status=422)
        data, upload = form.cleaned_data, form.cleaned_data["contract"]
        try:
            pledge = services.file_pledge(
                officer=request.user, numbers=data["numbers"], pledgor_name=data["pledgor_name"],
                pledgor_id_type=data["pledgor_id_type"], pledgor_id_number=data["pledgor_id_number"],
                principal=data["principal"], currency=data["currency"].strip(), term_start=data["term_start"],
                term_end=data["term_end"], contract_name=upload.name or "contract", contract=upload)
        except DomainError as e:
            _show_error(form, e)
            return render(request, "rights/pledge_form.html", {"form": form}, status=_status_for(e))
        messages.success(request, _("质权登记申请已提交，等待登记机构审查。"))
        return redirect("rights:pledge", pledge.pk)
    return render(request, "rights/pledge_form.html", {"form": form})


def _visible(request, pledge_id: int) -> Pledge:
    try:
        return queries.visible_pledge(request.user, pledge_id)
    except NotFound:
        raise Http404 from None


def _pledge_page(request, pledge: Pledge, *, form: ReasonForm | None = None, status: int = 200):
    user = request.user
    return render(request, "rights/pledge.html", {
        "pledge": pledge,
        "works": list(pledge.works.all()),
        "id_type_label": dict(IdType.choices).get(pledge.pledgor_id_type, pledge.pledgor_id_type),
        "form": form or ReasonForm(),
        "may_decide": user.is_registrar and pledge.state == Pledge.State.SUBMITTED,
        "may_release": pledge.state == Pledge.State.REGISTERED,  # only the pledgee and registrars see it
    }, status=status)


@only(_pledge_user)
@require_GET
def pledge(request, pledge_id: int):
    return _pledge_page(request, _visible(request, pledge_id))


def _decide(request, pledge_id: int, step, success: str):
    pledge = _visible(request, pledge_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _pledge_page(request, pledge, form=form, status=422)
    try:
        step(form.cleaned_data["reason"])
    except DomainError as e:
        _show_error(form, e)
        return _pledge_page(request, _visible(request, pledge_id), form=form, status=_status_for(e))
    messages.success(request, success)
    return redirect("rights:pledge", pledge_id)


@only(_pledge_user)
@require_POST
def register_pledge(request, pledge_id: int):
    return _decide(request, pledge_id,
                   lambda reason: services.register_pledge(registrar=request.user, pledge_id=pledge_id, reason=reason),
                   _("已准予登记，质权自登记时设立。"))


@only(_pledge_user)
@require_POST
def reject_pledge(request, pledge_id: int):
    return _decide(request, pledge_id,
                   lambda reason: services.reject_pledge(registrar=request.user, pledge_id=pledge_id, reason=reason),
                   _("已作出不予登记决定。"))


@only(_pledge_user)
@require_POST
def release_pledge(request, pledge_id: int):
    return _decide(request, pledge_id,
                   lambda reason: services.release_pledge(officer=request.user, pledge_id=pledge_id, reason=reason),
                   _("质权登记已注销。"))


@only(_pledge_user)
@require_GET
def pledge_contract(request, pledge_id: int):
    """The contract PDF: for the pledgee bank and registrars only (others get 404)."""
    pledge = _visible(request, pledge_id)
    response = HttpResponse(store().read(pledge.contract_key), content_type="application/pdf")
    response["Content-Disposition"] = (
        f"attachment; filename=\"pledge-{pledge.pk}.pdf\"; filename*=UTF-8''{quote(pledge.contract_name)}")
    return response


