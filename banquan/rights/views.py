"""The rights pages: the court officers' seizure channel (查封通道), the banks' pledge filings
and the registrars' pledge review; the applicants' 登记后业务 (contract recordation, changes,
certificate reissue) and the registrars' review of them with revocation (登记后业务审查). Every rule is in ``services``; a refusal is shown beside the
form it concerns (or at the top of the page) with the page's input kept."""

import datetime as dt
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from banquan.applications.choices import IdType
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.core.http import only
from banquan.core.storage import store
from banquan.records.models import Registration
from banquan.rights import queries, services
from banquan.rights.forms import (
    RIGHT_LABELS,
    ChangeForm,
    DecisionForm,
    PledgeChangeForm,
    PledgeForm,
    ReasonForm,
    RecordationForm,
    ReissueForm,
    RevocationForm,
    SeizureForm,
    SeizureReleaseForm,
)
from banquan.rights.models import ChangeRequest, Pledge, Recordation, ReissueRequest

SEIZURES_SHOWN = 200




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


def _pledge_page(request, pledge: Pledge, *, form: ReasonForm | None = None,
                 change_form: PledgeChangeForm | None = None, status: int = 200):
    user = request.user
    return render(request, "rights/pledge.html", {
        "pledge": pledge,
        "works": list(pledge.works.all()),
        "id_type_label": dict(IdType.choices).get(pledge.pledgor_id_type, pledge.pledgor_id_type),
        "form": form or ReasonForm(),
        "may_decide": user.is_registrar and pledge.state == Pledge.State.SUBMITTED,
        "may_release": pledge.state == Pledge.State.REGISTERED,  # only the pledgee and registrars see it
        "may_change": user.is_registrar and pledge.state == Pledge.State.REGISTERED,
        "change_form": change_form or PledgeChangeForm(),
    }, status=status)


@only(_pledge_user)
@require_POST
def change_pledge(request, pledge_id: int):
    """变更 of a registered pledge, entered by a registrar (the service refuses anyone else)."""
    pledge = _visible(request, pledge_id)
    form = PledgeChangeForm(request.POST)
    if not form.is_valid():
        return _pledge_page(request, pledge, change_form=form, status=422)
    data = form.cleaned_data
    try:
        services.change_pledge(registrar=request.user, pledge_id=pledge_id, principal=data["principal"],
                               term_end=data["term_end"], reason=data["reason"])
    except DomainError as e:
        _show_error(form, e)
        return _pledge_page(request, _visible(request, pledge_id), change_form=form, status=_status_for(e))
    messages.success(request, _("质权变更已登记。"))
    return redirect("rights:pledge", pledge_id)


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




# --- afterwards: the applicant's side -------------------------------------------------------


def _own_registration(request, number: str) -> Registration:
    reg = Registration.objects.filter(number=number.strip(), application__applicant=request.user).first()
    if reg is None:
        raise Http404
    return reg


@only(queries.is_applicant)
@require_GET
def my_rights(request):
    """登记后业务: the applicant's registrations, with what may be asked for each, and the requests."""
    user = request.user
    return render(request, "rights/my.html", {
        "registrations": Registration.objects.filter(application__applicant=user).order_by("-registered_at", "-id"),
        "recordations": queries.visible_recordations(user),
        "changes": queries.visible_changes(user),
        "reissues": queries.visible_reissues(user).order_by("-filed_at", "-id"),
    })


