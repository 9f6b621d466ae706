"""Reading the figures off the tallies. Every query here is a GROUP BY over ``Tally`` or
``DecisionTally`` rows (at most one per month × category × region), never over registrations."""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum

from banquan.applications import categories
from banquan.records import regions
from banquan.stats import figures
from banquan.stats import metrics as m
from banquan.stats.filters import Filters
from banquan.stats.models import DecisionTally, Tally

PROCEDURES = (("work", "作品登记", "Works"), ("software", "计算机软件著作权登记", "Software"))


def _tallies(metric: str, f: Filters, *, year: bool = True, category: bool = True, region: bool = True) -> QuerySet:
    """Rows of ``metric`` narrowed by the filters that apply (``year``/``category``/``region``
    False: that filter is ignored, for the breakdown over that dimension)."""
    qs = Tally.objects.filter(metric=metric).order_by()
    if year and f.year:
        qs = qs.filter(year=f.year)
    if category and f.category:
        qs = qs.filter(category=f.category)
    if region and f.region:
        qs = qs.filter(region=f.region)
    return qs


def _registered(f: Filters, *, by: str = "", year: bool = True) -> QuerySet:
    """Registration tallies for the filters at the coarsest grain that answers them: a roll-up
    (``metrics.ALL``) wherever a dimension is neither filtered nor broken down (``by``)."""
    qs = _tallies(m.REGISTERED, f, year=year, category=by != "category", region=by != "region")
    if by == "category" or (not f.category and not f.region and by != "region"):
        qs = qs.exclude(category__in=[m.ALL, m.SOFTWARE])  # per category (there is no all-works-everywhere row)
    elif not f.category:
        qs = qs.filter(category=m.ALL)
    if by == "region":
        qs = qs.exclude(region=m.ALL)
    elif not f.region:
        qs = qs.filter(region=m.ALL)
    return qs


def _sums(qs: QuerySet, *fields: str) -> dict:
    return {tuple(r[k] for k in fields) if len(fields) > 1 else r[fields[0]]: r["n"]
            for r in qs.values(*fields).annotate(n=Sum("count"))}


def _finals(f: Filters, *, year: bool = True) -> QuerySet:
    qs = _tallies(m.FINAL, f, year=year)
    return qs if f.category else qs.exclude(category=m.SOFTWARE)


def years() -> list[int]:
    return sorted(Tally.objects.order_by().values_list("year", flat=True).distinct())


def by_category(f: Filters) -> dict:
    """Works registered per category (with revocations in the same period), with shares."""
    counts = _sums(_registered(f, by="category"), "category")
    revoked = _sums(_tallies(m.FINAL, f, category=False).exclude(category=m.SOFTWARE), "category")  # few rows
    total = sum(counts.values())
    rows = [{"code": c.code, "name_zh": c.zh, "name_en": c.en, "count": counts.get(c.code, 0),
             "share": figures.share(counts.get(c.code, 0), total), "revoked": revoked.get(c.code, 0)}
            for c in categories.CATEGORIES]
    return {"total": total, "revoked": sum(revoked.values()), "rows": rows}


def by_region(f: Filters) -> dict:
    counts = _sums(_registered(f, by="region"), "region")
    total = sum(counts.values())
    rows = [{"name_zh": name, "name_en": regions.english(name), "kind": regions.kind_of(name),
             "count": counts.get(name, 0), "share": figures.share(counts.get(name, 0), total)}
            for name in figures.region_order(counts)]
    kinds: dict[str, int] = defaultdict(int)
    for r in rows:
        kinds[r["kind"]] += r["count"]
    countries = sum(1 for r in rows if r["kind"] == regions.FOREIGN and r["count"])
    return {"total": total, "domestic": kinds[regions.DOMESTIC], "hmt": kinds[regions.HMT],
            "foreign": kinds[regions.FOREIGN], "countries": countries, "rows": rows}


def by_month(f: Filters) -> list[dict]:
    """Registrations per month (of the filter's year, or all months), with the same month a year earlier."""
    qs = _registered(f, year=False)
    if f.year:
        qs = qs.filter(year__in=[f.year - 1, f.year])
    counts = _sums(qs, "year", "month")
    if f.year:
        keys = [(f.year, mo) for mo in range(1, 13)]
    else:
        keys = sorted(counts)
    return [{"year": y, "month": mo, "count": counts.get((y, mo), 0), "previous": counts.get((y - 1, mo)),
             "growth": figures.growth(counts.get((y, mo), 0), counts.get((y - 1, mo)))} for y, mo in keys]


