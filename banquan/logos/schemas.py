"""Bodies of the brand-logo JSON API."""

import datetime as dt

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from banquan.logos.models import Check, Finding


class FindingOut(Schema):
    sample: str = Field(description="the sample's file name")
    frame_at: float | None = Field(description="seconds into a video sample; null for images")
    brand: str
    owner: str
    mark_id: int
    score: float = Field(description="in [0, 1]; intercepted at or above the engine's threshold")
    region: list[int] = Field(description="x, y, w, h of the matched region in the image's pixels")
    evidence_url: str = Field(description="the sample (or frame) with the region outlined, PNG")
    mark_url: str = Field(description="the protected mark, PNG")

    @staticmethod
    def of(f: Finding) -> "FindingOut":
        return FindingOut(sample=f.sample.original_name, frame_at=f.frame_at, brand=f.mark.brand, owner=f.mark.owner,
                          mark_id=f.mark_id, score=round(f.score, 4), region=[f.x, f.y, f.w, f.h],
                          evidence_url=reverse("logos:finding_image", args=[f.pk]),
                          mark_url=reverse("logos:mark_image", args=[f.mark_id]))


class LogoCheckOut(Schema):
    application_status: str
    status: str | None = Field(description="queued, running, done or failed; null before acceptance")
    marks_compared: int
    samples: int = Field(description="image and video samples compared")
    intercepted: bool = Field(description="this check stopped the application")
    finished_at: dt.datetime | None
    unreadable: list[dict]
    findings: list[FindingOut]

    @staticmethod
    def of(app_status: str, check: Check | None) -> "LogoCheckOut":
        if check is None:
            return LogoCheckOut(application_status=app_status, status=None, marks_compared=0, samples=0,
                                intercepted=False, finished_at=None, unreadable=[], findings=[])
        findings = check.findings.select_related("mark", "sample")
        return LogoCheckOut(application_status=app_status, status=check.status, marks_compared=check.marks_compared,
                            samples=check.images_total, intercepted=check.intercepted, finished_at=check.finished_at,
                            unreadable=check.unreadable, findings=[FindingOut.of(f) for f in findings])


class ReleaseIn(Schema):
    reason: str = Field(description="why the registrar releases the application (kept in the audit history)")
