"""What the reviewer sees of an application's screening: the latest run's progress, the
hits grouped by place and shown in context, the judgements, and what could not be read."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from banquan.applications import states
from banquan.applications.models import Application
from banquan.core import clock
from banquan.screening import context, services
from banquan.screening.models import Hit, Item, ItemStatus, Judgement, Piece, Run, RunStatus
from banquan.screening.text import FUZZY_KINDS

KIND_LABELS = {
    "exact": "原词",
    "normalized": "变形（繁简、全半角、大小写等）",
    "pinyin": "拼音",
    "initials": "拼音首字母",
    "homophone": "谐音",
    "homoglyph": "形近字",
    "split": "拆分或夹杂字符",
}
MAX_GROUPS = 300  # places shown on the page; the API gives them all
STALLED_AFTER = dt.timedelta(minutes=15)  # a running run with no progress this long


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


@dataclass
class HitView:
    hit: Hit
    history: list[Judgement]  # oldest first
    earlier: Judgement | None = None  # the latest judgement of the same hit in an earlier run

    @property
    def latest(self) -> Judgement | None:
        return self.history[-1] if self.history else None

    @property
    def fuzzy(self) -> bool:
        return self.hit.kind in FUZZY_KINDS

    @property
    def kind_label(self) -> str:
        return kind_label(self.hit.kind)


@dataclass
class GroupView:
    source_label: str
    location: str
    window: context.Window
    hits: list[HitView]

    @property
    def major(self) -> bool:
        return any(h.hit.major_topic for h in self.hits)

    @property
    def anchor(self) -> str:
        return f"hit-group-{self.hits[0].hit.pk}"


@dataclass
class Results:
    app: Application
    run: Run | None
    groups: list[GroupView] = field(default_factory=list)
    places: int = 0
    major_places: int = 0
    hits: int = 0
    judged: int = 0
    hidden_places: int = 0
    unreadable: list[Item] = field(default_factory=list)
    partial: list[Item] = field(default_factory=list)  # read, but with parts that could not be
    not_text: list[Item] = field(default_factory=list)

    @property
    def percent(self) -> int:
        run = self.run
        if run is None or not run.items_total:
            return 100 if run is not None and run.finished else 0
        return min(100, round(100 * run.items_done / run.items_total))

    @property
    def active(self) -> bool:
        return self.run is not None and self.run.status in (RunStatus.QUEUED, RunStatus.RUNNING)

    @property
    def may_rerun(self) -> bool:
        """The "重新筛查" button: for an accepted, open application with no run in progress."""
        return bool(self.app.accepted_on) and self.app.status not in states.TERMINAL and not self.active

    @property
    def stalled(self) -> bool:
        run = self.run
        return bool(run and run.status == RunStatus.RUNNING and clock.now() - run.updated_at > STALLED_AFTER)


def hit_view(hit: Hit) -> HitView:
    """One hit with its judgements (after a new judgement, for the hit's row alone)."""
    history = list(hit.judgements.select_related("reviewer").order_by("at", "id"))
    return HitView(hit, history, _earlier(hit.run, [hit]).get(hit.fingerprint))


def _earlier(run: Run, hits: list[Hit]) -> dict[str, Judgement]:
    fingerprints = {h.fingerprint for h in hits}
    if not fingerprints:
        return {}
    found: dict[str, Judgement] = {}
    earlier = (Judgement.objects.filter(hit__run__application_id=run.application_id, hit__fingerprint__in=fingerprints,
                                        hit__run__created_at__lte=run.created_at)
               .exclude(hit__run=run).select_related("reviewer", "hit").order_by("at", "id"))
    for j in earlier:
        found[j.hit.fingerprint] = j  # the latest wins
    return found


def places(hits: list[Hit]) -> list[context.Group[Hit]]:
    """Hits (in piece and offset order) grouped by place: overlapping spans in one piece."""
    return context.group(hits, key=lambda h: h.piece_id, span=lambda h: (h.start, h.end))


def ordered_hits(run: Run) -> list[Hit]:
    """The run's hits in reading order, with their judgements (oldest first)."""
    judgements = Judgement.objects.select_related("reviewer").order_by("at", "id")
    return list(run.hits.order_by("piece__item__position", "piece__position", "start", "end", "id")
                .prefetch_related(Prefetch("judgements", queryset=judgements)))


def results(app: Application, run: Run | None = None) -> Results:
    run = run or services.latest_run(app.pk)
    out = Results(app, run)
    if run is None:
        return out
    items = list(run.items.all())
    out.unreadable = [i for i in items if i.status == ItemStatus.UNREADABLE]
    out.partial = [i for i in items if i.status == ItemStatus.DONE and i.problems]
    out.not_text = [i for i in items if i.status == ItemStatus.NOT_TEXT]
    hits = ordered_hits(run)
    groups = places(hits)
    out.hits, out.places = len(hits), len(groups)
    out.major_places = sum(1 for g in groups if any(h.major_topic for h in g.hits))
    out.judged = sum(1 for h in hits if h.judgements.all())
    shown = groups[:MAX_GROUPS]
    out.hidden_places = len(groups) - len(shown)
    pieces = Piece.objects.in_bulk({g.key for g in shown})  # each text once, however many hits
    earlier = _earlier(run, [h for g in shown for h in g.hits])
    for g in shown:
        piece = pieces[g.key]  # type: ignore[index]
        first = g.hits[0]
        out.groups.append(GroupView(
            source_label=piece.source_label,
            location=first.location,
            window=context.window(piece.text, [(h.start, h.end) for h in g.hits]),
            hits=[HitView(h, list(h.judgements.all()), earlier.get(h.fingerprint)) for h in g.hits],
        ))
    return out
