"""The index of the active protected marks, built once per process and rebuilt when the
library changes (a mark added, edited, enabled or disabled moves ``Mark.changed_at``).

The index is built from the prepared features stored with each mark, so it takes seconds
even for 10,000 marks; a mark prepared by an older engine is prepared again first.
"""

import threading

from django.db.models import Count, Max, Q

from banquan.logos import marks
from banquan.logos.matcher import LogoIndex
from banquan.logos.models import Mark

_lock = threading.Lock()
_cached: dict[str, object] = {}


def state() -> tuple:
    """What identifies the library as it is now."""
    agg = Mark.objects.aggregate(active=Count("id", filter=Q(active=True)), last=Max("changed_at"), top=Max("id"))
    return agg["active"], agg["last"], agg["top"], marks.FORMAT


def _build() -> LogoIndex:
    from banquan.logos import services

    prepared = []
    for mark in Mark.objects.filter(active=True).order_by("id").iterator(chunk_size=500):
        if mark.prepared_format != marks.FORMAT:
            mark = services.refresh_prepared(mark)
        prepared.append(marks.from_bytes(str(mark.pk), bytes(mark.prepared)))
    return LogoIndex.from_prepared(prepared)


def current_index() -> LogoIndex:
    """The index of the active marks; ``Match.mark`` is the matched Mark's primary key (str)."""
    key = state()
    with _lock:
        if _cached.get("key") != key:
            _cached["index"] = _build()
            _cached["key"] = key
        index = _cached["index"]
    assert isinstance(index, LogoIndex)
    return index


def forget() -> None:
    with _lock:
        _cached.clear()
