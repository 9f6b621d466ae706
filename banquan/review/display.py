"""Turning an application and its audit log into the rows the reviewer's page shows."""

from dataclasses import dataclass
from typing import Any, cast

from django.db import models
from django.utils.translation import gettext as _

from banquan.applications import choices as c
from banquan.applications import states
from banquan.applications.models import Application

# Audit actions that are not state-machine transitions, in the UI's source language.
OTHER_ACTIONS = {
    "create": "创建草稿",
    "add_sample": "上传文件",
    "remove_sample": "删除文件",
    "assign": "分配审查员",
    "delete_draft": "删除草稿",
}

# The form's fields in the order of the official application form.
FORM_FIELDS = (
    "title", "category", "category_note", "nature", "nature_note", "source_work_title",
    "source_work_author", "completion_date", "completion_country", "completion_city", "publication",
    "first_publication_date", "first_publication_country", "first_publication_city", "creation_mode",
    "acquisition", "derived_how", "rights_scope", "rights", "purpose", "process", "originality",
    "offline_display", "offline_display_date", "offline_display_place",
)
LONG_TEXT = {"purpose", "process", "originality"}


def state_label(value: str) -> str:
    try:
        return _(states.LABELS_ZH[states.State(value)])
    except ValueError:
        return value


def action_label(name: str) -> str:
    action = states.ACTIONS.get(name)
    return _(action.label_zh if action else OTHER_ACTIONS.get(name, name))


@dataclass(frozen=True)
class FieldRow:
    name: str
    label: str
    value: Any
    long: bool


def _value(app: Application, name: str) -> Any:
    if name == "rights":
        labels = dict(c.Right.choices)
        return "、".join(str(labels.get(r, r)) for r in app.rights)
    if name == "offline_display":
        return _("是") if app.offline_display else _("否")
    if getattr(_model_field(name), "choices", None):
        return getattr(app, f"get_{name}_display")()
    return getattr(app, name)


def _model_field(name: str) -> models.Field:
    return cast(models.Field, Application._meta.get_field(name))


def form_rows(app: Application) -> list[FieldRow]:
    return [FieldRow(name, str(_model_field(name).verbose_name), _value(app, name), name in LONG_TEXT)
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
