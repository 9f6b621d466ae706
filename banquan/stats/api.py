"""Public statistics (``/api/v1/stats``): the dashboard's figures as JSON, and each table as CSV.
No account needed."""

from django.http import HttpRequest, HttpResponse
from ninja import Router

from banquan.core.errors import NotFound
from banquan.stats import csvexport, queries, tables
from banquan.stats.filters import parse
from banquan.stats.schemas import StatsOut

router = Router(tags=["stats"])


@router.get("", auth=None, response=StatsOut, summary="Registration statistics")
def stats(request: HttpRequest, year: int | None = None, category: str | None = None, region: str | None = None):
    """Works registered by category (code, Chinese and English name, share), by region (31
    provinces in official order, 香港/澳门/台湾, foreign countries), by month and year with
    year-over-year growth; software registrations; pledges per currency; seizures; processing
    times against the time limits. ``year`` narrows the events to one calendar year, ``category``
    to one work category code or ``software``, ``region`` to one region name (see
    ``GET /api/v1/registrations/regions``)."""
    return queries.overview(parse(year, category, region))


@router.get("/{table}.csv", auth=None, summary="One statistics table as CSV",
            response={200: None}, openapi_extra={"responses": {200: {"content": {"text/csv": {}}}}})
def stats_csv(request: HttpRequest, table: str, year: int | None = None, category: str | None = None,
              region: str | None = None):
    """``table`` is one of categories, regions, months, years, software, pledges, seizures,
    processing; UTF-8 with a byte-order mark (Excel), headings in the request's language."""
    built = tables.build(queries.overview(parse(year, category, region)))
    if table not in built:
        raise NotFound(f"no table {table!r}; one of {', '.join(built)}")
    return HttpResponse(csvexport.render(built[table]), content_type="text/csv; charset=utf-8")
