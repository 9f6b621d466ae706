"""Bodies of the similarity JSON API."""

import datetime as dt

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from banquan.similarity.models import PriorMatch, PriorSearch


class CandidateOut(Schema):
    kind: str = Field(description="image, text, audio or video")
    kind_label: str
    number: str = Field(description="the registered work's registration number (登记号)")
    title: str
    registered_on: dt.date
    distance: int = Field(description="round((1 - similarity) × 256): the Hamming distance of the 256-bit codes "
                                      "for images and text, bit-error rate × 256 for audio, unmatched frames "
                                      "× 256 for video")
    similarity: float = Field(description="in [0, 1]: 1 - distance / 256 for images and text, 1 - bit-error rate "
                                          "for audio, the matched-frame fraction (vPDQ) for video")
    url: str = Field(description="the work's public verification page")

    @staticmethod
    def of(m: PriorMatch) -> "CandidateOut":
        reg = m.registration
        return CandidateOut(kind=m.kind, kind_label=str(m.get_kind_display()), number=reg.number, title=reg.title,
                            registered_on=reg.registered_on, distance=m.distance, similarity=round(m.similarity, 4),
                            url=reverse("verify:detail", args=[reg.number]))


class PriorOut(Schema):
    status: str | None = Field(description="queued, running, done or failed; null before acceptance")
    compared: int = Field(description="registered works the application was compared with")
    finished_at: dt.datetime | None
    not_compared: str = Field(description="samples that could not be compared and why (e.g. no fpcalc for audio)")
    candidates: list[CandidateOut]

    @staticmethod
    def of(search: PriorSearch | None, matches: list[PriorMatch]) -> "PriorOut":
        return PriorOut(status=search.status if search else None, compared=search.compared if search else 0,
                        finished_at=search.finished_at if search else None,
                        not_compared=search.not_compared if search else "",
                        candidates=[CandidateOut.of(m) for m in matches])