def by_year(f: Filters) -> list[dict]:
    """Every year (the year filter does not apply), with growth and revocations."""
    rows = figures.with_growth(_sums(_registered(f, year=False), "year").items())
    revoked = _sums(_finals(f, year=False), "year")
    for r in rows:
        r["revoked"] = revoked.get(r["year"], 0)
    return rows


def software(f: Filters) -> dict:
    per_year = _sums(_registered(Filters(category=m.SOFTWARE, region=f.region), year=False), "year")
    rows = figures.with_growth(per_year.items())
    total = per_year.get(f.year, 0) if f.year else sum(per_year.values())
    return {"total": total, "years": rows}


def _amount(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


def pledges(f: Filters) -> list[dict]:
    """Per currency: pledges registered and released in the period, and outstanding now."""
    def sums(metric: str, *, year: bool) -> dict:
        qs = _tallies(metric, f, year=year, category=False, region=False)
        return {r["detail"]: (r["n"], r["c"]) for r in qs.values("detail").annotate(n=Sum("count"), c=Sum("amount_cents"))}

    registered, released = sums(m.PLEDGE_REGISTERED, year=True), sums(m.PLEDGE_RELEASED, year=True)
    ever_registered, ever_released = sums(m.PLEDGE_REGISTERED, year=False), sums(m.PLEDGE_RELEASED, year=False)
    rows = []
    for cur in sorted(set(ever_registered) | set(ever_released), key=lambda c: (c != "CNY", c)):
        reg, rel = registered.get(cur, (0, 0)), released.get(cur, (0, 0))
        out_n = ever_registered.get(cur, (0, 0))[0] - ever_released.get(cur, (0, 0))[0]
        out_c = ever_registered.get(cur, (0, 0))[1] - ever_released.get(cur, (0, 0))[1]
        rows.append({"currency": cur, "registered": reg[0], "registered_principal": _amount(reg[1]),
                     "released": rel[0], "released_principal": _amount(rel[1]),
                     "outstanding": out_n, "outstanding_principal": _amount(out_c)})
    return rows


def seizures(f: Filters) -> dict:
    period = _sums(_tallies(m.SEIZURE, f, region=False), "detail")
    ever = _sums(_tallies(m.SEIZURE, f, year=False, region=False), "detail")
    return {**{e: period.get(e, 0) for e in m.SEIZURE_EVENTS}, "in_force": m.in_force(ever)}


def processing(f: Filters) -> list[dict]:
    qs = DecisionTally.objects.order_by()
    if f.year:
        qs = qs.filter(year=f.year)
    if f.category:
        qs = qs.filter(category=f.category)
    hist: dict[str, dict[int, int]] = defaultdict(dict)
    within: dict[str, int] = defaultdict(int)
    outcomes: dict[tuple[str, str], int] = defaultdict(int)
    for r in qs.values("procedure", "outcome", "days", "within").annotate(n=Sum("count")):
        p = r["procedure"]
        hist[p][r["days"]] = hist[p].get(r["days"], 0) + r["n"]
        within[p] += r["n"] if r["within"] else 0
        outcomes[(p, r["outcome"])] += r["n"]
    rows = []
    for code, zh, en in PROCEDURES:
        summary = figures.processing_summary(hist.get(code, {}), within[code], settings.BANQUAN_TIME_LIMITS[code])
        rows.append({"procedure": code, "name_zh": zh, "name_en": en, **summary,
                     "registered": outcomes[(code, m.REGISTERED_OUTCOME)],
                     "rejected": outcomes[(code, m.REJECTED_OUTCOME)]})
    return rows


def overview(f: Filters) -> dict:
    """Every figure of the dashboard and the API, for the filters."""
    return {"filters": {"year": f.year, "category": f.category, "region": f.region}, "years": years(),
            "categories": by_category(f), "regions": by_region(f), "months": by_month(f), "by_year": by_year(f),
            "software": software(f), "pledges": pledges(f), "seizures": seizures(f), "processing": processing(f)}
