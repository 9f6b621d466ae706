"""Suggestions as the panels show them (read-only)."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import categories
from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.core import llm
from banquan.suggestions import access, consistency, facts, services
from banquan.suggestions.models import Job, Kind, Purpose, Source, State, Suggestion

REVIEW_REMARKS = 30


@dataclass
class Row:
    s: Suggestion
    text: str
    field: str  # the form field's label, or ""

    @property
    def pk(self) -> int:
        return self.s.pk


def _field_label(name: str) -> str:
    if not name:
        return ""
    head = name.split(".")[0]
    if head in ("authors", "owners", "samples"):
        label = {"authors": _("作者"), "owners": _("著作权人"), "samples": _("作品样本")}[head]
        parts = name.split(".")
        return f"{label} {int(parts[1]) + 1}" if len(parts) > 1 and parts[1].isdigit() else label
    try:
        return facts.label(head)
    except Exception:  # a software field: shown without a label
        return ""


def text_of(s: Suggestion) -> str:
    p = s.payload
    if s.kind == Kind.CATEGORY:
        category = categories.BY_CODE.get(p.get("category", ""))
        return _(category.zh) if category else p.get("category", "")
    if s.kind == Kind.SUMMARY:
        return p.get("text", "")
    if s.source == Source.RULES:
        return consistency.render(p["template"], p.get("params", {}))
    return p.get("message", "")


def rows(suggestions: list[Suggestion]) -> list[Row]:
    return [Row(s, text_of(s), _field_label(s.payload.get("field", ""))) for s in suggestions]


def _job(app: Application, purpose: str) -> Job | None:
    return app.suggestion_jobs.filter(purpose=purpose).order_by("-created_at", "-id").first()


def applicant_context(app: Application, user: User, **extra: Any) -> dict:
    services.refresh_rules(app)
    mine = access.suggestions_for(user, app)  # queried by state: a long history costs nothing here
    remarks = mine.filter(kind=Kind.INCONSISTENCY)
    editable = app.status in applications.EDITABLE
    category = mine.filter(kind=Kind.CATEGORY, state=State.OFFERED).last()
    return {
        "app": app,
        "editable": editable,
        "model_configured": llm.model() is not None and editable,
        "category": rows([category])[0] if category else None,
        "remarks": rows(list(remarks.filter(state=State.OFFERED))),
        "dismissed": remarks.filter(state=State.DISMISSED).count(),
        "job": _job(app, Purpose.ASSIST),
        **extra,
    }


def review_context(app: Application, user: User, **extra: Any) -> dict:
    services.refresh_rules(app)
    every = access.suggestions_for(user, app)
    summary = every.filter(kind=Kind.SUMMARY).exclude(state=State.DISMISSED).last()
    # the remarks as they stand: every rule remark, and the model's of its latest check (undecided
    # or dismissed since); older model runs' undecided remarks were replaced
    remarks = every.filter(kind=Kind.INCONSISTENCY).order_by("-created_at", "-id")[:REVIEW_REMARKS]
    return {
        "app": app,
        "model_configured": llm.model() is not None,
        "summary": rows([summary])[0] if summary else None,
        "remarks": rows(list(reversed(remarks))),
        "categories": rows(list(every.filter(kind=Kind.CATEGORY).exclude(state=State.OFFERED)
                                .order_by("-decided_at", "-id")[:3])),
        "job": _job(app, Purpose.SUMMARY),
        **extra,
    }
