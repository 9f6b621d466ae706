"""Every write of the screening app: starting a run, recording what each item yielded,
finishing or failing a run, and the reviewers' judgements on hits.

A run is created ``queued`` with one item per thing to read, then executed by the job in
``runner`` (which calls the functions below, one short transaction per item, so the progress
and the hits found so far show while images are still being read). Judgements are never
changed: each new one supersedes the last, and each is audited under ``screening:<app id>``
(kept apart from the application's own history, which the applicant reads).
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import states
from banquan.applications.models import Application
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound
from banquan.ledger import services as ledger
from banquan.review import queue
from banquan.review import services as review
from banquan.screening import sources
from banquan.screening.context import fingerprint
from banquan.screening.models import Hit, Item, ItemStatus, Judgement, Piece, Run, RunStatus, Trigger, Verdict
from banquan.screening.text import Hit as FoundHit

NOT_TEXT_REASON = "音频、视频文件不含可提取的文字，未做自动筛查，请人工审看。"
MAX_NOTE = 2000


def _application(app_id: int) -> Application:
    app = Application.objects.filter(pk=app_id).first()
    if app is None:
        raise NotFound(_("申请不存在。"))
    return app


def latest_run(app_id: int) -> Run | None:
    return Run.objects.filter(application_id=app_id).order_by("-created_at", "-id").first()


# --- starting a run -----------------------------------------------------------------------

@transaction.atomic
def start_run(*, app_id: int, trigger: str, by: User | None = None) -> Run:
    """A new queued run over the application as it is now; the caller schedules the job."""
    app = _application(app_id)
    run = Run.objects.create(application=app, trigger=Trigger(trigger), requested_by=by, created_at=clock.now())
    items = [Item(run=run, position=0, kind=sources.FORM, label=_("申请表"))]
    for position, (sample, kind) in enumerate(sources.screening_order(list(app.samples.all())), 1):
        item = Item(run=run, position=position, kind=kind or "", sample=sample, label=sample.original_name)
        if kind is None:
            item.status, item.reason = ItemStatus.NOT_TEXT, _(NOT_TEXT_REASON)
        items.append(item)
    Item.objects.bulk_create(items)
    run.items_total = sum(1 for i in items if i.status == ItemStatus.PENDING)
    run.save(update_fields=["items_total"])
    ledger.record(actor=by, subject=run.subject, action="screening_start",
                  data={"run": run.pk, "trigger": trigger, "items": run.items_total})
    return run


def _may_see(user: User, app_id: int) -> Application:
    return queue.office_application(user, app_id, refusal=_("只有审查员或登记管理员可以查看和判断筛查结果。"))


def rerun(*, reviewer: User, app_id: int) -> Run:
    """The reviewer's "重新筛查": a new run (earlier runs and their judgements are kept)."""
    from banquan.screening import tasks

    app = _may_see(reviewer, app_id)
    if app.accepted_on is None:
        raise DomainError(_("申请受理后才进行自动筛查。"))
    if app.status in states.TERMINAL:
        raise DomainError(_("申请已经办结，不再重新筛查。"))
    current = latest_run(app_id)
    if current is not None and not current.finished:
        raise DomainError(_("筛查正在进行中，请等待完成后再重新筛查。"))
    with transaction.atomic():
        run = start_run(app_id=app_id, trigger=Trigger.MANUAL, by=reviewer)
        transaction.on_commit(lambda: tasks.screen(run.pk))
    return run


# --- executing a run (called by the runner) ----------------------------------------------

@transaction.atomic
def begin_run(*, run_id: int, lexicon_version: int | None) -> Run | None:
    """queued → running; None if the run is gone or was already taken by another worker."""
    taken = Run.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, started_at=clock.now(), lexicon_version=lexicon_version)
    return Run.objects.select_related("application").get(pk=run_id) if taken else None


@dataclass
class Found:
    """What one item yielded: its text pieces and the hits in each."""

    source: sources.Source
    hits: list[FoundHit]


@transaction.atomic
def record_item(*, item_id: int, found: Iterable[Found] = (), major: Collection[str] = (),
                problems: Iterable[str] = (), unreadable: str = "") -> list[Hit]:
    """Store an item's pieces and hits (or why it could not be read) and count it done."""
    item = Item.objects.select_related("run").get(pk=item_id)
    stored: list[Hit] = []
    for position, f in enumerate(found):
        piece = f.source.piece
        row = Piece.objects.create(
            run=item.run, item=item, position=position, source=f.source.source[:100],
            source_label=f.source.label[:255], location=piece.location[:200], text=piece.text,
            segments=[s.as_list() for s in piece.segments],
        )
        stored += Hit.objects.bulk_create([_hit(row, piece, h, major) for h in f.hits])
    item.status = ItemStatus.UNREADABLE if unreadable else ItemStatus.DONE
    item.reason = unreadable
    item.problems = list(problems)
    item.finished_at = clock.now()
    item.save()
    Run.objects.filter(pk=item.run_id).update(items_done=F("items_done") + 1, updated_at=clock.now())
    return stored


