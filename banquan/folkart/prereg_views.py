"""Pre-registration pages: applicants file, correct, add media and convert; the office reviews
(审核) and staff enter library items directly. Refusals are shown beside their field."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from banquan.accounts.models import Role
from banquan.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from banquan.core.http import only
from banquan.folkart import access, convert, media, services, states
from banquan.folkart.forms import (
    DecisionForm,
    InheritorFormSet,
    ItemForm,
    MediaForm,
    inheritor_rows,
    show_problems,
)
from banquan.folkart.models import FolkItem
from banquan.ledger import services as ledger


def _is_applicant(user) -> bool:
    return user.role == Role.APPLICANT


def _status(error: DomainError) -> int:
    return 403 if isinstance(error, PermissionDenied) else 404 if isinstance(error, NotFound) else 422


def _item_for(request, pk: int) -> FolkItem:
    item = FolkItem.objects.filter(pk=pk).first()
    if item is None or not (item.applicant_id == request.user.pk or access.is_office(request.user)):
        raise Http404
    return item


def _initial(item: FolkItem) -> tuple:
    form = ItemForm(initial={k: getattr(item, k) for k in ItemForm.base_fields})
    people = InheritorFormSet(initial=list(item.inheritors.values("name", "level", "generation")))
    return form, people


@only(_is_applicant)
def mine(request):
    items = FolkItem.objects.filter(applicant=request.user).select_related("application")
    return render(request, "folkart/mine.html", {"items": items})


def _item_form_page(request, *, item=None, editor=False):
    """File (new), correct (item) or, for staff, enter a library item directly (editor)."""
    if request.method == "GET":
        form, people = _initial(item) if item else (ItemForm(), InheritorFormSet())
        return render(request, "folkart/item_form.html", {"form": form, "people": people, "item": item,
                                                          "editor": editor})
    form, people = ItemForm(request.POST), InheritorFormSet(request.POST)
    if form.is_valid() and people.is_valid():
        try:
            if item is not None:
                saved = services.update(applicant=request.user, item_id=item.pk, values=form.values(),
                                        inheritors=inheritor_rows(people))
                messages.success(request, _("预登记已修改。"))
            elif editor:
                saved = services.add_to_library(editor=request.user, values=form.values(),
                                                inheritors=inheritor_rows(people))
                messages.success(request, _("已录入资源库。"))
            else:
                saved = services.file(applicant=request.user, values=form.values(), inheritors=inheritor_rows(people))
                messages.success(request, _("预登记已提交，预登记号 %(number)s。可以继续上传图片、音频或视频。")
                                 % {"number": saved.number})
            return redirect("folkart:prereg", pk=saved.pk)
        except (ValidationFailed, DomainError) as e:
            show_problems(e, form, people)
            status = _status(e)
    else:
        status = 422
    return render(request, "folkart/item_form.html", {"form": form, "people": people, "item": item,
                                                      "editor": editor}, status=status)


@only(_is_applicant)
@require_http_methods(["GET", "POST"])
def new(request):
    return _item_form_page(request)


@only(_is_applicant)
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    item = _item_for(request, pk)
    if item.applicant_id != request.user.pk:
        raise Http404
    if item.status not in states.EDITABLE:
        messages.error(request, _("预登记已审核，不能再修改。"))
        return redirect("folkart:prereg", pk=pk)
    return _item_form_page(request, item=item)


@only(access.is_editor)
@require_http_methods(["GET", "POST"])
def library_new(request):
    return _item_form_page(request, editor=True)


def _detail(request, item: FolkItem, *, media_form=None, decision_form=None, status: int = 200):
    mine_ = item.applicant_id == request.user.pk
    return render(request, "folkart/prereg.html", {
        "item": item, "inheritors": item.inheritors.all(), "media": item.media.all(),
        "history": ledger.history(item.subject),
        "mine": mine_, "editable": mine_ and item.status in states.EDITABLE,
        "may_media": (mine_ and item.status in states.EDITABLE) or access.is_editor(request.user),
        "may_convert": mine_ and item.status == states.ACCEPTED and item.application_id is None,
        "may_decide": access.is_office(request.user) and item.status == states.FILED,
        "media_form": media_form or MediaForm(), "decision_form": decision_form or DecisionForm(),
    }, status=status)


@login_required
def prereg(request, pk: int):
    return _detail(request, _item_for(request, pk))


@login_required
@require_POST
def add_media(request, pk: int):
    item = _item_for(request, pk)
    form = MediaForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            media.add(user=request.user, item_id=item.pk, name=upload.name, file=upload, size=upload.size,
                      caption=form.cleaned_data["caption"])
        except DomainError as e:
            form.add_error("file", e.message)
            return _detail(request, item, media_form=form, status=_status(e))
        messages.success(request, _("文件“%(name)s”已上传。") % {"name": upload.name})
        return redirect("folkart:prereg", pk=pk)
    return _detail(request, item, media_form=form, status=422)


@login_required
@require_POST
def remove_media(request, pk: int, media_id: int):
    item = _item_for(request, pk)
    try:
        media.remove(user=request.user, item_id=item.pk, media_id=media_id)
    except DomainError as e:
        messages.error(request, e.message)
    return redirect("folkart:prereg", pk=pk)


@only(_is_applicant)
@require_POST
def resubmit(request, pk: int):
    try:
        services.resubmit(applicant=request.user, item_id=_item_for(request, pk).pk)
        messages.success(request, _("已重新提交审核。"))
    except DomainError as e:
        messages.error(request, e.message)
    return redirect("folkart:prereg", pk=pk)


@only(_is_applicant)
@require_POST
def convert_view(request, pk: int):
    try:
        app = convert.convert(applicant=request.user, item_id=_item_for(request, pk).pk)
    except DomainError as e:
        messages.error(request, e.message)
        return redirect("folkart:prereg", pk=pk)
    messages.success(request, _("已转为正式登记申请 %(reference)s，请补全著作权人等信息后提交。")
                     % {"reference": app.reference})
    return redirect("applications:edit", app.pk)


@only(access.is_office)
def office(request):
    state = request.GET.get("status", states.FILED)
    items = FolkItem.objects.filter(applicant__isnull=False)
    if state in states.LABELS:
        items = items.filter(status=state)
    return render(request, "folkart/office.html", {"items": items.order_by("filed_at", "id")[:200], "state": state,
                                                   "states": [(k, _(v)) for k, v in states.CHOICES]})


@only(access.is_office)
@require_POST
def decide(request, pk: int):
    item = _item_for(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(officer=request.user, item_id=item.pk, decision=form.cleaned_data["decision"],
                            reason=form.cleaned_data["reason"])
        except DomainError as e:
            show_problems(e, form)
            return _detail(request, item, decision_form=form, status=_status(e))
        messages.success(request, _("审核结论已保存。"))
        return redirect("folkart:prereg", pk=pk)
    return _detail(request, item, decision_form=form, status=422)
