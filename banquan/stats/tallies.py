"""Atomic increments of the tally rows: one ``INSERT … ON CONFLICT DO UPDATE SET n = n +
excluded.n`` per batch (PostgreSQL and SQLite ≥ 3.24 share the syntax). Two transactions
adding to the same row never lose an update: on PostgreSQL the second waits for the first's
row lock and then adds to the committed value; on SQLite the write lock serializes them.

Keys are written in sorted order, so two transactions touching the same rows take their row
locks in the same order and cannot deadlock; a service calls ``add`` once with all its
increments. Increments with the same key are summed first (one statement may not update a row
twice on PostgreSQL)."""

from collections import Counter
from collections.abc import Iterable

from django.db import connection

from banquan.stats.models import DecisionTally, Tally

TALLY_KEY = ("metric", "year", "month", "category", "region", "detail")
TALLY_VALUES = ("count", "amount_cents")
DECISION_KEY = ("year", "month", "procedure", "category", "outcome", "days", "within")
DECISION_VALUES = ("count",)
BATCH = 500


def add(increments: Iterable[tuple[tuple, int, int]]) -> None:
    """Add (key, count, cents) to ``Tally`` rows; key = (metric, year, month, category, region, detail)."""
    counts: Counter = Counter()
    cents: Counter = Counter()
    for key, n, amount in increments:
        counts[key] += n
        cents[key] += amount
    rows = [(*key, counts[key], cents[key]) for key in sorted(counts) if counts[key] or cents[key]]
    _upsert(Tally._meta.db_table, TALLY_KEY, TALLY_VALUES, rows)
    emptied = [k for k in sorted(counts) if counts[k] < 0 or cents[k] < 0]
    if emptied:
        _drop_empty(Tally._meta.db_table, TALLY_KEY, TALLY_VALUES, emptied)


def add_decisions(increments: Iterable[tuple[tuple, int]]) -> None:
    """Add (key, count) to ``DecisionTally`` rows; key = DECISION_KEY values."""
    counts: Counter = Counter()
    for key, n in increments:
        counts[key] += n
    _upsert(DecisionTally._meta.db_table, DECISION_KEY, DECISION_VALUES,
            [(*key, counts[key]) for key in sorted(counts) if counts[key]])


def _upsert(table: str, key: tuple[str, ...], values: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    q = connection.ops.quote_name
    t = q(table)
    columns = ", ".join(q(c) for c in key + values)
    one = "(" + ", ".join(["%s"] * (len(key) + len(values))) + ")"
    update = ", ".join(f"{q(v)} = {t}.{q(v)} + excluded.{q(v)}" for v in values)
    with connection.cursor() as c:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            c.execute(f"INSERT INTO {t} ({columns}) VALUES {', '.join([one] * len(chunk))} "
                      f"ON CONFLICT ({', '.join(q(k) for k in key)}) DO UPDATE SET {update}",
                      [v for row in chunk for v in row])


def _drop_empty(table: str, key: tuple[str, ...], values: tuple[str, ...], keys: list[tuple]) -> None:
    """A counter taken down to zero is removed, so the tallies read like a GROUP BY."""
    q = connection.ops.quote_name
    where = " AND ".join([f"{q(k)} = %s" for k in key] + [f"{q(v)} = 0" for v in values])
    with connection.cursor() as c:
        c.executemany(f"DELETE FROM {q(table)} WHERE {where}", keys)
