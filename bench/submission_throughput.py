"""Submissions per second through the real services, on an empty and on a loaded database.

One submission = ``create_draft`` (form, author, owner) + ``add_sample`` (a small PNG, stored
and fsynced) + ``submit`` (completeness check, state change): three transactions, the way
an applicant's browser makes them. The baseline is an empty database, the other holds
``--preload`` bulk-loaded registrations; rounds alternate between the two, and the ratio is
loaded / empty. The rate of single committed AuditEntry inserts is printed as a floor
reference: no service can commit faster than one bare INSERT + COMMIT.

    .venv/bin/python bench/submission_throughput.py [--preload 100000] [--submissions 400]
    BANQUAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/banquan_bench .venv/bin/python bench/...
"""

import argparse
import datetime as dt
import io
import time

import _harness


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--preload", type=int, default=100_000, help="registrations in the loaded database")
    p.add_argument("--submissions", type=int, default=400, help="submissions measured per database")
    p.add_argument("--audit-inserts", type=int, default=1500, help="single audit inserts measured per database")
    p.add_argument("--rounds", type=int, default=4, help="alternations between the two databases")
    args = p.parse_args()

    _harness.setup("submit")
    print(f"submission throughput — {_harness.machine()}\ndatabase: {_harness.describe_database()}\n"
          f"{_harness.load_average()}\n")
    _harness.preload("loaded", args.preload)
    benches = {}
    for label in _harness.LABELS:
        _harness.use(label)
        benches[label] = _Submissions()
        benches[label].run(20)  # warm-up: imports, first connection, statement caches

    seconds = {label: 0.0 for label in _harness.LABELS}
    latencies: dict[str, list[float]] = {label: [] for label in _harness.LABELS}
    audit = {label: 0.0 for label in _harness.LABELS}
    for r in range(args.rounds):
        for label in _harness.round_order(r):
            _harness.use(label)
            n = args.submissions // args.rounds
            started = time.perf_counter()
            latencies[label] += benches[label].run(n)
            seconds[label] += time.perf_counter() - started
            audit[label] += _audit_seconds(args.audit_inserts // args.rounds)
        print(f"  round {r + 1}/{args.rounds} done")

    per_db = args.submissions // args.rounds * args.rounds
    rate = {label: per_db / seconds[label] for label in _harness.LABELS}
    audit_rate = {label: args.audit_inserts // args.rounds * args.rounds / audit[label] for label in audit}
    lat = {label: _harness.percentiles(latencies[label]) for label in _harness.LABELS}
    print(f"\n{'':28}{'empty':>12}{f'{args.preload:,} loaded':>18}{'ratio':>9}")
    rows = [("submissions/s", rate, "{:.1f}")]
    rows += [(f"submission {s} (ms)", {k: v[s] for k, v in lat.items()}, "{:.1f}") for s in ("p50", "p95", "p99")]
    rows += [("audit INSERT+COMMIT/s", audit_rate, "{:.0f}")]
    for name, values, fmt in rows:
        a, b = values["baseline"], values["loaded"]
        print(f"{name:28}{fmt.format(a):>12}{fmt.format(b):>18}{_harness.ratio(b, a):>9}")
    print(f"\n{_harness.load_average()}")
    print(f"result: {rate['loaded']:.1f} submissions/s with {args.preload:,} registrations, "
          f"{_harness.ratio(rate['loaded'], rate['baseline'])} of the empty-database rate "
          f"({rate['baseline']:.1f}/s); floor reference {audit_rate['loaded']:.0f} audit inserts/s.")


class _Submissions:
    def __init__(self) -> None:
        from banquan.accounts import services as accounts
        from banquan.demo import people, samples

        self.applicant = accounts.create_user(username="bench-applicant", password="bench-pw-1234",
                                              role="applicant", applicant_kind="person",
                                              display_name="压测申请人")
        self.owner = people.person_owner("张三", people.PLACES[0], dt.date(1980, 1, 1), 1)
        self.png = samples.image("压测样本", "abstract", seed=1)
        self.n = 0

    def one(self) -> None:
        from banquan.applications import services as applications

        self.n += 1
        app = applications.create_draft(
            applicant=self.applicant, fields=_fields(f"压测作品{self.n}"),
            authors=[{"name": "张三", "signature": "张三"}], owners=[self.owner],
        )
        applications.add_sample(applicant=self.applicant, app_id=app.pk, name="sample.png",
                                file=io.BytesIO(self.png), size=len(self.png))
        applications.submit(applicant=self.applicant, app_id=app.pk)

    def run(self, n: int) -> list[float]:
        return _harness.timed(self.one, n)


def _fields(title: str) -> dict:
    return {
        "title": title, "category": "fine_art", "nature": "original",
        "completion_date": dt.date(2025, 3, 1), "completion_country": "中国", "completion_city": "北京市",
        "publication": "unpublished", "creation_mode": "independent", "acquisition": "original",
        "rights_scope": "all", "purpose": "性能测试。", "process": "性能测试。", "originality": "性能测试。",
    }


def _audit_seconds(n: int) -> float:
    """Seconds for n audit entries, each in its own transaction."""
    from django.db import transaction

    from banquan.ledger import services as ledger

    started = time.perf_counter()
    for i in range(n):
        with transaction.atomic():
            ledger.record(actor=None, subject=f"bench:{i}", action="bench")
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
