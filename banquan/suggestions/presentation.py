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
    mine = list(access.suggestions_for(user, app))
    editable = app.status in applications.EDITABLE
    return {
        "app": app,
        "editable": editable,
        "model_configured": llm.model() is not None and editable,
        "category": next((r for r in rows(mine) if r.s.kind == Kind.CATEGORY and r.s.state == State.OFFERED), None),
        "remarks": rows([s for s in mine if s.kind == Kind.INCONSISTENCY and s.state == State.OFFERED]),
        "dismissed": sum(1 for s in mine if s.kind == Kind.INCONSISTENCY and s.state == State.DISMISSED),
        "job": _job(app, Purpose.ASSIST),
        **extra,
    }


def review_context(app: Application, user: User, **extra: Any) -> dict:
    services.refresh_rules(app)
    every = list(access.suggestions_for(user, app))
    summaries = [s for s in every if s.kind == Kind.SUMMARY and s.state != State.DISMISSED]
    return {
        "app": app,
        "model_configured": llm.model() is not None,
        "summary": rows(summaries[-1:])[0] if summaries else None,
        "remarks": rows([s for s in every if s.kind == Kind.INCONSISTENCY]),
        "categories": rows([s for s in every if s.kind == Kind.CATEGORY and s.state != State.OFFERED]),
        "job": _job(app, Purpose.SUMMARY),
        **extra,
    }
