"""Entering registrations (登记) and changing their rights status."""

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import categories, states
from banquan.applications.models import Application
from banquan.applications.services import transition
from banquan.core import clock
from banquan.core.errors import DomainError
from banquan.ledger import services as ledger
from banquan.records import numbering, regions, search_terms
from banquan.records.models import Registration, RightsStatus, SearchGram, SerialCounter
from banquan.stats import services as stats


def next_serial(year: int, letter: str) -> int:
    """The next serial for (year, letter). Must run inside the registering transaction: the
    UPDATE locks the counter row until commit (PostgreSQL) or the write lock is held from
    BEGIN IMMEDIATE (SQLite), so concurrent approvals queue and no number is used twice."""
    SerialCounter.objects.bulk_create([SerialCounter(year=year, letter=letter)], ignore_conflicts=True)
    counter = SerialCounter.objects.filter(year=year, letter=letter)
    counter.update(last=F("last") + 1)
    return counter.values_list("last", flat=True).get()


def snapshot(app: Application) -> dict:
    """The registered facts, as certificates and the public page show them."""
    return {
        "title": app.title,
        "category": app.category,
        "category_zh": categories.BY_CODE[app.category].zh,
        "authors": [{"name": a.name, "signature": a.signature, "display": a.display()}
                    for a in app.authors.all()],
        "owners": [{"name": o.name, "kind": o.kind, "id_type": o.id_type, "id_number": o.id_number,
                    "nationality": o.nationality, "province": o.province, "city": o.city,
                    "display": o.display()} for o in app.owners.all()],
        "nature": app.nature,
        "creation_mode": app.creation_mode,
        "completion_date": app.completion_date.isoformat() if app.completion_date else None,
        "first_publication_date": app.first_publication_date.isoformat() if app.first_publication_date else None,
        "application": app.reference,
    }


def index_for_search(reg: Registration) -> None:
    texts = [reg.number, reg.title] + [o["name"] for o in reg.data.get("owners", [])]
    grams = set().union(*(search_terms.bigrams(t) for t in texts))
    SearchGram.objects.filter(registration=reg).delete()
    SearchGram.objects.bulk_create(SearchGram(registration=reg, gram=g) for g in sorted(grams))


@transaction.atomic
def register(*, app: Application, by: User | None) -> Registration:
    """登记: give an approved application its number and issue the first certificate."""
    from banquan.certificates import services as certificates

    now = clock.now()
    today = clock.today()
    if app.procedure == "software":
        from banquan.software import registration as software

        letter = software.LETTER
        serial, number, certificate_number = software.numbers(next_serial, today)
        category, data = software.CATEGORY, software.snapshot(app, certificate_number)
    else:
        letter = categories.letter(app.category)
        serial = next_serial(today.year, letter)
        number, category, data = numbering.format_number(today.year, letter, serial), app.category, snapshot(app)
    reg = Registration.objects.create(
        number=number, application=app, year=today.year, letter=letter, serial=serial, registered_on=today,
        registered_at=now, title=app.title, category=category, data=data,
        region=regions.region_of_owners(data.get("owners", [])).name,
    )
    app.deadline = None
    transition(app, "register", by=by, actor=states.Actor.SYSTEM, data={"number": reg.number})
    index_for_search(reg)
    certificates.issue(registration=reg, by=by)
    stats.registered(registration=reg, application=app)  # last: the tally rows stay locked until commit
    from banquan.similarity import tasks as similarity  # similarity depends on records

    transaction.on_commit(lambda: similarity.index_work(reg.pk), robust=True)
    if app.procedure == "software":
        from banquan.software import tasks as software_tasks  # its code joins the duplicate index

        transaction.on_commit(lambda: software_tasks.registered(reg.pk), robust=True)
    return reg


# Pledged and seized follow from pledge and seizure records (``rights.status``), so only the
# final statuses are set here: revocation (and supersession, with the registration that replaces
# it), by ``rights.services.revoke`` or a registrar in the back office.
_ALLOWED = {
    RightsStatus.VALID: {RightsStatus.REVOKED},
    RightsStatus.PLEDGED: {RightsStatus.REVOKED},
    RightsStatus.SEIZED: {RightsStatus.REVOKED},
}


@transaction.atomic
def set_rights_status(*, registration_id: int, status: str, by: User | None, reason: str,
                      superseded_by: Registration | None = None) -> Registration:
    reg = Registration.objects.select_for_update().get(pk=registration_id)
    if not reason.strip():
        raise DomainError(_("请填写变更理由。"))
    target = RightsStatus(status)
    if target == RightsStatus.SUPERSEDED:
        if superseded_by is None:
            raise DomainError(_("被替代的登记必须指明替代它的登记。"))
        if reg.rights_status in (RightsStatus.REVOKED, RightsStatus.SUPERSEDED):
            raise DomainError(_("该登记已失效，不能再被替代。"))
    elif target not in _ALLOWED.get(RightsStatus(reg.rights_status), set()):
        raise DomainError(
            _("登记当前状态为“%(now)s”，不能改为“%(new)s”。")
            % {"now": reg.get_rights_status_display(), "new": target.label}
        )
    before = reg.rights_status
    reg.rights_status = target.value
    reg.status_reason = reason.strip()
    reg.status_changed_at = clock.now()
    reg.superseded_by = superseded_by
    reg.save()
    stats.became_final(registration=reg)
    ledger.record(actor=by, subject=reg.subject, action="rights_status", from_state=before,
                  to_state=reg.rights_status, reason=reason,
                  data={"superseded_by": superseded_by.number if superseded_by else None})
    return reg
