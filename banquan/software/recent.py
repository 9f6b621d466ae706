"""Candidates for the template check: an inverted index over the fingerprints of recent filings
(code and manual, one index each), kept per process and brought up to date at each use.

Comparing a new filing with every recent one would cost a pass over all of them per acceptance
(hundreds of thousands a quarter at the national center); the index proposes the few that share
most fingerprints, and ``winnow.templates`` then decides on those alone. Near-identical filings
share at least 80 % of their fingerprints, so the index keeps a quarter of them (``SAMPLE``, a
quarter of the memory) and no frequency cap (a template used 500 times must not be dropped).

Entries are keyed by application and the time its fingerprints were computed: a filing whose
materials were rebuilt gets a new entry and the old one is skipped when candidates are read back
(the caller fetches the current rows). The index is rebuilt from the database once a day, which
also drops filings that left the window; it is per ``DATA_DIR`` so that tests never share it.
"""

import datetime as dt
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max, Q

from banquan.core import clock
from banquan.software.models import ProgramFingerprint
from banquan.software.winnow import FingerprintIndex, ProgramPrint
from banquan.software.winnow.templates import CANDIDATE_MIN_SHARED as MIN_SHARED
from banquan.software.winnow.templates import CANDIDATE_SAMPLE as SAMPLE
from banquan.software.winnow.templates import CANDIDATES, likely_template

REBUILD_AFTER = dt.timedelta(hours=24)
_lock = threading.Lock()


@dataclass
class _Recent:
    index: FingerprintIndex
    built_at: dt.datetime
    last_pk: int = 0
    last_computed: dt.datetime | None = None
    entries: dict[str, int] = field(default_factory=dict)  # index id -> application id


_cached: dict[tuple[str, str], _Recent] = {}


def candidates(column: str, program: ProgramPrint, *, since: dt.datetime, exclude: int) -> list[int]:
    """Application ids of recent filings whose ``column`` ("program" or "manual") shares most
    fingerprints with ``program`` (not ``exclude``, the filing being checked)."""
    with _lock:
        recent = _current(column, since)
        found = recent.index.search(program, limit=CANDIDATES, min_shared=MIN_SHARED)
        ids = {recent.entries[c.program_id] for c in found if likely_template(c)}
    ids.discard(exclude)
    return sorted(ids)


def _current(column: str, since: dt.datetime) -> _Recent:
    key = (str(settings.DATA_DIR), column)
    recent = _cached.get(key)
    now = clock.now()
    if recent is None or now - recent.built_at > REBUILD_AFTER:
        recent = _cached[key] = _Recent(FingerprintIndex(max_df=2**31 - 1, sample=SAMPLE), now)
        rows = ProgramFingerprint.objects.filter(application__created_at__gte=since)
    else:
        changed = Q(pk__gt=recent.last_pk)
        if recent.last_computed is not None:
            changed |= Q(computed_at__gt=recent.last_computed)
        rows = ProgramFingerprint.objects.filter(changed)
    rows = rows.exclude(**{f"{column}__isnull": True})
    newest = rows.aggregate(pk=Max("pk"), computed=Max("computed_at"))
    for row in rows.only("pk", "application_id", "applicant_id", "computed_at", column).order_by("pk").iterator():
        entry = f"{row.application_id}@{row.computed_at.timestamp()}"
        if entry not in recent.index:
            recent.index.add(entry, str(row.applicant_id), ProgramPrint.from_bytes(bytes(getattr(row, column))))
            recent.entries[entry] = row.application_id
    recent.last_pk = max(recent.last_pk, newest["pk"] or 0)
    if newest["computed"] is not None and (recent.last_computed is None or newest["computed"] > recent.last_computed):
        recent.last_computed = newest["computed"]
    return recent


def forget() -> None:
    with _lock:
        _cached.clear()
