"""Bodies of the screening JSON API."""

import datetime as dt
from typing import TYPE_CHECKING, Literal, TypeAlias

from ninja import Schema
from pydantic import Field

from banquan.screening import context, presentation
from banquan.screening.models import Hit, Item, Judgement, Piece, Run, Verdict
from banquan.screening.text import FUZZY_KINDS

if TYPE_CHECKING:
    VerdictCode: TypeAlias = str
else:
    VerdictCode = Literal[tuple(Verdict.values)]


class JudgementIn(Schema):
    verdict: VerdictCode = Field(description="sensitive (确认敏感), clear (无问题/误报) or special_review (需专项复审)")
    note: str = Field("", description="Required for special_review: it becomes the special review reason.")


class JudgementOut(Schema):
    id: int
    hit: int
    verdict: str
    verdict_label: str
    note: str
    reviewer: str
    at: dt.datetime

    @staticmethod
    def of(j: Judgement) -> "JudgementOut":
        return JudgementOut(id=j.pk, hit=j.hit_id, verdict=j.verdict, verdict_label=str(j.get_verdict_display()),
                            note=j.note, reviewer=str(j.reviewer), at=j.at)


class HitOut(Schema):
    id: int
    source: str = Field(description="field:<name>, author:<id>:<field>, owner:<id>:<field>, correction:<id>, "
                                    "sample:<id>:name (the file name) or sample:<id> (its content)")
    source_label: str
    location: str
    box: list[list[float]] | None = Field(None, description="The OCR line's corners in the image, in pixels")
    term: str
    category: str
    level: int
    kind: str
    kind_label: str
    fuzzy: bool = Field(description="Found by a fuzzy kind (initials, homophone, homoglyph, split): 疑似")
    major_topic: bool
    start: int = Field(description="Character offsets into the piece's text, end exclusive")
    end: int
    matched: str
    context: str = Field(description="The matched text with up to 30 characters either side")
    judgement: JudgementOut | None = Field(None, description="The latest judgement")
    judgements: list[JudgementOut] = Field(description="Every judgement, oldest first")

    @staticmethod
    def of(h: Hit, piece: Piece) -> "HitOut":
        history = [JudgementOut.of(j) for j in h.judgements.all()]
        return HitOut(
            id=h.pk, source=piece.source, source_label=piece.source_label, location=h.location, box=h.box,
            term=h.term, category=h.category, level=h.level, kind=h.kind,
            kind_label=presentation.kind_label(h.kind), fuzzy=h.kind in FUZZY_KINDS, major_topic=h.major_topic,
            start=h.start, end=h.end, matched=h.matched,
            context=context.surroundings(piece.text, h.start, h.end),
            judgement=history[-1] if history else None, judgements=history,
        )


class ItemOut(Schema):
    label: str
    kind: str
    status: str
    status_label: str
    reason: str
    problems: list[str]

    @staticmethod
    def of(i: Item) -> "ItemOut":
        return ItemOut(label=i.label, kind=i.kind, status=i.status, status_label=str(i.get_status_display()),
                       reason=i.reason, problems=list(i.problems))


class RunOut(Schema):
    id: int
    status: str
    status_label: str
    trigger: str
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    items_done: int
    items_total: int
    lexicon_version: int | None
    error: str
    special_review_requested: bool

    @staticmethod
    def of(r: Run) -> "RunOut":
        return RunOut(id=r.pk, status=r.status, status_label=str(r.get_status_display()), trigger=r.trigger,
                      created_at=r.created_at, started_at=r.started_at, finished_at=r.finished_at,
                      items_done=r.items_done, items_total=r.items_total, lexicon_version=r.lexicon_version,
                      error=r.error, special_review_requested=r.special_review_requested)


class ScreeningOut(Schema):
    run: RunOut | None = Field(description="The latest run; null before the first")
    places: int = Field(description="Places in the text with hits (overlapping hits count once)")
    major_places: int
    items: list[ItemOut] = Field(description="What the run read: the form, each sample, with unreadable ones")
    hits: list[HitOut]
