"""The applicant's sample files: upload and removal on the form page, and serving the files
(and thumbnails) to the people allowed to see them: the owning applicant and office staff."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from banquan.applications import services, thumbnails
from banquan.applications.forms import ApplicationFormBundle, SampleUploadForm
from banquan.applications.models import Application, Sample
from banquan.applications.views import (
    INLINE_MEDIA,
    _own_application,
    _refuse_edit,
    _render_form,
    _samples_context,
    applicant_required,
)
from banquan.core.errors import DomainError
from banquan.core.http import is_htmx
from banquan.core.storage import store
from banquan.review.services import OFFICE_ROLES


def _samples_response(request, app: Application, upload_form=None, errors=None) -> HttpResponse:
    """The samples section alone for htmx, the whole form page otherwise."""
    if is_htmx(request):
        return render(request, "applications/_samples.html",
                      _samples_context(app, upload_form, errors or []))
    bundle = ApplicationFormBundle(app=app)
    if errors:
        bundle.extra_errors["samples"] = errors
    return _render_form(request, bundle, app, upload_form=upload_form, status=400)


def _refuse_sample_change(request, app: Application) -> HttpResponse:
    message = _("申请已提交，不能再上传或删除文件。")
    if is_htmx(request):
        return render(request, "applications/_samples.html", _samples_context(app, None, [message]))
    return _refuse_edit(request, app, message)


@applicant_required
@require_POST
def sample_add(request, pk: int):
    app = _own_application(request, pk)
    if app.status not in services.EDITABLE:
        return _refuse_sample_change(request, app)
    form = SampleUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.add_sample(applicant=request.user, app_id=app.pk, name=upload.name, file=upload,
                                size=upload.size, role=form.cleaned_data["role"])
        except DomainError as e:
            form.add_error("file", e.message)
        else:
            if is_htmx(request):
                return _samples_response(request, app)
            messages.success(request, _("文件“%(name)s”已上传。") % {"name": upload.name})
            return redirect(reverse("applications:edit", args=[app.pk]) + "#samples")
    return _samples_response(request, app, upload_form=form)


@applicant_required
@require_POST
def sample_remove(request, pk: int, sample_id: int):
    app = _own_application(request, pk)
    if app.status not in services.EDITABLE:
        return _refuse_sample_change(request, app)
    try:
        services.remove_sample(applicant=request.user, app_id=app.pk, sample_id=sample_id)
    except DomainError as e:
        return _samples_response(request, app, errors=[e.message])
    if is_htmx(request):
        return _samples_response(request, app)
    messages.success(request, _("文件已删除。"))
    return redirect(reverse("applications:edit", args=[app.pk]) + "#samples")


def _viewable_sample(request, sample_uuid: uuid.UUID) -> Sample:
    """The applicant who uploaded it and the office may open a sample; for anyone else it does
    not exist (404), so guessing identifiers reveals nothing."""
    sample = Sample.objects.select_related("application").filter(uuid=sample_uuid).first()
    user = request.user
    if sample is None:
        raise Http404
    if sample.application.applicant_id != user.pk and user.role not in OFFICE_ROLES and not user.is_superuser:
        raise Http404
    return sample


def _blob_response(key: str, *, content_type: str, **kwargs) -> FileResponse:
    try:
        blob = store().open(key)
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(blob, content_type=content_type, **kwargs)
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
def sample_file(request, sample_uuid: uuid.UUID):
    sample = _viewable_sample(request, sample_uuid)
    inline = sample.media_type in INLINE_MEDIA
    response = _blob_response(sample.blob_key, content_type=sample.content_type,
                              as_attachment=not inline, filename=sample.original_name)
    if sample.media_type != "pdf":  # browsers' PDF viewers do not run in a sandbox
        # An uploaded file is opened on our origin: forbid it scripts of any kind.
        response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
def sample_thumbnail(request, sample_uuid: uuid.UUID):
    sample = _viewable_sample(request, sample_uuid)
    key = thumbnails.ensure(sample)  # made on demand if the background job has not run yet
    if key is None:
        raise Http404
    return _blob_response(key, content_type="image/jpeg")
