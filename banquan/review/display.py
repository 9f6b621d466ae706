"""Turning an application and its audit log into the rows the reviewer's page shows.

Values and labels read as on the applicant's pages (``applications.presentation``); the
reviewer also sees who acted, by name, and the entries' data."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from banquan.applications.forms import SECTIONS
from banquan.applications.models import Application
from banquan.applications.presentation import action_label, field_label, field_value, state_label
from banquan.review.services import REQUIRE_SPECIAL_REVIEW
from banquan.review.services import special_review_reasons as stored_reasons

# The form's fields in the order of the official application form.
FORM_FIELDS = tuple(name for _title, names in SECTIONS for name in names)
LONG_TEXT = {"purpose", "process", "originality"}

__all__ = ["FORM_FIELDS", "LONG_TEXT", "form_rows", "history_rows", "special_review_reasons", "state_label"]


@dataclass(frozen=True)
class FieldRow:
    name: str
    label: str
    value: Any
    long: bool


def form_rows(app: Application) -> list[FieldRow]:
    return [FieldRow(name, field_label(name), field_value(app, name), name in LONG_TEXT)
            for name in FORM_FIELDS]


@dataclass(frozen=True)
class HistoryRow:
    at: Any
    actor: str
    action: str
    from_state: str
    to_state: str
    reason: str
    data: dict


def history_rows(entries) -> list[HistoryRow]:
    return [
        HistoryRow(
            at=e.at,
            actor=str(e.actor) if e.actor else _("系统"),
            action=action_label(e.action),
            from_state=state_label(e.from_state) if e.from_state else "",
            to_state=state_label(e.to_state) if e.to_state else "",
            reason=e.reason,
            data=e.data,
        )
        for e in entries
    ]


@dataclass(frozen=True)
class SpecialReason:
    reason: str
    source: str  # the reviewer's name, or the automatic screening
    at: Any


def special_review_reasons(app: Application, entries) -> list[SpecialReason]:
    """Why the application needs special review, and who said so, from its audit entries
    (the reasons on the application itself if there are none)."""
    if not app.special_review_required:
        return []
    found = [SpecialReason(e.reason, str(e.actor) if e.actor else _("自动筛查"), e.at)
             for e in entries if e.action == REQUIRE_SPECIAL_REVIEW]
    return found or [SpecialReason(r, "", None) for r in stored_reasons(app)]
