"""Keeping the statistics' tallies in step with the records. Each function here is called by the
service that makes the change (``records.services.register``, ``review.services.reject``,
``rights.services``…) inside that service's transaction, so a rolled-back registration is never
counted and a committed one always is. ``rebuild`` recomputes every tally from the raw rows."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from banquan.applications.models import Application
from banquan.core import clock
from banquan.records.models import Registration
from banquan.stats import metrics as m
from banquan.stats import processing, tallies
from banquan.workdays import arith, calendar


def local_day(at: dt.datetime) -> dt.date:
    """The office's calendar day of a moment (months are the office's, Beijing time)."""
    return at.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def _key(metric: str, day: dt.date, category: str = "", region: str = "", detail: str = "") -> tuple:
    return (metric, day.year, day.month, category, region, detail)


# --- registrations and decisions ---------------------------------------------------------


def registered(*, registration: Registration, application: Application) -> None:
    """A registration entered (``records.services.register``): counted in its month, category
    and region, and its application's decision in the processing times."""
    tallies.add(_registration_rows(registration))
    decision = decision_key(application, m.REGISTERED_OUTCOME, fallback=registration.registered_at)
    if decision is not None:
        tallies.add_decisions([(decision, 1)])


def _registration_rows(reg: Registration, n: int = 1, region: str | None = None) -> list[tuple]:
    day = reg.registered_on
    return [(k, n, 0) for k in m.registration_keys(day.year, day.month, reg.category,
                                                   reg.region if region is None else region)]


def rejected(*, application: Application) -> None:
    """不予登记 (``review.services.reject`` and ``special_reject``)."""
    decision = decision_key(application, m.REJECTED_OUTCOME, fallback=clock.now())
    if decision is not None:
        tallies.add_decisions([(decision, 1)])


def procedure_category(app: Application) -> str:
    return m.SOFTWARE if app.procedure == "software" else app.category


def decision_key(app: Application, outcome: str, *, fallback: dt.datetime,
                 cal: arith.WorkCalendar | None = None,
                 pauses: Sequence[tuple[dt.date, dt.date | None]] | None = None) -> tuple | None:
    """The processing-time histogram key of a decision, or None for one taken without
    acceptance (an application refused before it was accepted has no review time)."""
    if app.accepted_on is None:
        return None
    decided_on = local_day(app.decided_at or fallback)
    if pauses is None:
        pauses = [(c.requested_on, c.received_on) for c in app.corrections.order_by("requested_on", "id")]
    days = processing.clock_days(cal or calendar.current(), app.accepted_on, decided_on, pauses)
    limit = settings.BANQUAN_TIME_LIMITS[app.procedure]
    return (decided_on.year, decided_on.month, app.procedure, procedure_category(app), outcome, days, days <= limit)


def bulk_registered(*, registrations: Sequence[Registration], applications: Sequence[Application]) -> None:
    """The demo bulk loader's registrations (``demo.bulk``, which bypasses ``register``), with
    their decisions; their applications had no corrections."""
    cal = calendar.current()
    by_app = {a.pk: a for a in applications}
    tallies.add(row for r in registrations for row in _registration_rows(r))
    keys = (decision_key(by_app[r.application_id], m.REGISTERED_OUTCOME, fallback=r.registered_at, cal=cal,
                         pauses=()) for r in registrations)
    tallies.add_decisions((k, 1) for k in keys if k is not None)


# --- after registration -------------------------------------------------------------------


def became_final(*, registration: Registration) -> None:
    """Revoked or superseded (``records.services.set_rights_status``): counted in the month of
    the revocation; the registration stays counted in the month it was registered."""
    when = local_day(registration.status_changed_at or clock.now())
    tallies.add([(_key(m.FINAL, when, registration.category, registration.region, registration.rights_status), 1, 0)])


def region_changed(*, registration: Registration, before: str) -> None:
    """An approved change of owners moved the registration to another region."""
    if before == registration.region:
        return
    tallies.add(_registration_rows(registration, -1, region=before) + _registration_rows(registration))


def pledge_registered(*, pledge) -> None:
    assert pledge.registered_at is not None
    tallies.add([(_key(m.PLEDGE_REGISTERED, local_day(pledge.registered_at), detail=pledge.currency), 1,
                  cents(pledge.principal))])


def pledge_changed(*, pledge, principal_before: Decimal) -> None:
    """A new principal replaces the old one in the month the pledge was registered."""
    delta = cents(pledge.principal) - cents(principal_before)
    if delta and pledge.registered_at is not None:
        tallies.add([(_key(m.PLEDGE_REGISTERED, local_day(pledge.registered_at), detail=pledge.currency), 0, delta)])


def pledge_released(*, pledge) -> None:
    assert pledge.released_at is not None
    tallies.add([(_key(m.PLEDGE_RELEASED, local_day(pledge.released_at), detail=pledge.currency), 1,
                  cents(pledge.principal))])


def seizures_filed(*, seizures: Sequence) -> None:
    """查封 filed (``rights.services.seize``): effective at once, or queued behind another."""
    tallies.add((_seizure_key(m.EFFECTIVE if s.effective_at is not None else m.QUEUED, s, s.filed_at), 1, 0)
                for s in seizures)


def seizure_ended(*, seizure, following=None) -> None:
    """A seizure released or expired, and the one next in line that took effect in its place."""
    assert seizure.released_at is not None
    if seizure.state == "expired":
        event = m.EXPIRED
    else:
        event = m.RELEASED if seizure.effective_at is not None else m.RELEASED_QUEUED
    rows = [(_seizure_key(event, seizure, seizure.released_at), 1, 0)]
    if following is not None:
        rows.append((_seizure_key(m.EFFECTIVE, following, following.effective_at), 1, 0))
    tallies.add(rows)


def _seizure_key(event: str, seizure, at: dt.datetime) -> tuple:
    return _key(m.SEIZURE, local_day(at), seizure.registration.category, detail=event)


# The full recomputation lives in its own module; this is the service callers use.
from banquan.stats.rebuild import rebuild  # noqa: E402

__all__ = ["registered", "rejected", "bulk_registered", "became_final", "region_changed", "pledge_registered",
           "pledge_changed", "pledge_released", "seizures_filed", "seizure_ended", "rebuild"]
