"""Public search with filters (category, region, year) at few and at many registrations.

Calls ``records.search.search`` in process (the work the search page and the registrations API
do, without HTTP) for filter combinations alone and with a text query, plus the search page's
region drop-down with its cache emptied. The baseline database holds ``--baseline``
registrations (1,000), the loaded one ``--registrations`` (100,000), both from the bulk loader
(owners in 17 cities of 12 provinces; 北京 holds about 18 %); rounds alternate between the two
and the ratio is loaded / baseline.

    .venv/bin/python bench/search_filters.py [--registrations 100000] [--rounds 6]
    BANQUAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/banquan_bench .venv/bin/python bench/search_filters.py
"""

import argparse
import datetime as dt

import _harness

# The bulk loader registers works over the three years before this one.
YEAR = dt.date.today().year - 2
QUERIES = {
    "region (18 %)": {"region": "北京"},
    "region + year": {"region": "广东", "year": YEAR},
    "region + category + year": {"region": "云南", "category": "music", "year": YEAR},
    "category + region, page 5": {"category": "fine_art", "region": "上海", "offset": 80},
    "text + region": {"q": "春江", "region": "浙江"},
    "text + category + year": {"q": "秋山", "category": "photography", "year": YEAR},
    "no match (台湾)": {"region": "台湾", "category": "fine_art"},
}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--baseline", type=int, default=1_000)
    p.add_argument("--registrations", type=int, default=100_000)
    p.add_argument("--calls", type=int, default=40, help="calls per query per round")
    p.add_argument("--rounds", type=int, default=6)
    args = p.parse_args()

    _harness.setup("search-filters")
    print(f"search filters — {_harness.machine()}\ndatabase: {_harness.describe_database()}\n"
          f"{_harness.load_average()}\n")
    sizes = {"baseline": args.baseline, "loaded": args.registrations}
    for label in _harness.LABELS:
        _harness.preload(label, sizes[label])

    from django.core.cache import cache

    from banquan.records import filters, search

    calls = {name: (lambda params=params: search.search(**params, limit=20)) for name, params in QUERIES.items()}
    calls["region drop-down, uncached"] = lambda: (cache.clear(), filters.region_options())
    samples: dict[str, dict[str, list[float]]] = {label: {n: [] for n in calls} for label in _harness.LABELS}
    totals: dict[str, int] = {}
    for r in range(args.rounds):
        for label in _harness.round_order(r):
            _harness.use(label)
            for name, call in calls.items():
                call()  # warm-up
                samples[label][name] += _harness.timed(call, args.calls)
                if label == "loaded" and name in QUERIES:
                    totals[name] = search.search(**QUERIES[name])[1]
        print(f"  round {r + 1}/{args.rounds} done")

    figures = {label: {n: _harness.percentiles(v) for n, v in samples[label].items()} for label in samples}
    print(f"\n{'p50 / p95 ms':30}{f'{args.baseline:,} regs':>16}{f'{args.registrations:,} regs':>18}"
          f"{'ratio p50':>11}{'matches':>10}")
    for name in calls:
        a, b = figures["baseline"][name], figures["loaded"][name]
        print(f"{name:30}{a['p50']:>8.2f} / {a['p95']:<6.2f}{b['p50']:>9.2f} / {b['p95']:<7.2f}"
              f"{_harness.ratio(b['p50'], a['p50']):>10}{totals.get(name, ''):>10}")
    print(f"\n{_harness.load_average()}")
    worst = max(QUERIES, key=lambda n: figures["loaded"][n]["p50"])
    print(f"result at {args.registrations:,} registrations: slowest filtered search {worst!r} p50 "
          f"{figures['loaded'][worst]['p50']:.1f} ms "
          f"({_harness.ratio(figures['loaded'][worst]['p50'], figures['baseline'][worst]['p50'])} of baseline).")


if __name__ == "__main__":
    main()
