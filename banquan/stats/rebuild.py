"""Recomputing every tally from the raw rows: for a first install over existing data, after a
migration, or to repair. It reads the records exactly as the live hooks count them (see
``stats.metrics``) in one transaction, so readers see either the old tallies or the new ones.

Registrations and most decisions are grouped in SQL; only decisions with corrections (whose
clock stopped) and the few pledges and seizures are read row by row. Processing times are
recomputed with today's holiday table and time limits."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear, TruncDate

from banquan.applications.models import Application, Correction
from banquan.ledger import services as ledger
from banquan.records.models import Registration, RightsStatus
from banquan.stats import metrics as m
from banquan.stats import processing, tallies
from banquan.stats.models import DecisionTally, Tally
from banquan.workdays import calendar

OUTCOMES = {"registered": m.REGISTERED_OUTCOME, "rejected": m.REJECTED_OUTCOME}


@transaction.atomic
def rebuild(*, by=None) -> dict[str, int]:
    """Replace all tallies; returns how many rows of each kind were written."""
    from banquan.stats import services

    Tally.objects.all().delete()
    DecisionTally.objects.all().delete()
    tallies.add(_registrations())
    tallies.add(_finals())
    tallies.add(_pledges(services))
    tallies.add(_seizures(services))
    tallies.add_decisions(_decisions(services))
    written = {"tallies": Tally.objects.count(), "decisions": DecisionTally.objects.count()}
    ledger.record(actor=by, subject="stats", action="stats_rebuild", data=written)
    return written


def _registrations():
    rows = (Registration.objects.order_by()
            .values("category", "region", y=ExtractYear("registered_on"), mo=ExtractMonth("registered_on"))
            .annotate(n=Count("id")))
    for r in rows:
        for key in m.registration_keys(r["y"], r["mo"], r["category"], r["region"]):
            yield key, r["n"], 0


def _finals():
    tz = ZoneInfo(settings.TIME_ZONE)
    rows = (Registration.objects.filter(rights_status__in=[RightsStatus.REVOKED, RightsStatus.SUPERSEDED])
            .order_by().values("category", "region", "rights_status", y=ExtractYear("status_changed_at", tzinfo=tz),
                               mo=ExtractMonth("status_changed_at", tzinfo=tz))
            .annotate(n=Count("id")))
    for r in rows:
        yield (m.FINAL, r["y"], r["mo"], r["category"], r["region"], r["rights_status"]), r["n"], 0


def _pledges(services):
    from banquan.rights.models import Pledge

    for p in Pledge.objects.filter(registered_at__isnull=False).order_by():
        day = services.local_day(p.registered_at)
        yield (m.PLEDGE_REGISTERED, day.year, day.month, "", "", p.currency), 1, services.cents(p.principal)
        if p.released_at is not None:
            day = services.local_day(p.released_at)
            yield (m.PLEDGE_RELEASED, day.year, day.month, "", "", p.currency), 1, services.cents(p.principal)


def _seizures(services):
    from banquan.rights.models import Seizure

    def key(event: str, at, category: str) -> tuple:
        day = services.local_day(at)
        return (m.SEIZURE, day.year, day.month, category, "", event), 1, 0

    for s in Seizure.objects.select_related("registration").order_by():
        category = s.registration.category
        if s.effective_at is None or s.effective_at != s.filed_at:  # filed behind another (轮候)
            yield key(m.QUEUED, s.filed_at, category)
        if s.effective_at is not None:
            yield key(m.EFFECTIVE, s.effective_at, category)
        if s.state == Seizure.State.RELEASED and s.released_at is not None:
            yield key(m.RELEASED if s.effective_at is not None else m.RELEASED_QUEUED, s.released_at, category)
        if s.state == Seizure.State.EXPIRED and s.released_at is not None:
            yield key(m.EXPIRED, s.released_at, category)


def _decisions(services):
    cal = calendar.current()
    tz = ZoneInfo(settings.TIME_ZONE)
    decided = Application.objects.filter(status__in=list(OUTCOMES), accepted_on__isnull=False,
                                         decided_at__isnull=False).order_by()
    corrected = Correction.objects.values("application_id")
    # Without corrections the clock days depend only on the two dates: one row per date pair.
    groups = (decided.exclude(pk__in=corrected)
              .values("procedure", "category", "status", "accepted_on", decided_on=TruncDate("decided_at", tzinfo=tz))
              .annotate(n=Count("id")))
    limits = settings.BANQUAN_TIME_LIMITS
    for g in groups:
        days = processing.clock_days(cal, g["accepted_on"], g["decided_on"])
        category = m.SOFTWARE if g["procedure"] == "software" else g["category"]
        yield ((g["decided_on"].year, g["decided_on"].month, g["procedure"], category, OUTCOMES[g["status"]], days,
                days <= limits[g["procedure"]]), g["n"])
    for app in decided.filter(pk__in=corrected).prefetch_related("corrections").iterator(chunk_size=2000):
        pauses = [(c.requested_on, c.received_on) for c in app.corrections.all()]
        key = services.decision_key(app, OUTCOMES[app.status], fallback=app.decided_at, cal=cal, pauses=pauses)
        if key is not None:
            yield key, 1

