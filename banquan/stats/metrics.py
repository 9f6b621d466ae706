"""What the tallies count (pure). One ``Tally`` row per (metric, year, month, category, region,
detail); the metric says which event it counts and what ``detail`` holds.

Registrations are counted in the month they were registered and stay counted there: a later
revocation is a separate event (``FINAL``) in the month of the revocation, keyed by the revoked
registration's category and region, as a registrar reads the annual figures ("registered in
2025", "revoked in 2026"). Works in force = registered − revoked."""

REGISTERED = "registered"  # category, region; detail "" (and the roll-ups, see ``registration_keys``)
FINAL = "final"  # revocation: category, region; detail "revoked" or "superseded" (revoked as a duplicate)
PLEDGE_REGISTERED = "pledge_registered"  # detail = currency; amount = principal (changes adjust it)
PLEDGE_RELEASED = "pledge_released"  # detail = currency; amount = principal at release
SEIZURE = "seizure"  # category of the seized work; detail in SEIZURE_EVENTS

# A seizure is "queued" when filed behind another (轮候), "effective" when it takes effect (at
# once, or later from the queue), and ends "released" (by its authority, after being effective),
# "released_queued" (released before it ever took effect) or "expired" (its term ran out).
EFFECTIVE, QUEUED, RELEASED, RELEASED_QUEUED, EXPIRED = "effective", "queued", "released", "released_queued", "expired"
SEIZURE_EVENTS = (EFFECTIVE, QUEUED, RELEASED, RELEASED_QUEUED, EXPIRED)

SOFTWARE = "software"  # the category of software registrations (``software.registration.CATEGORY``)

# Roll-ups: each registration is also counted under category ALL (all works; software is kept
# apart) and region ALL, so the unfiltered breakdowns read a few hundred rows, not every
# (month, category, region) combination.
ALL = "*"


def registration_keys(year: int, month: int, category: str, region: str) -> list[tuple]:
    """The tally keys one registration adds 1 to: its cell, its category's total and (for works)
    its region's total."""
    keys = [(REGISTERED, year, month, category, region, ""), (REGISTERED, year, month, category, ALL, "")]
    if category != SOFTWARE:
        keys.append((REGISTERED, year, month, ALL, region, ""))
    return keys

REGISTERED_OUTCOME, REJECTED_OUTCOME = "registered", "rejected"


def in_force(events: dict[str, int]) -> int:
    """Seizures in force from the all-time counts of their events."""
    return events.get(EFFECTIVE, 0) - events.get(RELEASED, 0) - events.get(EXPIRED, 0)