@only(queries.is_applicant)
@require_http_methods(["GET", "POST"])
def new_recordation(request):
    initial = {}
    number = request.GET.get("number", "").strip()
    if number:
        reg = Registration.objects.filter(number=number, application__applicant=request.user).first()
        initial["numbers"] = number
        owners = reg.data.get("owners", []) if reg else []
        if owners:
            initial.update(grantor_name=owners[0].get("name", ""), grantor_id_number=owners[0].get("id_number", ""))
    form = RecordationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "rights/recordation_form.html", {"form": form}, status=422)
        data, upload = form.cleaned_data, form.cleaned_data["contract"]
        try:
            services.file_recordation(
                applicant=request.user, kind=data["kind"], numbers=data["numbers"], grantor_name=data["grantor_name"],
                grantor_id_number=data["grantor_id_number"], grantee_name=data["grantee_name"],
                grantee_id_number=data["grantee_id_number"], rights=data["rights"], territory=data["territory"],
                term_start=data["term_start"], term_end=data["term_end"], contract_name=upload.name or "contract",
                contract=upload)
        except DomainError as e:
            _show_error(form, e)
            return render(request, "rights/recordation_form.html", {"form": form}, status=_status_for(e))
        messages.success(request, _("合同备案申请已提交，等待登记机构审查。"))
        return redirect("rights:my")
    return render(request, "rights/recordation_form.html", {"form": form})


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@only(queries.is_applicant)
@require_http_methods(["GET", "POST"])
def new_change(request):
    reg = _own_registration(request, request.GET.get("number", ""))
    present = {"title": reg.data.get("title", reg.title), "completion_date": _as_date(reg.data.get("completion_date")),
               "first_publication_date": _as_date(reg.data.get("first_publication_date"))}
    form = ChangeForm(request.POST or None, initial={"kind": ChangeRequest.Kind.CHANGE, **present})
    context = {"form": form, "registration": reg}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "rights/change_form.html", context, status=422)
        data = form.cleaned_data
        changes = {key: str(data[key]) if data[key] else None for key in present
                   if (data[key] or None) != (present[key] or None)}
        if "title" in changes:
            changes["title"] = data["title"].strip()
        if not changes:
            form.add_error(None, _("请至少修改一项登记事项。"))
            return render(request, "rights/change_form.html", context, status=422)
        try:
            services.file_change(applicant=request.user, number=reg.number, kind=data["kind"], changes=changes,
                                 reason=data["reason"])
        except DomainError as e:
            form.add_error(e.field if e.field in form.fields else None, e.message)
            return render(request, "rights/change_form.html", context, status=_status_for(e))
        messages.success(request, _("变更或补充登记申请已提交，等待登记机构审查。"))
        return redirect("rights:my")
    return render(request, "rights/change_form.html", context)


@only(queries.is_applicant)
@require_http_methods(["GET", "POST"])
def new_reissue(request):
    reg = _own_registration(request, request.GET.get("number", ""))
    form = ReissueForm(request.POST or None)
    context = {"form": form, "registration": reg}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "rights/reissue_form.html", context, status=422)
        try:
            reissue = services.file_reissue(applicant=request.user, number=reg.number, kind=form.cleaned_data["kind"],
                                            reason=form.cleaned_data["reason"])
        except DomainError as e:
            _show_error(form, e)
            return render(request, "rights/reissue_form.html", context, status=_status_for(e))
        messages.success(request, _("%(k)s申请已受理，将于 %(d)s 前办结。")
                         % {"k": reissue.get_kind_display(), "d": f"{reissue.deadline:%Y-%m-%d}"})
        return redirect("rights:my")
    return render(request, "rights/reissue_form.html", context)


def _afterwards_user(user) -> bool:
    return queries.is_applicant(user) or user.is_registrar


@only(_afterwards_user)
@require_GET
def recordation_contract(request, recordation_id: int):
    """The contract PDF: for its filer and registrars only (others get 404)."""
    try:
        rec = queries.visible_recordation(request.user, recordation_id)
    except NotFound:
        raise Http404 from None
    response = HttpResponse(store().read(rec.contract_key), content_type="application/pdf")
    response["Content-Disposition"] = (
        f"attachment; filename=\"recordation-{rec.pk}.pdf\"; filename*=UTF-8''{quote(rec.contract_name)}")
    return response


# --- afterwards: the registrars' review -----------------------------------------------------

OFFICE_TABS = ("recordations", "changes", "reissues", "revocations")
DECIDED_SHOWN = 50


def _is_registrar(user) -> bool:
    return user.is_registrar


