"""The model's JSON answers, checked before anything is shown (no database). An answer that
does not fit is discarded: a category outside the statutory table, an empty reason, a remark
about a field the form does not have. Nothing the model says is shown unchecked."""

from dataclasses import dataclass
from typing import Any

from banquan.applications import categories

MAX_REASON = 300
MAX_REMARKS = 5
MAX_SUMMARY = 1200


@dataclass(frozen=True)
class CategoryAnswer:
    code: str
    reason: str


def _text(value: Any, limit: int) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def category(answer: Any) -> CategoryAnswer | None:
    """``{"category": code, "reason": text}`` with a code of ``categories.CATEGORIES``; the
    model may answer the Chinese name instead of the code."""
    if not isinstance(answer, dict):
        return None
    raw = answer.get("category")
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    by_name = {c.zh: c.code for c in categories.CATEGORIES}
    code = raw if raw in categories.BY_CODE else by_name.get(raw)
    reason = _text(answer.get("reason"), MAX_REASON)
    if code is None or not reason:
        return None
    return CategoryAnswer(code, reason)


def remarks(answer: Any, fields: set[str]) -> list[dict[str, str]]:
    """``[{"field", "message"}]`` (or ``{"remarks": [...]}``); items naming a field the form
    does not have get no field, items without a message are dropped."""
    if isinstance(answer, dict):
        answer = answer.get("remarks", [])
    if not isinstance(answer, list):
        return []
    found: list[dict[str, str]] = []
    for item in answer:
        if not isinstance(item, dict):
            continue
        message = _text(item.get("message"), MAX_REASON)
        if not message or any(message == f["message"] for f in found):
            continue
        name = item.get("field") if isinstance(item.get("field"), str) else ""
        found.append({"field": name if name in fields else "", "message": message})
    return found[:MAX_REMARKS]


def summary(answer: Any) -> str:
    """``{"summary": text}``; empty when the model gave none."""
    if isinstance(answer, dict):
        return _text(answer.get("summary"), MAX_SUMMARY)
    return ""
