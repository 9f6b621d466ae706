"""Public registration look-up and search (``/api/v1/registrations``): what a QR scan or a
third party (a bank, a court) may check without an account."""

from ninja import Query, Router

from banquan.applications import categories
from banquan.core.errors import NotFound, ValidationFailed
from banquan.records import schemas, search
from banquan.records.models import Registration

router = Router(tags=["registrations"])


@router.get("", auth=None, response=schemas.RegistrationPageOut, summary="Search registrations")
def list_registrations(
    request,
    q: str = "",
    category: str | None = None,
    year: int | None = None,
    limit: int = Query(20, ge=1, le=search.MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    """Newest first. ``q`` is a registration number, or words of the title or an owner's name."""
    if category and category not in categories.BY_CODE and category != "software":
        raise ValidationFailed({"category": ["未知的作品类别。"]})
    rows, total = search.search(q, category=category, year=year, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset,
            "items": [schemas.registration_summary(r) for r in rows]}


@router.get("/{number}", auth=None, response=schemas.RegistrationOut, summary="One registration")
def get_registration(request, number: str, s: str | None = None):
    """The registration ``number`` (percent-encoded in the path), with its rights status.
    ``s`` is the signature from a certificate's QR code; ``signature_valid`` says whether
    it is the office's signature of one of this registration's certificate versions."""
    reg = Registration.objects.select_related("superseded_by").filter(number=number).first()
    if reg is None:
        raise NotFound("未找到该登记号。")
    return schemas.registration_detail(reg, signature=s)
