"""How an application reads on the applicant's pages: field values as words, status badges,
the deadline line and the audit history in plain Chinese."""

from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _

from banquan.applications import choices as c
from banquan.applications import forms, states
from banquan.applications.models import Application

# Actions logged outside the state machine (the state machine's own carry ``label_zh``).
OTHER_ACTION_LABELS = {
    "create": "创建草稿",
    "add_sample": "上传文件",
    "remove_sample": "删除文件",
    "delete_draft": "删除草稿",
    "assign": "分配审查员",
    "require_special_review": "送专项复审",
    "upload_deposit": "上传鉴别材料",
}
# Office-internal reasons the applicant's history leaves out: why an application was sent to
# special review (screening hits) and what the special review group asked the reviewer.
INTERNAL_REASONS = frozenset({"require_special_review", "special_return"})
BADGE_CLASSES = {
    states.State.CORRECTION_REQUESTED: "due-soon",
    states.State.REJECTED: "overdue",
    states.State.REGISTERED: "status-valid",
    states.State.APPROVED: "status-valid",
}


def action_label(name: str) -> str:
    action = states.ACTIONS.get(name)
    return _(action.label_zh) if action else _(OTHER_ACTION_LABELS.get(name, name))


def badge_class(status: str) -> str:
    return BADGE_CLASSES.get(states.State(status), "")


def registration_of(app: Application) -> Any:
    """The registration record, or None (the reverse one-to-one raises when absent)."""
    try:
        return app.registration  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return None


def registration_number(app: Application) -> str | None:
    reg = registration_of(app)
    return reg.number if reg else None


def _pages(app: Application) -> str:
    """The URL namespace of the application's own pages: software has its own form."""
    return "software" if app.procedure == "software" else "applications"


def detail_url(app: Application) -> str:
    return reverse(f"{_pages(app)}:detail", args=[app.pk])


def edit_url(app: Application) -> str:
    return reverse(f"{_pages(app)}:edit", args=[app.pk])


def deadline_text(app: Application) -> str:
    if app.status == states.State.CORRECTION_REQUESTED:
        return _("审查期限暂停（等待补正）")
    if app.deadline is None:
        return ""
    text = app.deadline.isoformat()
    return text + _("（暂定）") if app.deadline_provisional else text


@dataclass
class Row:
    label: str
    value: str


def _model_field(name: str) -> models.Field:
    return cast(models.Field, Application._meta.get_field(name))


def field_label(name: str) -> str:
    return str(_model_field(name).verbose_name)


def field_value(app: Application, name: str) -> str:
    """A form field's value as the words a reader sees (choice labels, 是/否, rights list)."""
    value = getattr(app, name)
    if name == "rights":
        labels = dict(c.Right.choices)
        return "、".join(str(labels.get(r, r)) for r in value)
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if _model_field(name).choices and value:
        return str(getattr(app, f"get_{name}_display")())
    return str(value) if value not in (None, "") else ""


def sections(app: Application) -> list[tuple[Any, list[Row]]]:
    """The form's sections with each field's label and its value as text, for read-only pages."""
    return [
        (title, [Row(field_label(n), field_value(app, n)) for n in names])
        for title, names in forms.SECTIONS
    ]


@dataclass
class HistoryLine:
    at: Any
    who: str
    action: str
    from_state: str
    to_state: str
    reason: str


def state_label(value: str) -> str:
    """A state as the office reads it."""
    try:
        return _(states.LABELS_ZH[states.State(value)])
    except ValueError:
        return value


def applicant_state_label(value: str) -> str:
    """A state as the applicant reads it (``states.APPLICANT_LABELS_ZH``)."""
    try:
        return _(states.APPLICANT_LABELS_ZH[states.State(value)])
    except ValueError:
        return value


def history_lines(entries: Any, viewer: Any) -> list[HistoryLine]:
    """The audit trail as the applicant sees it. Office staff appear by role, not by name:
    the applicant deals with the office, not with a person."""
    lines = []
    for e in entries:
        if e.actor_id is None:
            who = _("系统")
        elif e.actor_id == viewer.pk:
            who = _("本人")
        else:
            who = str(e.actor.get_role_display())
        lines.append(HistoryLine(
            e.at, who, action_label(e.action),
            applicant_state_label(e.from_state) if e.from_state else "",
            applicant_state_label(e.to_state) if e.to_state else "",
            "" if e.action in INTERNAL_REASONS else e.reason,
        ))
    return lines
