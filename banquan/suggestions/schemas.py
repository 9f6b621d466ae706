"""Bodies of the suggestions JSON API."""

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from banquan.suggestions import presentation
from banquan.suggestions.models import Job, Suggestion


class SuggestionOut(Schema):
    id: int
    application: int
    kind: Literal["category", "inconsistency", "summary"]
    source: Literal["rules", "model"] = Field(description="the office's consistency rules, or the language model")
    state: Literal["offered", "accepted", "dismissed"]
    text: str = Field(description="the suggested category's name, the remark, or the summary (in the request's language)")
    field: str = Field(description="the form field a remark is about (e.g. owners.0.kind), or empty")
    category: str | None = Field(description="category suggestions: the suggested category code")
    reason: str = Field(description="category suggestions: the model's reason")
    model: str = Field(description="the model that wrote it; empty for the rules")
    created_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None

    @staticmethod
    def of(s: Suggestion) -> "SuggestionOut":
        return SuggestionOut(
            id=s.pk, application=s.application_id, kind=s.kind, source=s.source, state=s.state,  # type: ignore[arg-type]
            text=presentation.text_of(s), field=s.payload.get("field", ""),
            category=s.payload.get("category") if s.kind == "category" else None,
            reason=s.payload.get("reason", ""), model=s.model_name, created_at=s.created_at,
            decided_by=s.decided_by.username if s.decided_by else None, decided_at=s.decided_at)


class JobOut(Schema):
    id: int
    purpose: Literal["assist", "summary"] = Field(description="assist: category and form check (applicants); "
                                                              "summary: the reviewer's summary (office)")
    status: Literal["queued", "running", "done", "failed"]
    note: str = Field(description="why nothing was offered, if so")
    created_at: dt.datetime
    finished_at: dt.datetime | None

    @staticmethod
    def of(j: Job) -> "JobOut":
        return JobOut(id=j.pk, purpose=j.purpose, status=j.status, note=j.note,  # type: ignore[arg-type]
                      created_at=j.created_at, finished_at=j.finished_at)


class DismissIn(Schema):
    reason: str = Field("", max_length=2000)