def _office_page(request, tab: str, *, decision_forms: dict | None = None,
                 revocation_form: RevocationForm | None = None, status: int = 200):
    user, decision_forms = request.user, decision_forms or {}

    def form_for(key: str) -> DecisionForm:
        return decision_forms.get(key) or DecisionForm(prefix_id=key)

    recordations = queries.visible_recordations(user)
    changes = queries.visible_changes(user)
    reissues = queries.visible_reissues(user)
    pending_reissues = reissues.filter(state=ReissueRequest.State.SUBMITTED)
    context: dict = {
        "tab": tab,
        "pending": {"recordations": recordations.filter(state=Recordation.State.SUBMITTED).count(),
                    "changes": changes.filter(state=ChangeRequest.State.SUBMITTED).count(),
                    "reissues": pending_reissues.count()},
    }
    if tab == "recordations":
        context["rows"] = [{"item": r, "key": f"recordation_{r.pk}", "form": form_for(f"recordation_{r.pk}"),
                            "rights": [RIGHT_LABELS.get(c, c) for c in r.rights]}
                           for r in recordations.filter(state=Recordation.State.SUBMITTED)]
        context["decided"] = recordations.exclude(state=Recordation.State.SUBMITTED)[:DECIDED_SHOWN]
    elif tab == "changes":
        context["rows"] = [{"item": c, "key": f"change_{c.pk}", "form": form_for(f"change_{c.pk}"),
                            "diff": queries.change_rows(c)}
                           for c in changes.filter(state=ChangeRequest.State.SUBMITTED)]
        context["decided"] = changes.exclude(state=ChangeRequest.State.SUBMITTED)[:DECIDED_SHOWN]
    elif tab == "reissues":
        rows = []
        for r in pending_reissues:
            overdue, left = queries.reissue_timing(r)
            rows.append({"item": r, "key": f"reissue_{r.pk}", "form": form_for(f"reissue_{r.pk}"), "overdue": overdue,
                         "left": left, "late": -left if overdue and left is not None else None})
        context["rows"] = rows
        context["decided"] = reissues.exclude(state=ReissueRequest.State.SUBMITTED).order_by(
            "-decided_at", "-id")[:DECIDED_SHOWN]
    else:
        context["revocation_form"] = revocation_form or RevocationForm(initial={"number": request.GET.get("number", "")})
        context["revocations"] = queries.visible_revocations(user)[:DECIDED_SHOWN]
    return render(request, "rights/office.html", context, status=status)


@only(_is_registrar)
@require_GET
def office(request):
    """登记后业务审查: contract recordations, changes, reissues (nearest deadline first), revocations."""
    tab = request.GET.get("tab", "")
    return _office_page(request, tab if tab in OFFICE_TABS else "recordations")


def _office_decide(request, tab: str, key: str, step, approve_value: str, success: str):
    form = DecisionForm(request.POST, prefix_id=key)
    if not form.is_valid():
        return _office_page(request, tab, decision_forms={key: form}, status=422)
    try:
        step(request.POST.get("decision") == approve_value, form.cleaned_data["reason"])
    except DomainError as e:
        _show_error(form, e)
        return _office_page(request, tab, decision_forms={key: form}, status=_status_for(e))
    messages.success(request, success)
    return redirect(reverse("rights:office") + f"?tab={tab}")


@only(_is_registrar)
@require_POST
def decide_recordation(request, recordation_id: int):
    return _office_decide(
        request, "recordations", f"recordation_{recordation_id}",
        lambda yes, reason: services.decide_recordation(registrar=request.user, recordation_id=recordation_id,
                                                        record=yes, reason=reason),
        "record", _("已对合同备案申请作出决定。"))


@only(_is_registrar)
@require_POST
def decide_change(request, change_id: int):
    return _office_decide(
        request, "changes", f"change_{change_id}",
        lambda yes, reason: services.decide_change(registrar=request.user, change_id=change_id, approve=yes,
                                                   reason=reason),
        "approve", _("已对变更或补充登记申请作出决定。"))


@only(_is_registrar)
@require_POST
def decide_reissue(request, request_id: int):
    return _office_decide(
        request, "reissues", f"reissue_{request_id}",
        lambda yes, reason: services.decide_reissue(registrar=request.user, request_id=request_id, issue=yes,
                                                    reason=reason),
        "issue", _("已对补发或换发申请作出决定。"))


@only(_is_registrar)
@require_POST
def revoke(request):
    form = RevocationForm(request.POST)
    if not form.is_valid():
        return _office_page(request, "revocations", revocation_form=form, status=422)
    data = form.cleaned_data
    try:
        revocation = services.revoke(registrar=request.user, number=data["number"], ground=data["ground"],
                                     reason=data["reason"], document=data["document"],
                                     kept_number=data["kept_number"])
    except DomainError as e:
        field = e.field
        if isinstance(e, NotFound):
            kept = data["kept_number"].strip()
            field = "kept_number" if kept and f"“{kept}”" in e.message else "number"
        form.add_error(field if field in form.fields else None, e.message)
        return _office_page(request, "revocations", revocation_form=form, status=_status_for(e))
    messages.success(request, _("已撤销登记 %(n)s。") % {"n": revocation.registration.number})
    return redirect(reverse("rights:office") + "?tab=revocations")
