"""Deposit materials on the pages: upload (source tree, manual or ready-made PDF), one
material's panel (polled by htmx while it is being built) and the PDF itself, for the applicant
and for the office."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.applications.views import applicant_required
from banquan.core.errors import DomainError
from banquan.core.http import is_htmx
from banquan.core.storage import store
from banquan.review import queue
from banquan.software import presentation
from banquan.software.choices import MaterialKind
from banquan.software.forms import MaterialUploadForm
from banquan.software.models import DepositMaterial
from banquan.software.services import PROCEDURE, upload_material
from banquan.software.views import materials_context, own_software


def _materials_response(request, app: Application, form: MaterialUploadForm | None = None,
                        errors: list[str] | None = None) -> HttpResponse:
    if is_htmx(request):
        return render(request, "software/_materials.html", materials_context(app, form, errors))
    for message in errors or []:
        messages.error(request, message)
    if form is not None:
        for field_errors in form.errors.values():
            for error in field_errors:
                messages.error(request, str(error))
    return redirect(reverse("software:detail", args=[app.pk]) + "#materials")


@applicant_required
@require_POST
def upload(request, pk: int):
    app = own_software(request, pk)
    if app.status not in applications.EDITABLE:
        return _materials_response(request, app, errors=[_("申请已提交，不能再上传鉴别材料。")])
    form = MaterialUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _materials_response(request, app, form)
    file = form.cleaned_data["file"]
    try:
        upload_material(applicant=request.user, app_id=app.pk, kind=form.cleaned_data["kind"], name=file.name,
                        file=file, size=file.size, options=form.options())
    except DomainError as e:
        form.add_error("file" if e.field == "file" else None, e.message)
        return _materials_response(request, app, form)
    if not is_htmx(request):
        messages.success(request, _("文件“%(name)s”已上传，正在生成和检查鉴别材料。") % {"name": file.name})
    return _materials_response(request, app)


def _viewable(request, pk: int) -> Application:
    """The applicant's own software application, or one the office may open; 404 otherwise,
    so guessing identifiers reveals nothing."""
    app = Application.objects.filter(pk=pk, procedure=PROCEDURE).first()
    if app is None:
        raise Http404
    if app.applicant_id == request.user.pk:
        return app
    if queue.is_office(request.user) and queue.visible_to(request.user).filter(pk=pk).exists():
        return app
    raise Http404


def _material(app: Application, kind: str) -> DepositMaterial:
    if kind not in MaterialKind.values:
        raise Http404
    material = app.deposit_materials.filter(kind=kind).first()
    if material is None:
        raise Http404
    return material


@login_required
@require_GET
def panel(request, pk: int, kind: str):
    """One material's panel: htmx polls it every 2 s while the material is being prepared."""
    app = _viewable(request, pk)
    return render(request, "software/_material.html", {
        "app": app, "kind": kind, "label": MaterialKind(kind).label,
        "view": presentation.material_view(_material(app, kind)),
    })


@login_required
@require_GET
def material_pdf(request, pk: int, kind: str):
    app = _viewable(request, pk)
    material = _material(app, kind)
    if not material.pdf_key:
        raise Http404
    try:
        blob = store().open(material.pdf_key)
    except FileNotFoundError:
        raise Http404 from None
    name = f"{app.reference}-{kind}.pdf"
    response = FileResponse(blob, content_type="application/pdf", filename=name)
    response["Cache-Control"] = "private, no-cache"
    return response
