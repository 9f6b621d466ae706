"""The back office's bulk import of marks: upload an archive (ZIP, tar.gz) or choose a
folder, then watch the import job's progress. Registered by ``logos.admin``."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from banquan.accounts.models import User
from banquan.core.errors import DomainError
from banquan.logos import archive, services
from banquan.logos.images import MAX_BYTES
from banquan.logos.models import MarkImport

MAX_FOLDER_FILES = 5000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """The files of a chosen folder (as in Django's documentation on uploading many files)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"webkitdirectory": True, "directory": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ImportForm(forms.Form):
    archive = forms.FileField(label=gettext_lazy("压缩包"), required=False,
                              help_text=gettext_lazy("ZIP 或 tar.gz，内含 PNG、JPEG、SVG 文件；可附清单 marks.csv"
                                                     "（列：file, brand, owner）写明每个文件的品牌和权利人，"
                                                     "未写品牌的以文件名为品牌。"))
    folder = MultipleFileField(label=gettext_lazy("或选择文件夹"), required=False)
    default_owner = forms.CharField(label=gettext_lazy("默认权利人"), max_length=200, required=False,
                                    help_text=gettext_lazy("清单中没有写明权利人的标志，使用此权利人。"))


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # admin_view admits only logged-in staff
    return request.user


def _context(model_admin: admin.ModelAdmin, request: HttpRequest, title: str, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "title": title,
            **extra}


def _upload(form: ImportForm) -> tuple[bytes, str]:
    """The archive, or the chosen folder's mark files packed into one."""
    if form.cleaned_data.get("archive"):
        upload = form.cleaned_data["archive"]
        return upload.read(), upload.name
    files = [(str(f.name), f) for f in form.cleaned_data.get("folder") or []
             if str(f.name).lower().endswith((*archive.EXTENSIONS, ".csv"))]
    if not files:
        raise DomainError(_("请上传压缩包，或选择一个含有标志图像的文件夹。"))
    if len(files) > MAX_FOLDER_FILES:
        raise DomainError(_("文件夹中有 %(n)d 个文件，一次最多 %(max)d 个；请打包成压缩包上传。")
                          % {"n": len(files), "max": MAX_FOLDER_FILES})
    big = [name for name, f in files if (f.size or 0) > MAX_BYTES]
    if big:
        raise DomainError(_("以下文件超过 20 MB：%(names)s") % {"names": "、".join(big[:5])})
    return archive.pack([(name, f.read()) for name, f in files]), _("文件夹（%(n)d 个文件）") % {"n": len(files)}


def import_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    if not (services.may_manage(_user(request)) and model_admin.has_add_permission(request)):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            data, name = _upload(form)
            job = services.start_import(by=_user(request), data=data, filename=name,
                                        default_owner=form.cleaned_data["default_owner"])
        except DomainError as e:
            error = e.message
        else:
            return HttpResponseRedirect(reverse("admin:logos_mark_import_progress", args=[job.pk]))
    return render(request, "logos/admin_import.html",
                  _context(model_admin, request, _("批量导入保护标志"), form=form, error=error))


def progress_view(model_admin: admin.ModelAdmin, request: HttpRequest, import_id: int) -> HttpResponse:
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    job = MarkImport.objects.filter(pk=import_id).first()
    if job is None:
        raise Http404
    return render(request, "logos/admin_import_progress.html",
                  _context(model_admin, request, _("批量导入进度"), job=job))
