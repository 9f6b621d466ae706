"""The back office's lexicon pages beyond the model forms: importing a file, downloading the
lexicon (now or as of a version) and restoring a version. Registered by ``lexicon.admin``."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.core.errors import DomainError, NotFound, ValidationFailed
from banquan.lexicon import services
from banquan.lexicon.downloads import file_response
from banquan.lexicon.forms import ImportForm
from banquan.lexicon.models import LexiconVersion


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # admin_view admits only logged-in staff
    return request.user


def may_manage(request: HttpRequest) -> bool:
    return request.user.has_perm("lexicon.change_term")


def _context(model_admin: admin.ModelAdmin, request: HttpRequest, title: str, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "title": title,
            **extra}


def import_view(model_admin: admin.ModelAdmin, request: HttpRequest, *, whitelist: bool) -> HttpResponse:
    """Upload a term file (or a whitelist file); every broken line is listed on refusal."""
    if not may_manage(request):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, whitelist=whitelist)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        replace = form.cleaned_data["replace"]
        try:
            if whitelist:
                version = services.import_whitelist(by=_user(request), data=data, replace=replace)
            else:
                version = services.import_terms(by=_user(request), data=data, fmt=form.cleaned_data["fmt"],
                                                replace=replace)
        except ValidationFailed as e:
            errors = [m for field_messages in e.errors.values() for m in field_messages]
        except DomainError as e:
            errors = [e.message]
        else:
            model_admin.message_user(
                request, _("导入成功，已生成第 %(n)d 版：%(summary)s") % {"n": version.number, "summary": version.summary},
                messages.SUCCESS)
            opts = model_admin.model._meta
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    title = _("导入白名单") if whitelist else _("导入词库文件")
    return render(request, "lexicon/admin_import.html",
                  _context(model_admin, request, title, form=form, errors=errors, whitelist=whitelist))


def export_view(model_admin: admin.ModelAdmin, request: HttpRequest, kind: str) -> HttpResponse:
    """The current lexicon (``kind`` text or csv) or whitelist as a download."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if kind == "whitelist":
        return file_response(services.export_whitelist(), kind=kind, name="whitelist")
    if kind not in services.FORMATS:
        raise Http404
    return file_response(services.export(kind), kind=kind, name="lexicon")


def version_download_view(model_admin: admin.ModelAdmin, request: HttpRequest, number: int,
                          kind: str) -> HttpResponse:
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if kind not in (*services.FORMATS, "whitelist"):
        raise Http404
    try:
        if kind == "whitelist":
            content = services.export_whitelist(version=number)
        else:
            content = services.export(kind, version=number)
    except NotFound:
        raise Http404 from None
    name = f"whitelist-v{number}" if kind == "whitelist" else f"lexicon-v{number}"
    return file_response(content, kind=kind, name=name)


def restore_view(model_admin: admin.ModelAdmin, request: HttpRequest, number: int) -> HttpResponse:
    """Confirm, then make the lexicon what it was in version ``number`` (as a new version)."""
    if not may_manage(request):
        raise PermissionDenied
    version = LexiconVersion.objects.defer("terms_text", "whitelist_text").filter(number=number).first()
    if version is None:
        raise Http404
    if request.method == "POST":
        try:
            new = services.restore(by=_user(request), version=number)
        except DomainError as e:
            model_admin.message_user(request, e.message, messages.ERROR)
        else:
            model_admin.message_user(request, _("已恢复到第 %(old)d 版，生成第 %(new)d 版。")
                                     % {"old": number, "new": new.number}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:lexicon_lexiconversion_changelist"))
    latest = LexiconVersion.objects.order_by("-number").values_list("number", flat=True).first()
    return render(request, "lexicon/admin_restore.html",
                  _context(model_admin, request, _("恢复词库版本"), version=version, latest=latest))
