"""Public verification (公开核验): the page a certificate's QR code opens, the certificate
PDF, work thumbnails, the office public key and the public search. No login anywhere here,
so every view shows only public facts (ID numbers masked by ``records.schemas``)."""

from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from banquan.applications import categories, thumbnails
from banquan.applications.choices import MediaType, SampleRole
from banquan.applications.models import Sample
from banquan.certificates import services as certificates
from banquan.certificates import signing
from banquan.core.storage import store
from banquan.records import filters, schemas, search
from banquan.records.models import Registration
from banquan.rights.public import public_rights

SEARCH_PAGE_SIZE = 20


def _registration(number: str) -> Registration | None:
    return Registration.objects.select_related("superseded_by").filter(number=number).first()


def _not_found(request, number: str) -> HttpResponse:
    return render(request, "verify/not_found.html", {"number": number}, status=404)


def _first_image_sample(reg: Registration) -> Sample | None:
    return (Sample.objects.filter(application_id=reg.application_id, role=SampleRole.SAMPLE,
                                  media_type=MediaType.IMAGE).order_by("id").first())


# Rights status changes must show at once, so neither browsers nor proxies may reuse a copy.
@require_safe
@cache_control(no_cache=True)
def detail(request, number: str):
    reg = _registration(number)
    if reg is None:
        return _not_found(request, number)
    facts = schemas.registration_detail(reg, signature=request.GET.get("s") or None)
    return render(request, "verify/detail.html", {
        "reg": reg,
        "facts": facts,
        "check": facts["signature_check"],
        "sample": _first_image_sample(reg),
        "office_key_id": signing.key_id(),
        "rights": public_rights(reg),
    })


@require_safe
def certificate_pdf(request, number: str):
    """The current certificate. Public: it names owners but holds no ID numbers (see
    ``certificates.services.payload_for``), and the verify page links it."""
    reg = _registration(number)
    cert = certificates.current(reg) if reg else None
    if reg is None or cert is None:
        return _not_found(request, number)
    response = HttpResponse(certificates.ensure_pdf(cert), content_type="application/pdf")
    filename = f"{reg.number}-v{cert.version}.pdf"
    # The plain filename is for clients that do not read RFC 5987's filename*.
    response["Content-Disposition"] = (
        f"inline; filename=\"certificate-v{cert.version}.pdf\"; filename*=UTF-8''{quote(filename)}"
    )
    return response


@require_safe
@cache_control(public=True, max_age=86400)
def thumbnail(request, sample_uuid):
    """A registered work's image sample, small. Samples of applications not (yet)
    registered are private to their applicant and the office: 404 here."""
    sample = Sample.objects.filter(
        uuid=sample_uuid, role=SampleRole.SAMPLE, media_type=MediaType.IMAGE,
        application__registration__isnull=False,
    ).first()
    key = thumbnails.ensure(sample) if sample else None  # made on first request if need be
    if key is None:
        raise Http404("未找到该图片。")
    return HttpResponse(store().read(key), content_type="image/jpeg")


@require_safe
def public_key(request):
    """The office's Ed25519 public key (PEM), for anyone who checks signatures offline."""
    response = HttpResponse(signing.public_key_pem(), content_type="text/plain; charset=us-ascii")
    response["X-Key-Id"] = signing.key_id()
    return response


def _positive_int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None


@require_safe
def search_page(request):
    q = request.GET.get("q", "").strip()[:100]
    given = {k: request.GET.get(k, "").strip() or None for k in ("category", "region", "year")}
    # A bad filter value is named beside its field and left out of the search (422).
    errors = filters.problems(**given)
    category, region = (None if k in errors else given[k] for k in ("category", "region"))
    year = None if "year" in errors else filters.parse_year(given["year"])
    page = _positive_int(request.GET.get("page")) or 1
    rows, total = search.search(q, category=category, year=year, region=region, limit=SEARCH_PAGE_SIZE,
                                offset=(page - 1) * SEARCH_PAGE_SIZE)
    pages = max(1, -(-total // SEARCH_PAGE_SIZE))
    return render(request, "verify/search.html", {
        "q": q,
        "category": category,
        "region": region,
        "regions": filters.region_options(),
        "errors": errors,
        "year": year,
        "results": [schemas.registration_summary(r) for r in rows],
        "total": total,
        "page": page,
        "pages": pages,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if page < pages else None,
        "categories": categories.CATEGORIES,
        "years": Registration.objects.order_by("-year").values_list("year", flat=True).distinct(),
    }, status=422 if errors else 200)
