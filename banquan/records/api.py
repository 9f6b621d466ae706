"""Public registration look-up and search (``/api/v1/registrations``): what a QR scan or a
third party (a bank, a court) may check without an account."""

from ninja import Query, Router

from banquan.core.errors import NotFound, ValidationFailed
from banquan.records import filters, schemas, search
from banquan.records.models import Registration

router = Router(tags=["registrations"])


@router.get("", auth=None, response=schemas.RegistrationPageOut, summary="Search registrations")
def list_registrations(
    request,
    q: str = "",
    category: str | None = None,
    year: int | None = None,
    region: str | None = None,
    limit: int = Query(20, ge=1, le=search.MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    """Newest first. ``q`` is a registration number, or words of the title or an owner's name;
    ``region`` is the first owner's province short name (广东), 香港/澳门/台湾 or a country name
    (the values of ``GET /api/v1/registrations/regions``). Filters combine with each other and ``q``."""
    errors = filters.problems(category=category, region=region, year=year)
    if errors:
        raise ValidationFailed(errors)
    rows, total = search.search(q, category=category, year=year, region=region, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset,
            "items": [schemas.registration_summary(r) for r in rows]}


@router.get("/regions", auth=None, response=list[schemas.RegionOut], summary="Regions to filter by")
def list_regions(request):
    """The ``region`` filter's values: the 31 provinces in official order, 香港, 澳门, 台湾, then
    the foreign countries some registration has."""
    return [{"name": name, "english": english} for name, english in filters.region_options()]


@router.get("/{number}", auth=None, response=schemas.RegistrationOut, summary="One registration")
def get_registration(request, number: str, s: str | None = None):
    """The registration ``number`` (percent-encoded in the path), with its rights status.
    ``s`` is the signature from a certificate's QR code; ``signature_valid`` says whether
    it is the office's signature of one of this registration's certificate versions."""
    reg = Registration.objects.select_related("superseded_by").filter(number=number).first()
    if reg is None:
        raise NotFound("未找到该登记号。")
    return schemas.registration_detail(reg, signature=s)
