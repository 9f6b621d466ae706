"""Render time of the public statistics with the tallies of 2 × 10^7 registrations.

The dashboard (``GET /stats/``) and the API (``GET /api/v1/stats``) read only the
pre-aggregated tallies (``banquan/stats``), so what their cost depends on is the number of tally
rows: (month × category × region) combinations, which a large office fills almost completely.
The loaded database gets the tallies of ``--registrations`` (2 × 10^7) registrations over
``--years`` years, loaded directly with a realistic distribution (fine art 84 %, then written,
audiovisual, photography, music…; 31 provinces weighted by size, Hong Kong, Macao, Taiwan and
100 foreign countries on a Zipf curve; processing times around 20 working days); the baseline
gets the tallies of ``--baseline`` (10^4) registrations drawn the same way. Requests go through
Django's test client (the full URL, middleware and template stack, no network), rounds
alternate between the databases (ABBA) and the ratio is loaded / baseline.

Then, on the baseline database, ``--raw`` registrations (10^5) are bulk-loaded for real and the
same breakdowns are computed by GROUP BY over the registration rows, to show what the dashboard
would cost without the tallies (that cost grows linearly with the registrations).

    .venv/bin/python bench/stats.py [--registrations 20000000] [--requests 200] [--raw 100000]
    BANQUAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/banquan_bench .venv/bin/python bench/stats.py
"""

import argparse
import datetime as dt
import random
import time

import _harness

CATEGORY_SHARES = {"fine_art": 0.84, "written": 0.055, "audiovisual": 0.04, "photography": 0.025, "music": 0.015,
                   "design_drawing": 0.006, "other": 0.004, "architecture": 0.003, "map": 0.003, "model": 0.002,
                   "drama": 0.002, "dance": 0.0015, "quyi": 0.001, "oral": 0.001, "acrobatics": 0.0005}
SOFTWARE_SHARE = 0.35  # software registrations per work registration
COUNTRIES = ["美国", "日本", "韩国", "英国", "法国", "德国", "新加坡", "加拿大", "澳大利亚", "意大利"] + [
    f"国家{i:03d}" for i in range(90)]  # 100 countries; their names do not matter to the cost
PAGES = {"dashboard": "/stats/", "dashboard (year)": "/stats/?year={year}", "API": "/api/v1/stats",
         "API (year, region)": "/api/v1/stats?year={year}&region=广东"}


def _region_weights() -> dict[str, float]:
    from banquan.records import regions

    big = {"广东": 9, "北京": 8, "上海": 7, "江苏": 6, "浙江": 6, "山东": 4, "福建": 3, "四川": 3, "湖北": 3}
    weights = {zh: big.get(zh, 1.0) for zh, _ in regions.PROVINCES}
    total = sum(weights.values())
    out = {k: 0.97 * v / total for k, v in weights.items()}
    out.update({"香港": 0.006, "澳门": 0.002, "台湾": 0.007})
    zipf = [1 / (i + 1) for i in range(len(COUNTRIES))]
    out.update({c: 0.015 * w / sum(zipf) for c, w in zip(COUNTRIES, zipf, strict=True)})
    return out


def _count(rng: random.Random, expected: float) -> int:
    if expected < 5:  # rare combinations: present or not
        return int(expected) + (1 if rng.random() < expected - int(expected) else 0)
    return max(0, round(expected * rng.uniform(0.85, 1.15)))


def load_tallies(total: int, years: int, seed: int) -> int:
    """Tallies equivalent to ``total`` registrations; returns the tally rows written."""
    from django.db import transaction

    from banquan.stats import metrics as m
    from banquan.stats import tallies
    from banquan.stats.models import DecisionTally, Tally

    rng = random.Random(seed)
    this = dt.date.today().year
    months = [(y, mo) for y in range(this - years + 1, this + 1) for mo in range(1, 13)]
    growth = [1.12 ** (i / 12) for i in range(len(months))]  # ~12 % more every year
    per_month = [total / (1 + SOFTWARE_SHARE) * g / sum(growth) for g in growth]
    regions = _region_weights()
    rows, decisions = [], []
    for (y, mo), works in zip(months, per_month, strict=True):
        for cat, share in [*CATEGORY_SHARES.items(), (m.SOFTWARE, SOFTWARE_SHARE)]:
            for region, weight in regions.items():
                n = _count(rng, works * share * weight)
                if n:
                    rows.append(((m.REGISTERED, y, mo, cat, region, ""), n, 0))
            decided = works * share
            procedure = "software" if cat == m.SOFTWARE else "work"
            for days in range(3, 41):  # processing times around 20 working days
                n = _count(rng, decided * max(0.0, 1 - abs(days - 20) / 18) / 18)
                if n:
                    decisions.append(((y, mo, procedure, cat, "registered", days, days <= 25), n))
            revoked = _count(rng, works * share * 0.0005)
            if revoked:
                rows.append(((m.FINAL, y, mo, cat, "北京", "revoked"), revoked, 0))
            for event, rate in (("effective", 2e-5), ("released", 1.5e-5), ("queued", 2e-6)):
                if (n := _count(rng, works * share * rate)):
                    rows.append(((m.SEIZURE, y, mo, cat, "", event), n, 0))
        for cur, rate in (("CNY", 1e-4), ("USD", 5e-6)):
            if (n := _count(rng, works * rate)):
                rows.append(((m.PLEDGE_REGISTERED, y, mo, "", "", cur), n, n * 300_000_000))
    with transaction.atomic():
        Tally.objects.all().delete()
        DecisionTally.objects.all().delete()
        tallies.add(rows)
        tallies.add_decisions(decisions)
    return Tally.objects.count() + DecisionTally.objects.count()


