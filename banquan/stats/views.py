"""The public statistics dashboard (/stats/) and its CSV downloads. Statistics are a public
service: no account is needed."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from banquan.applications import categories
from banquan.core.errors import ValidationFailed
from banquan.records import regions
from banquan.stats import csvexport, queries, tables
from banquan.stats import metrics as m
from banquan.stats.filters import Filters, parse


def _filters(request: HttpRequest) -> Filters:
    try:
        return parse(request.GET.get("year"), request.GET.get("category"), request.GET.get("region"))
    except ValidationFailed as e:
        for problems in e.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return Filters()


def _category_options() -> list[tuple[str, str]]:
    en = tables.english()
    return [(c.code, c.en if en else _(c.zh)) for c in categories.CATEGORIES] + [
        (m.SOFTWARE, "Software" if en else _("计算机软件"))]


def _region_options(fig: dict, f: Filters) -> list[tuple[str, str]]:
    """The regions of the breakdown (which the region filter does not narrow), and the chosen one."""
    en = tables.english()
    names = [r["name_zh"] for r in fig["regions"]["rows"]]
    if f.region and f.region not in names:
        names.append(f.region)
    return [(n, regions.english(n) if en else n) for n in names]


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    fig = queries.overview(f)
    built = tables.build(fig)
    return render(request, "stats/dashboard.html", {
        "filters": f, "fig": fig, "tables": built, "charts": tables.charts(fig), "query": f.query(),
        "category_options": _category_options(), "region_options": _region_options(fig, f),
    })


@require_GET
def export_csv(request: HttpRequest, table: str) -> HttpResponse:
    f = _filters(request)
    built = tables.build(queries.overview(f))
    if table not in built:
        raise Http404(_("没有这个统计表。"))
    response = HttpResponse(csvexport.render(built[table]), content_type="text/csv; charset=utf-8")
    year = f"-{f.year}" if f.year else ""
    response["Content-Disposition"] = f'attachment; filename="banquan-stats-{table}{year}.csv"'
    return response