def _hit(row: Piece, piece, h: FoundHit, major: Collection[str]) -> Hit:
    location, box = piece.locate(h.start)
    return Hit(
        run_id=row.run_id, piece=row, location=location[:300], box=box, term=h.term[:100],
        category=h.category[:64], level=h.level, kind=h.kind, start=h.start, end=h.end,
        matched=h.matched[:300], major_topic=h.category in major,
        fingerprint=fingerprint(source=row.source, term=h.term, kind=h.kind, matched=h.matched,
                                text=piece.text, start=h.start, end=h.end),
    )


def flag_special_review(*, run_id: int) -> None:
    """Send the application to the special review group if the run hit a major-topic
    category. The reason names the categories, not the words (the applicant reads the
    application's history)."""
    run = Run.objects.get(pk=run_id)
    categories = sorted(set(run.hits.filter(major_topic=True).values_list("category", flat=True)))
    if not categories or run.special_review_requested:
        return
    reason = _("敏感内容自动筛查命中重大题材类别：%(categories)s") % {"categories": "、".join(categories)}
    with transaction.atomic():
        review.require_special_review(app_id=run.application_id, reason=reason, by=None)
        Run.objects.filter(pk=run_id).update(special_review_requested=True)


@transaction.atomic
def finish_run(*, run_id: int, note: str = "") -> None:
    """running → done. ``note`` is a problem that did not stop the run (e.g. the special
    review flag was refused because the application had meanwhile ended)."""
    run = Run.objects.select_for_update().get(pk=run_id)
    run.status, run.finished_at, run.error = RunStatus.DONE, clock.now(), note
    run.save()
    ledger.record(actor=None, subject=run.subject, action="screening_done",
                  data={"run": run.pk, "hits": run.hits.count(), "lexicon_version": run.lexicon_version})


@transaction.atomic
def fail_run(*, run_id: int, error: str) -> None:
    """Mark the run failed with the reason; what it stored so far stays, as do earlier runs."""
    run = Run.objects.select_for_update().filter(pk=run_id).first()
    if run is None:
        return
    run.status, run.finished_at, run.error = RunStatus.FAILED, clock.now(), error[:2000]
    run.save()
    ledger.record(actor=None, subject=run.subject, action="screening_failed", reason=run.error,
                  data={"run": run.pk})


# --- judgements -------------------------------------------------------------------------------

@transaction.atomic
def judge(*, reviewer: User, hit_id: int, verdict: str, note: str = "") -> Judgement:
    """Record a reviewer's judgement on a hit of the application's latest run. "需专项复审"
    also sends the application to the special review group, with the note as the reason."""
    hit = Hit.objects.select_related("run", "piece").filter(pk=hit_id).first()
    if hit is None:
        raise NotFound(_("命中记录不存在。"))
    _may_see(reviewer, hit.run.application_id)
    if verdict not in Verdict.values:
        raise DomainError(_("请选择判断结果。"), field="verdict")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise DomainError(_("说明不能超过 %(n)d 个字。") % {"n": MAX_NOTE}, field="note")
    latest = latest_run(hit.run.application_id)
    if latest is None or latest.pk != hit.run_id:
        raise DomainError(_("该命中属于较早的一次筛查，请刷新页面后对最新结果作出判断。"))
    if verdict == Verdict.SPECIAL_REVIEW:
        if not note:
            raise DomainError(_("送专项复审须说明理由。"), field="note")
        reason = _("筛查命中“%(term)s”（%(category)s，%(where)s）：%(note)s") % {
            "term": hit.term, "category": hit.category, "where": hit.piece.source_label, "note": note}
        review.require_special_review(app_id=hit.run.application_id, reason=reason, by=reviewer)
    judgement = Judgement.objects.create(hit=hit, reviewer=reviewer, verdict=verdict, note=note, at=clock.now())
    ledger.record(actor=reviewer, subject=hit.run.subject, action="screening_judgement", reason=note,
                  to_state=verdict, data={"run": hit.run_id, "hit": hit.pk, "term": hit.term,
                                          "category": hit.category, "kind": hit.kind})
    return judgement
