"""Public pages of the folk-art platform (民间文艺版权服务): the landing page, the resource library
of accepted items with their media, the offline service stations with an offline map, and
policy articles. Nothing here shows an item that the office has not accepted, except to its
applicant and the office."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from banquan.core.storage import store
from banquan.folkart import access, categories, geo, queries, states
from banquan.folkart.models import FolkItem, Media, PolicyArticle

MAP_WIDTH, MAP_HEIGHT = 640, 480


@require_GET
def landing(request):
    return render(request, "folkart/landing.html", {
        "items": queries.library()[:6],
        "count": queries.library().count(),
        "policies": queries.published_policies()[:5],
        "stations": queries.stations()[:5],
        "categories": categories.CATEGORIES,
    })


@require_GET
def library(request):
    q = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    category = category if category in categories.BY_CODE else ""
    region = request.GET.get("region", "").strip()[:32]
    page = Paginator(queries.library(q=q, category=category, region=region), queries.PAGE).get_page(
        request.GET.get("page"))
    return render(request, "folkart/library.html", {
        "page": page, "q": q, "category": category, "region": region,
        "categories": categories.CATEGORIES, "regions": queries.regions(),
    })


def visible_item(request, pk: int) -> FolkItem:
    item = FolkItem.objects.filter(pk=pk).first()
    if item is None or not access.may_see(request.user, item):
        raise Http404
    return item


@require_GET
def item(request, pk: int):
    item = visible_item(request, pk)
    return render(request, "folkart/item.html", {
        "item": item, "inheritors": item.inheritors.all(), "media": item.media.all(),
        "public": item.status == states.ACCEPTED,
    })


@require_GET
def media_file(request, media_uuid):
    """A medium of an accepted item for anyone; of other items for its applicant and the office."""
    media = Media.objects.select_related("item").filter(uuid=media_uuid).first()
    if media is None or not access.may_see(request.user, media.item):
        raise Http404
    response = FileResponse(store().open(media.blob_key), content_type=media.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    if media.item.status != states.ACCEPTED:
        response["Cache-Control"] = "private, no-store"
    return response


def station_points(stations) -> dict:
    """Stations with their SVG position on a plot of their bounds, and an external map link."""
    stations = list(stations)
    bounds = geo.bounds_of([(float(s.latitude), float(s.longitude)) for s in stations])
    rows: list[dict] = []
    for s in stations:
        lat, lon = float(s.latitude), float(s.longitude)
        x, y = geo.project(lat, lon, bounds, MAP_WIDTH, MAP_HEIGHT)
        # Labels of points in the right half go to their left, so they stay inside the plot.
        right = x > MAP_WIDTH / 2
        rows.append({"station": s, "x": x, "y": y, "n": len(rows) + 1, "map_url": geo.external_map_url(lat, lon),
                     "label_x": x - 10 if right else x + 10, "anchor": "end" if right else "start"})
    return {"rows": rows, "bounds": bounds, "width": MAP_WIDTH, "height": MAP_HEIGHT}


@require_GET
def stations(request):
    return render(request, "folkart/stations.html", station_points(queries.stations()))


@require_GET
def policies(request):
    kind = request.GET.get("kind", "")
    qs = queries.published_policies()
    if kind in PolicyArticle.Kind.values:
        qs = qs.filter(kind=kind)
    page = Paginator(qs, queries.PAGE).get_page(request.GET.get("page"))
    return render(request, "folkart/policies.html", {"page": page, "kind": kind, "kinds": PolicyArticle.Kind.choices})


@require_GET
def policy(request, pk: int):
    article = get_object_or_404(queries.published_policies(), pk=pk)
    return render(request, "folkart/policy.html", {"article": article})
