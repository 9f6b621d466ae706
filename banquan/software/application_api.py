"""The applicant's JSON API for software applications: the form, the deposit uploads, and what
submission still needs. Submission, correction answers and withdrawal use the shared
``/api/v1/applications/{id}/…`` endpoints, which know software applications."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import File, Form, Router, Status, UploadedFile

from banquan.applications.api import _applicant, current_user, field_errors_as_422
from banquan.applications.models import Application
from banquan.core.errors import NotFound
from banquan.software import services
from banquan.software.application_schemas import (
    MaterialOut,
    SoftwareApplicationOut,
    SoftwareIn,
    SoftwarePatch,
)

router = Router(tags=["software"])


def _own(request: HttpRequest, app_id: int) -> Application:
    app = (Application.objects.filter(applicant=current_user(request), procedure=services.PROCEDURE, pk=app_id)
           .select_related("software").first())
    if app is None:
        raise NotFound("申请不存在。")
    return app


def _out(app: Application) -> dict:
    reg = getattr(app, "registration", None)
    values = services.values_of(app)
    return {
        "id": app.pk, "reference": app.reference, "status": app.status,
        "fields": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()},
        "owners": [{"kind": o.kind, "name": o.name, "id_type": o.id_type, "id_number": o.id_number,
                    "nationality": o.nationality, "province": o.province, "city": o.city, "address": o.address,
                    "park": app.software.owner_parks.get(str(i), "")} for i, o in enumerate(app.owners.all())],
        "materials": [_material(m) for m in app.deposit_materials.all()],
        "problems": services.problems(app) if app.status in ("draft", "correction_requested") else {},
        "registration_number": reg.number if reg else None,
    }


def _material(m) -> MaterialOut:
    return MaterialOut(kind=m.kind, built=m.built, source_name=m.source_name, status=m.status, error=m.error,
                       pages=m.pages, problems=m.problems, left_out=m.summary.get("left_out", []),
                       pdf_url=reverse("api:software_material_pdf", args=[m.application_id, m.kind])
                       if m.pdf_key else None)


@router.post("/applications", response={201: SoftwareApplicationOut}, summary="Create a software application (draft)")
def create(request: HttpRequest, payload: SoftwareIn):
    applicant = _applicant(request)
    owners = [o.model_dump() for o in payload.owners]
    app = services.create_draft(applicant=applicant, values=payload.model_values(), owners=owners,
                                client_token=payload.client_token)
    return Status(201, _out(_own(request, app.pk)))


@router.get("/applications/{app_id}", response=SoftwareApplicationOut, summary="One of my software applications")
def get(request: HttpRequest, app_id: int):
    return _out(_own(request, app_id))


@router.patch("/applications/{app_id}", response=SoftwareApplicationOut, summary="Change a draft")
def update(request: HttpRequest, app_id: int, payload: SoftwarePatch):
    _own(request, app_id)
    owners = [o.model_dump() for o in payload.owners] if payload.owners is not None else None
    services.update_draft(applicant=current_user(request), app_id=app_id, values=payload.model_values(),
                          owners=owners)
    return _out(_own(request, app_id))


@router.post("/applications/{app_id}/materials", response={202: SoftwareApplicationOut},
             summary="Upload a source tree, a manual or a ready-made deposit PDF (built and checked in the background)")
def upload(request: HttpRequest, app_id: int, file: File[UploadedFile], kind: Form[str],
           mode: Form[str] = "", start_page: Form[int] = 0, ready_made: Form[bool] = False):
    _own(request, app_id)
    options = {k: v for k, v in (("mode", mode), ("start_page", start_page), ("ready_made", ready_made)) if v}
    with field_errors_as_422("file"):
        services.upload_material(applicant=current_user(request), app_id=app_id, kind=kind,
                                 name=file.name or "upload", file=file, size=file.size or 0,  # type: ignore[arg-type]
                                 options=options)
    return Status(202, _out(_own(request, app_id)))


@router.get("/applications/{app_id}/materials/{kind}.pdf", url_name="software_material_pdf",
            summary="The deposit PDF of one kind (program or documentation)")
def material_pdf(request: HttpRequest, app_id: int, kind: str):
    from django.http import HttpResponse

    from banquan.core.storage import store

    material = _own(request, app_id).deposit_materials.filter(kind=kind).exclude(pdf_key="").first()
    if material is None:
        raise NotFound("该材料尚未生成。")
    return HttpResponse(store().read(material.pdf_key), content_type="application/pdf")
