"""Rights services: how soon a committed seizure shows on the QR page, and how many pledge
registrations the office can enter per second.

1. Seizure → QR page. A court officer seizes a random registered work (``rights.services.seize``,
   its transaction committed), and at once a client fetches ``/verify/<number>`` over HTTP from a
   real waitress server on loopback: the figure is the time from the commit returning to the page
   that says 已查封 arriving, and whether the first page after the commit already says so (the
   page reads the registration row, no cache, so there should be no lag but the page itself).
   Baseline: the same page for a work nobody touched, interleaved.
2. Pledge throughput. Pledges filed by a bank over single works are entered
   (``register_pledge``: row locks, numbering from the counter, status, ledger) one after the
   other (baseline), then by --threads registrars at once; pledges per second and the ratio.

Run on PostgreSQL for the figures in the note (SQLite serializes all writers):

    BANQUAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/banquan_bench .venv/bin/python bench/rights.py
    .venv/bin/python bench/rights.py --registrations 2000 --seizures 100 --pledges 200   # SQLite, quick
"""

import argparse
import http.client
import io
import random
import threading
import time
from decimal import Decimal
from urllib.parse import quote

import _harness
from verify_latency import _Server


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--registrations", type=int, default=20_000)
    p.add_argument("--seizures", type=int, default=300)
    p.add_argument("--pledges", type=int, default=1_000, help="per run (sequential, then threaded)")
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()
    _harness.setup("rights")
    print(f"rights services — {_harness.machine()}\ndatabase: {_harness.describe_database()}\n"
          f"{_harness.load_average()}\n")
    _harness.preload("loaded", args.registrations)
    _harness.use("loaded")
    court, bank, registrar = _officers()
    from banquan.records.models import Registration

    regs = list(Registration.objects.values_list("pk", "number", "data"))
    random.Random(7).shuffle(regs)
    seized, untouched = regs[:args.seizures], regs[args.seizures:2 * args.seizures]
    pledged = regs[2 * args.seizures:2 * args.seizures + 2 * args.pledges]
    _seizure_latency(court, seized, untouched)
    _pledge_throughput(bank, registrar, pledged, args.pledges, args.threads)
    print(f"\n{_harness.load_average()}")


def _officers():
    from banquan.accounts.models import User

    def user(name: str, role: str, org: str = "") -> User:
        return User.objects.create(username=name, role=role, organization=org, is_staff=role == "registrar")

    return (user("court", "court_officer", "北京市海淀区人民法院"), user("bank", "bank_officer", "中国工商银行北京朝阳支行"),
            user("registrar", "registrar"))


def _seizure_latency(court, seized, untouched) -> None:
    from banquan.rights import services

    server = _Server(4)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)

    def page(number: str) -> tuple[str, float]:
        started = time.perf_counter()
        conn.request("GET", f"/verify/{quote(number)}")
        response = conn.getresponse()
        return response.read().decode(), started

    commits, lags, plain, first_ok = [], [], [], 0
    try:
        for (_, number, _), (_, other, _) in zip(seized, untouched, strict=True):
            t0 = time.perf_counter()
            services.seize(officer=court, numbers=[number], document_number="（2026）京0108执1号", scope="全部著作财产权",
                           term_months=12)
            committed = time.perf_counter()
            commits.append(committed - t0)
            body, _ = page(number)
            first_ok += "已查封" in body
            while "已查封" not in body:  # never expected: the row is committed before seize returns
                body, _ = page(number)
            lags.append(time.perf_counter() - committed)
            t1 = time.perf_counter()
            page(other)
            plain.append(time.perf_counter() - t1)
    finally:
        conn.close()
        server.stop()
    c, lag, base = (_harness.percentiles(x) for x in (commits, lags, plain))
    print(f"seizure committed (service call): p50 {c['p50']:.1f} ms, p99 {c['p99']:.1f} ms")
    print(f"commit → QR page showing 已查封: p50 {lag['p50']:.1f} ms, p99 {lag['p99']:.1f} ms; "
          f"first page after the commit already showed it: {first_ok}/{len(lags)}")
    print(f"baseline, the same page of an untouched work: p50 {base['p50']:.1f} ms, p99 {base['p99']:.1f} ms "
          f"→ ratio {_harness.ratio(lag['p50'], base['p50'])}")


def _pledge_throughput(bank, registrar, works, n: int, threads: int) -> None:
    import datetime as dt

    from django.db import connection

    from banquan.rights import services

    ids = []
    for _, number, data in works:
        owner = data["owners"][0]
        ids.append(services.file_pledge(
            officer=bank, numbers=[number], pledgor_name=owner["name"], pledgor_id_type=owner["id_type"],
            pledgor_id_number=owner["id_number"], principal=Decimal("1000000.00"), currency="CNY",
            term_start=dt.date(2027, 1, 1), term_end=dt.date(2028, 1, 1), contract_name="质押合同.pdf",
            contract=io.BytesIO(b"%PDF-1.4\n"),
        ).pk)
    sequential, parallel = ids[:n], ids[n:2 * n]

    t0 = time.perf_counter()
    for pledge_id in sequential:
        services.register_pledge(registrar=registrar, pledge_id=pledge_id)
    one = len(sequential) / (time.perf_counter() - t0)

    chunks = [parallel[i::threads] for i in range(threads)]

    def work(chunk: list[int]) -> None:
        try:
            for pledge_id in chunk:
                services.register_pledge(registrar=registrar, pledge_id=pledge_id)
        finally:
            connection.close()

    workers = [threading.Thread(target=work, args=(c,)) for c in chunks]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    many = len(parallel) / (time.perf_counter() - t0)
    print(f"pledge registrations: {one:,.0f}/s one at a time (baseline), {many:,.0f}/s with {threads} registrars "
          f"at once → ratio {_harness.ratio(many, one)}")


if __name__ == "__main__":
    main()
