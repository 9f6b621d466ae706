"""Shared set-up for the benchmarks: throw-away databases, Django, timing and figures.

Each benchmark compares a baseline database with a loaded one *in the same process*, and
alternates between the two in rounds, so a noisy neighbour or a CPU that warms up affects both
sides alike and the ratio stays meaningful. The databases come from ``BANQUAN_DATABASE_URL``:

- unset: two SQLite files in a temporary data folder;
- ``postgresql://…/NAME``: databases NAME and NAME_baseline, created for the run and dropped
  afterwards, so NAME must contain "bench" (a guard against pointing a benchmark at real data).
"""

import atexit
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("baseline", "loaded")
_names: dict[str, str] = {}


def setup(name: str) -> None:
    """Prepare the environment, create both databases, start Django and migrate them."""
    data_dir = tempfile.mkdtemp(prefix=f"banquan-bench-{name}-")
    os.environ["BANQUAN_DATA_DIR"] = data_dir
    os.environ["BANQUAN_JOBS"] = "immediate"  # no worker process; nothing here queues a job
    os.environ["DJANGO_SETTINGS_MODULE"] = "banquan.settings"
    os.environ.setdefault("BANQUAN_LOG_LEVEL", "WARNING")
    url = os.environ.get("BANQUAN_DATABASE_URL", "")
    pg = url.startswith(("postgres://", "postgresql://"))
    if pg:
        admin, db = _pg_names(url)
        _names.update(baseline=f"{db}_baseline", loaded=db)
        _pg(admin, *[f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in _names.values()],
            *[f'CREATE DATABASE "{n}"' for n in _names.values()])
    else:
        _names.update(baseline=str(Path(data_dir) / "baseline.sqlite3"),
                      loaded=str(Path(data_dir) / "banquan.sqlite3"))
    atexit.register(_cleanup, data_dir, url if pg else "")

    sys.path.insert(0, str(ROOT))
    import warnings

    import django

    django.setup()
    # WhiteNoise warns that the throw-away data folder has no collected static files.
    warnings.filterwarnings("ignore", message="No directory at")
    from django.conf import settings
    from django.core.management import call_command

    from banquan.certificates import signing

    signing.load_or_create_key(settings.BANQUAN_KEY_DIR)
    for label in LABELS:
        use(label)
        call_command("migrate", interactive=False, verbosity=0)


def use(label: str) -> None:
    """Point this process's connections at the ``label`` database.

    Every connection to the "default" alias reads the same settings dict, so changing NAME
    there and closing this thread's connection is enough here; threads that keep their own
    connection open (a web server's workers) must be restarted by the caller."""
    from django.db import connections

    connections.close_all()
    connections.settings["default"]["NAME"] = _names[label]


def round_order(r: int) -> tuple[str, ...]:
    """ABBA order: whichever side goes first in a round (cold caches after switching) goes
    second in the next."""
    return LABELS if r % 2 == 0 else LABELS[::-1]


def describe_database() -> str:
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("SHOW server_version")
            return f"PostgreSQL {c.fetchone()[0]} (databases {', '.join(_names.values())})"
        c.execute("SELECT sqlite_version()")
        version = c.fetchone()[0]
        c.execute("PRAGMA journal_mode")
        journal = c.fetchone()[0]
        c.execute("PRAGMA synchronous")
        sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(c.fetchone()[0], "?")
        return f"SQLite {version} ({journal}, synchronous={sync}, files in {Path(_names['loaded']).parent})"


def machine() -> str:
    return (f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def load_average() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _pg_names(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"refusing to use database {name!r}: the benchmark drops it at the end, so its name "
                 "must contain 'bench' (e.g. postgresql://postgres@127.0.0.1:5432/banquan_bench)")
    return urlunsplit(parts._replace(path="/postgres")), name


def _pg(admin_url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as c:
        for sql in statements:
            c.execute(sql)


def _cleanup(data_dir: str, pg_url: str) -> None:
    try:
        from django.db import connections

        connections.close_all()
    except Exception:
        pass
    if pg_url:
        admin, _ = _pg_names(pg_url)
        _pg(admin, *[f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in _names.values()])
    shutil.rmtree(data_dir, ignore_errors=True)


def preload(label: str, total: int) -> None:
    """Bulk-load the ``label`` database up to ``total`` registrations, showing progress."""
    from banquan.demo import bulk

    use(label)
    started = time.monotonic()
    tty = sys.stdout.isatty()
    step = max(total // 10, 1)

    def progress(done: int, todo: int, seconds: float) -> None:
        if tty:
            print(f"\r  {label}: loading {done:,} / {todo:,} ({seconds:.0f} s)", end="", flush=True)
        elif done == todo or done // step != (done - bulk.BATCH) // step:  # about every 10 %
            print(f"  {label}: loading {done:,} / {todo:,} ({seconds:.0f} s)", flush=True)

    added = bulk.ensure(total, progress=progress)
    took = time.monotonic() - started
    if added:
        print(f"{chr(13) if tty else ''}  {label}: loaded {added:,} registrations in {took:.0f} s "
              f"({added / took:,.0f}/s)" + " " * 10)
    settle()


def settle() -> None:
    """Do now the maintenance a bulk load leaves pending, so it does not run in the background
    during a measurement (where it would hit whichever side is measured then): PostgreSQL's
    autovacuum would VACUUM ANALYZE the new rows; SQLite would checkpoint its WAL file."""
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("VACUUM ANALYZE")
        else:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50/p95/p99 and mean of ``samples`` (seconds), in milliseconds."""
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000,
            "mean": statistics.fmean(samples) * 1000}


def timed(fn: Callable[[], object], n: int) -> list[float]:
    """Call ``fn`` n times; the duration of each call in seconds."""
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline else "n/a"
