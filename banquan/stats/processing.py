"""Processing times (pure): working days on the review clock and percentiles of a histogram.

The review clock runs from the day after acceptance (受理) to the decision and stops while the
office waits for a correction (补正), exactly as ``workdays.arith.review_deadline`` counts the
time limit. So a decision is within the limit when its clock days are at most the limit."""

import datetime as dt
import math
from collections.abc import Iterable, Mapping

from banquan.workdays.arith import WorkCalendar, working_days_between


def clock_days(cal: WorkCalendar, accepted_on: dt.date, decided_on: dt.date,
               pauses: Iterable[tuple[dt.date, dt.date | None]] = ()) -> int:
    """Working days used from ``accepted_on`` to ``decided_on``, without the correction pauses
    ((requested on, received on) in order; the last may be open)."""
    used, anchor = 0, accepted_on
    for requested_on, received_on in pauses:
        if requested_on >= decided_on:
            break
        used += working_days_between(cal, anchor, requested_on)
        if received_on is None or received_on >= decided_on:
            return used
        anchor = received_on
    return used + working_days_between(cal, anchor, decided_on)


def percentile(histogram: Mapping[int, int], q: float) -> int | None:
    """The q-quantile (0 < q <= 1) of the values counted in ``histogram`` ({value: count}): the
    smallest value with at least q of the counts at or below it (nearest rank); None if empty."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    rank, seen = max(1, math.ceil(round(q * total, 9))), 0  # round: 0.9 * 10 is 9.000000000000002
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return max(histogram)
