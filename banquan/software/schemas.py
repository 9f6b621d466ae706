"""Bodies of the software duplicate-check JSON API."""

import datetime as dt

from django.urls import NoReverseMatch, reverse
from ninja import Schema
from pydantic import Field

from banquan.software import review_panel
from banquan.software.models import CopyFinding, FilingFlag


class RegionOut(Schema):
    new_file: str
    new_lines: list[int] = Field(description="first and last line in the new application's file")
    registered_file: str
    registered_lines: list[int] = Field(description="first and last line in the registered program's file")
    fingerprints: int = Field(description="distinct matching fingerprints in the region")


class CopyOut(Schema):
    id: int
    registration_number: str
    title: str
    owners: str
    score: float = Field(description="the larger containment, in [0, 1]")
    containment_new: float = Field(description="share of the new program found in the registered one")
    containment_registered: float = Field(description="share of the registered program found in the new one")
    compare_url: str | None = Field(description="the reviewer's side-by-side page")
    regions: list[RegionOut]
    found_at: dt.datetime

    @staticmethod
    def of(f: CopyFinding) -> "CopyOut":
        try:
            url: str | None = reverse("software:review_copy", args=[f.application_id, f.pk])
        except NoReverseMatch:  # the pages are not wired in this deployment
            url = None
        return CopyOut(id=f.pk, registration_number=f.registration.number, title=f.registration.title,
                       owners=review_panel.owners_of(f.registration), score=round(f.score, 4),
                       containment_new=round(f.containment_new, 4),
                       containment_registered=round(f.containment_registered, 4), compare_url=url,
                       regions=[RegionOut(new_file=r["a_file"], new_lines=r["a_lines"], registered_file=r["b_file"],
                                          registered_lines=r["b_lines"], fingerprints=r["hashes"])
                                for r in f.regions],
                       found_at=f.found_at)


class FlagOut(Schema):
    kind: str = Field(description="template_code, template_manual or burst")
    label: str
    explanation: str
    detail: dict = Field(description="group_size/applicants/resemblance or count/hours, and the others")
    found_at: dt.datetime

    @staticmethod
    def of(flag: FilingFlag) -> "FlagOut":
        return FlagOut(kind=flag.kind, label=str(flag.get_kind_display()), explanation=review_panel.explain(flag),
                       detail=flag.detail, found_at=flag.found_at)


class DuplicatesOut(Schema):
    application_id: int
    checked: bool = Field(description="the checks ran (the application was accepted)")
    copies: list[CopyOut]
    flags: list[FlagOut]
