"""Signs of mass-produced filing, for the reviewer (``FilingFlag``): near-identical code or
manuals filed by different applicants in the last ``template_days`` days (``winnow.templates``),
and many software applications submitted from one account within ``burst_hours`` hours."""

import datetime as dt

from django.conf import settings

from banquan.applications.models import Application
from banquan.applications.states import State
from banquan.core import clock
from banquan.software import recent, registry
from banquan.software.models import FilingFlag, ProgramFingerprint
from banquan.software.winnow import Filing, ProgramPrint, template_groups

TEMPLATE_DAYS = 90
MAX_LISTED = 50  # other applications named in a flag's detail


def _conf(key: str, default: int) -> int:
    return int(settings.BANQUAN_SOFTWARE.get(key, default))


def _listed(apps: list[Application]) -> list[dict]:
    return [{"id": a.pk, "reference": a.reference, "title": a.title, "applicant": str(a.applicant)}
            for a in apps[:MAX_LISTED]]


def detect(app: Application, row: ProgramFingerprint | None) -> dict[str, dict]:
    """Flag kind → detail, for the flags that apply to ``app`` now."""
    found = {}
    if row is not None:
        found.update(_templates(app, row))
    burst = _burst(app)
    if burst:
        found[FilingFlag.Kind.BURST.value] = burst
    return found


# Applications whose reviewer may still act on a flag: the earlier members of a template group
# get it too when a later filing reveals the group.
UNDECIDED = tuple(s.value for s in (State.SUBMITTED, State.ACCEPTED, State.IN_REVIEW, State.CORRECTION_REQUESTED,
                                    State.RESUBMITTED, State.SPECIAL_REVIEW, State.INTERCEPTED))


def replace(app: Application, found: dict[str, dict]) -> None:
    """Upsert the flags found, remove those that no longer apply (inside the caller's transaction);
    and flag the undecided other members of a template group found now."""
    FilingFlag.objects.filter(application=app).exclude(kind__in=list(found)).delete()
    for kind, detail in found.items():
        FilingFlag.objects.update_or_create(application=app, kind=kind,
                                            defaults={"detail": detail, "found_at": clock.now()})
        if kind != FilingFlag.Kind.BURST:
            _flag_members(app, kind, detail)


def _flag_members(app: Application, kind: str, detail: dict) -> None:
    members = [o["id"] for o in detail["others"]]
    for member in Application.objects.filter(pk__in=members, status__in=UNDECIDED):
        others = _listed([app]) + [o for o in detail["others"] if o["id"] != member.pk]
        FilingFlag.objects.update_or_create(application=member, kind=kind,
                                            defaults={"detail": {**detail, "others": others}, "found_at": clock.now()})


def _templates(app: Application, row: ProgramFingerprint) -> dict[str, dict]:
    """Near-identical code or manuals among this filing and the recent filings the candidate index
    (``recent``) proposes for it; groups are formed among those alone."""
    since = clock.now() - dt.timedelta(days=_conf("template_days", TEMPLATE_DAYS))
    common = registry.current().common
    found = {}
    for kind, column in ((FilingFlag.Kind.TEMPLATE_CODE, "program"), (FilingFlag.Kind.TEMPLATE_MANUAL, "manual")):
        data = getattr(row, column)
        if not data:
            continue
        own = ProgramPrint.from_bytes(bytes(data))
        ids = recent.candidates(column, own, since=since, exclude=app.pk)
        others = (ProgramFingerprint.objects.filter(application_id__in=ids, application__procedure="software",
                                                    application__submitted_at__gte=since)
                  .exclude(**{f"{column}__isnull": True}).only("application_id", "applicant_id", column))
        filings = [Filing(str(app.pk), str(row.applicant_id), own)]
        filings += [Filing(str(r.application_id), str(r.applicant_id), ProgramPrint.from_bytes(bytes(getattr(r, column))))
                    for r in others]
        for group in template_groups(filings, ignore=common if column == "program" else None):
            if str(app.pk) not in group.filing_ids:
                continue
            members = [int(i) for i in group.filing_ids if i != str(app.pk)]
            apps = list(Application.objects.filter(pk__in=members).select_related("applicant").order_by("pk"))
            found[kind.value] = {"group_size": len(group.filing_ids), "applicants": len(group.applicants),
                                 "resemblance": round(group.weakest_link, 3), "others": _listed(apps)}
    return found


def _burst(app: Application) -> dict | None:
    if app.submitted_at is None:
        return None
    hours, count = _conf("burst_hours", 24), _conf("burst_count", 20)
    window = dt.timedelta(hours=hours)
    apps = list(Application.objects.filter(
        applicant_id=app.applicant_id, procedure="software",
        submitted_at__gte=app.submitted_at - window, submitted_at__lte=app.submitted_at + window,
    ).select_related("applicant").order_by("submitted_at", "pk"))
    if len(apps) < count:
        return None
    return {"count": len(apps), "hours": hours, "others": _listed([a for a in apps if a.pk != app.pk])}