def raw_group_by() -> dict[str, float]:
    """The dashboard's main breakdowns computed from the registration rows, in seconds."""
    from django.db.models import Count
    from django.db.models.functions import ExtractMonth, ExtractYear

    from banquan.records.models import Registration

    qs = Registration.objects.order_by()
    queries = {
        "by category": lambda: list(qs.values("category").annotate(n=Count("id"))),
        "by region": lambda: list(qs.values("region").annotate(n=Count("id"))),
        "by month": lambda: list(qs.values(y=ExtractYear("registered_on"), mo=ExtractMonth("registered_on"))
                                 .annotate(n=Count("id"))),
    }
    out = {}
    for name, fn in queries.items():
        fn()
        out[name] = min(_harness.timed(fn, 5))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--registrations", type=int, default=20_000_000, help="registrations the loaded tallies stand for")
    p.add_argument("--baseline", type=int, default=10_000, help="registrations the baseline tallies stand for")
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--requests", type=int, default=200, help="requests per page per database")
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--raw", type=int, default=100_000, help="real registrations for the un-aggregated GROUP BY")
    args = p.parse_args()

    _harness.setup("stats")
    print(f"statistics render time — {_harness.machine()}\ndatabase: {_harness.describe_database()}\n"
          f"{_harness.load_average()}\n")
    sizes = {"baseline": args.baseline, "loaded": args.registrations}
    for label in _harness.LABELS:
        _harness.use(label)
        started = time.monotonic()
        rows = load_tallies(sizes[label], args.years, seed=7)
        _harness.settle()
        print(f"  {label}: tallies of {sizes[label]:,} registrations = {rows:,} rows ({time.monotonic() - started:.0f} s)")

    from django.test import Client

    year = dt.date.today().year - 1
    samples: dict[str, dict[str, list[float]]] = {label: {page: [] for page in PAGES} for label in _harness.LABELS}
    for r in range(args.rounds):
        for label in _harness.round_order(r):
            _harness.use(label)
            client = Client()
            for page, url in PAGES.items():
                path = url.format(year=year)
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
                samples[label][page] += _harness.timed(lambda path=path, client=client: client.get(path), args.requests // args.rounds)

    print(f"\n{'page':<22}{'baseline p50 ms':>16}{'loaded p50 ms':>15}{'loaded p95 ms':>15}{'ratio p50':>11}")
    for page in PAGES:
        base, loaded = (_harness.percentiles(samples[label][page]) for label in _harness.LABELS)
        print(f"{page:<22}{base['p50']:>16.1f}{loaded['p50']:>15.1f}{loaded['p95']:>15.1f}"
              f"{_harness.ratio(loaded['p50'], base['p50']):>11}")

    if args.raw:
        _harness.preload("baseline", args.raw)
        raw = raw_group_by()
        print(f"\nun-aggregated GROUP BY over {args.raw:,} registration rows (best of 5):")
        for name, seconds in raw.items():
            scale = args.registrations / args.raw
            print(f"  {name:<12} {seconds * 1000:8.1f} ms   (linear estimate at {args.registrations:,}: "
                  f"{seconds * scale:,.1f} s)")
        total = sum(raw.values())
        print(f"  together     {total * 1000:8.1f} ms; the dashboard at {args.registrations:,} from tallies: "
              f"{_harness.percentiles(samples['loaded']['dashboard'])['p50']:.1f} ms")
    print(f"\n{_harness.load_average()}")


if __name__ == "__main__":
    main()
