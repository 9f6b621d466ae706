"""The folk-art JSON API: the resource library, service stations (also as GeoJSON) and
policy articles are public; applicants file pre-registrations, add media and convert them;
the office reviews. Another applicant's pre-registration answers 404."""

from django.http import HttpRequest, JsonResponse
from ninja import File, Form, Router, Status, UploadedFile

from banquan.applications.api import current_user, field_errors_as_422
from banquan.core.errors import NotFound
from banquan.folkart import access, convert, geo, media, queries, services
from banquan.folkart.models import FolkItem
from banquan.folkart.schemas import (
    CategoryCode,
    ConvertedOut,
    DecisionIn,
    ItemIn,
    LibraryItemOut,
    MediaOut,
    PolicyOut,
    PolicySummaryOut,
    PreregOut,
    StationOut,
)

router = Router(tags=["folkart"])


# --- public -------------------------------------------------------------------------------


@router.get("/library", auth=None, response=list[LibraryItemOut],
            summary="Accepted folk-art items (资源库), filtered by category, region and a search")
def library(request: HttpRequest, q: str = "", category: CategoryCode | None = None, region: str = "",
            limit: int = 50, offset: int = 0):
    qs = queries.library(q=q[:100], category=category or "", region=region[:32]).prefetch_related("media")
    return [LibraryItemOut.of(i) for i in qs[max(offset, 0):max(offset, 0) + min(max(limit, 1), 200)]]


@router.get("/library/{item_id}", auth=None, response=LibraryItemOut, summary="One accepted item")
def library_item(request: HttpRequest, item_id: int):
    item = queries.library().filter(pk=item_id).first()
    if item is None:
        raise NotFound("项目不存在。")
    return LibraryItemOut.of(item)


@router.get("/stations", auth=None, response=list[StationOut], summary="Offline service stations (线下服务站)")
def stations(request: HttpRequest):
    return [StationOut.of(s) for s in queries.stations()]


@router.get("/stations.geojson", auth=None, summary="Offline service stations as a GeoJSON FeatureCollection")
def stations_geojson(request: HttpRequest):
    features = [{"lat": s.latitude, "lon": s.longitude,
                 "properties": {"id": s.pk, "name": s.name, "address": s.address, "phone": s.phone,
                                "hours": s.hours, "services": s.service_list()}}
                for s in queries.stations()]
    return JsonResponse(geo.feature_collection(features), content_type="application/geo+json",
                        json_dumps_params={"ensure_ascii": False})


@router.get("/policies", auth=None, response=list[PolicySummaryOut], summary="Published policy articles")
def policies(request: HttpRequest, kind: str = ""):
    qs = queries.published_policies()
    return [PolicySummaryOut.of(a) for a in (qs.filter(kind=kind) if kind else qs)]


@router.get("/policies/{article_id}", auth=None, response=PolicyOut, summary="One published policy article")
def policy(request: HttpRequest, article_id: int):
    article = queries.published_policies().filter(pk=article_id).first()
    if article is None:
        raise NotFound("文章不存在。")
    return PolicyOut.of(article)


# --- pre-registrations ----------------------------------------------------------------------


def _visible(request: HttpRequest, item_id: int) -> FolkItem:
    user = current_user(request)
    item = FolkItem.objects.filter(pk=item_id, applicant__isnull=False).select_related("application").first()
    if item is None or not (item.applicant_id == user.pk or access.is_office(user)):
        raise NotFound("预登记不存在。")
    return item


@router.post("/preregistrations", response={201: PreregOut},
             summary="File a pre-registration (预登记, applicants); the number is given now")
def file_prereg(request: HttpRequest, payload: ItemIn):
    with field_errors_as_422():
        item = services.file(applicant=current_user(request), values=payload.values(),
                             inheritors=[i.model_dump() for i in payload.inheritors])
    return Status(201, PreregOut.of(item))


@router.get("/preregistrations", response=list[PreregOut],
            summary="The applicant's own pre-registrations (the office: all, or by status)")
def list_preregs(request: HttpRequest, status: str = ""):
    user = current_user(request)
    qs = FolkItem.objects.filter(applicant__isnull=False).select_related("application")
    qs = qs if access.is_office(user) else qs.filter(applicant=user)
    return [PreregOut.of(i) for i in (qs.filter(status=status) if status else qs)[:500]]


@router.get("/preregistrations/{item_id}", response=PreregOut, summary="One pre-registration")
def get_prereg(request: HttpRequest, item_id: int):
    return PreregOut.of(_visible(request, item_id))


@router.put("/preregistrations/{item_id}", response=PreregOut, summary="Correct an undecided pre-registration")
def update_prereg(request: HttpRequest, item_id: int, payload: ItemIn):
    with field_errors_as_422():
        item = services.update(applicant=current_user(request), item_id=item_id, values=payload.values(),
                               inheritors=[i.model_dump() for i in payload.inheritors])
    return PreregOut.of(item)


@router.post("/preregistrations/{item_id}/media", response={201: MediaOut},
             summary="Add an image, audio or video (same checks as work samples)")
def add_media(request: HttpRequest, item_id: int, file: File[UploadedFile], caption: Form[str] = ""):
    _visible(request, item_id)
    with field_errors_as_422("file"):
        m = media.add(user=current_user(request), item_id=item_id, name=file.name or "upload",
                      file=file, size=file.size or 0, caption=caption)  # type: ignore[arg-type]
    return Status(201, MediaOut.of(m))


@router.post("/preregistrations/{item_id}/resubmit", response=PreregOut, summary="Resubmit after a return")
def resubmit(request: HttpRequest, item_id: int):
    return PreregOut.of(services.resubmit(applicant=current_user(request), item_id=item_id))


@router.post("/preregistrations/{item_id}/decision", response=PreregOut,
             summary="Review (the office): accept into the library, return for correction, or reject")
def decide(request: HttpRequest, item_id: int, payload: DecisionIn):
    _visible(request, item_id)
    item = services.decide(officer=current_user(request), item_id=item_id, decision=payload.decision,
                           reason=payload.reason)
    return PreregOut.of(item)


@router.post("/preregistrations/{item_id}/convert", response={201: ConvertedOut},
             summary="Convert an accepted pre-registration into a formal work registration draft (once)")
def convert_prereg(request: HttpRequest, item_id: int):
    app = convert.convert(applicant=current_user(request), item_id=item_id)
    return Status(201, ConvertedOut(application_id=app.pk, reference=app.reference))
