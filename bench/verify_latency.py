"""Latency of the public verification look-ups with few and with many registrations.

Requests go over HTTP to a real waitress server on loopback (the production WSGI stack:
WhiteNoise, sessions, middleware, database connection handling), one client, keep-alive:

    GET /verify/<number>?s=<signature>             (the page a certificate's QR code opens)
    GET /api/v1/registrations/<number>?s=<signature>

for random registration numbers. The baseline database holds ``--baseline`` registrations
(1,000), the loaded one ``--registrations`` (100,000); rounds alternate between the two (a fresh
server each time, so no connection is shared) and the ratio is loaded / baseline.

    .venv/bin/python bench/verify_latency.py [--registrations 100000] [--requests 2000]
    BANQUAN_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/banquan_bench .venv/bin/python bench/...
"""

import argparse
import http.client
import random
import threading
import time
from urllib.parse import quote, urlencode

import _harness

ENDPOINTS = {
    "verify page": "/verify/{number}?{query}",
    "API": "/api/v1/registrations/{number}?{query}",
}
STATS = ("p50", "p95", "p99", "mean")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--baseline", type=int, default=1_000, help="registrations in the baseline database")
    p.add_argument("--registrations", type=int, default=100_000, help="registrations in the loaded database")
    p.add_argument("--requests", type=int, default=2000, help="requests per endpoint per database")
    p.add_argument("--rounds", type=int, default=8, help="alternations between the two databases")
    p.add_argument("--threads", type=int, default=4, help="waitress worker threads")
    args = p.parse_args()

    _harness.setup("verify")
    print(f"verify latency — {_harness.machine()}\ndatabase: {_harness.describe_database()}\n"
          f"{_harness.load_average()}\n")
    sizes = {"baseline": args.baseline, "loaded": args.registrations}
    targets = {}
    for label in _harness.LABELS:
        _harness.preload(label, sizes[label])
        targets[label] = _targets()

    samples: dict[str, dict[str, list[float]]] = {label: {e: [] for e in ENDPOINTS} for label in _harness.LABELS}
    rng = random.Random(42)
    for r in range(args.rounds):
        for label in _harness.round_order(r):
            _harness.use(label)
            server = _Server(args.threads)
            try:
                _run(server, targets[label], rng, 100, {e: [] for e in ENDPOINTS})  # warm-up
                _run(server, targets[label], rng, args.requests // args.rounds, samples[label])
            finally:
                server.stop()
        print(f"  round {r + 1}/{args.rounds} done")

    figures = {label: {e: _harness.percentiles(v) for e, v in samples[label].items()} for label in samples}
    print(f"\n{'milliseconds':24}{f'{args.baseline:,} regs':>12}{f'{args.registrations:,} regs':>14}{'ratio':>9}")
    for e in ENDPOINTS:
        for stat in STATS:
            a, b = figures["baseline"][e][stat], figures["loaded"][e][stat]
            print(f"{e + ' ' + stat:24}{a:>12.2f}{b:>14.2f}{_harness.ratio(b, a):>9}")
    print(f"\n{_harness.load_average()}")
    summary = "; ".join(
        f"{e} p50 {figures['loaded'][e]['p50']:.1f} ms, p99 {figures['loaded'][e]['p99']:.1f} ms "
        f"({_harness.ratio(figures['loaded'][e]['p50'], figures['baseline'][e]['p50'])} of baseline p50)"
        for e in ENDPOINTS
    )
    print(f"result at {args.registrations:,} registrations: {summary}.")


class _Server:
    """The project's WSGI application served by waitress on a free loopback port."""

    def __init__(self, threads: int):
        from waitress.server import create_server

        from banquan.wsgi import application

        self.server = create_server(application, host="127.0.0.1", port=0, threads=threads,
                                    ident="banquan-bench")
        self.port = self.server.effective_port
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop the workers first (ending their threads closes their database connections),
        then the listening socket; the loop thread ends when nothing is left to watch."""
        time.sleep(0.05)  # let the loop see the client hang up
        self.server.task_dispatcher.shutdown(cancel_pending=False)
        self.server.close()
        self.thread.join(timeout=5)


def _targets() -> list[tuple[str, str]]:
    """(number, signature) of every registration's current certificate."""
    from banquan.certificates.models import Certificate

    return list(Certificate.objects.filter(version=1).values_list("registration__number", "signature"))


def _run(server: _Server, targets: list[tuple[str, str]], rng: random.Random, n: int,
         into: dict[str, list[float]]) -> None:
    """n requests per endpoint, the endpoints interleaved, over one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        for i in range(n * len(ENDPOINTS)):
            name = list(ENDPOINTS)[i % len(ENDPOINTS)]
            number, signature = rng.choice(targets)
            path = ENDPOINTS[name].format(number=quote(number), query=urlencode({"s": signature}))
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            into[name].append(time.perf_counter() - started)
            if response.status != 200:
                raise SystemExit(f"GET {path} answered {response.status}; is the endpoint there?")
    finally:
        conn.close()


if __name__ == "__main__":
    main()
