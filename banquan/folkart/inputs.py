"""Checking a folk-item form (no database): required fields, lengths, categories and the
inheritors. Returns field problems as ``{path: [messages]}`` (paths like
``inheritors.0.level``), so the page and the API place each beside its field."""

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from banquan.folkart import categories

ITEM_FIELDS = ("name", "category", "province", "city", "district", "community", "filer_name",
               "description", "history")
LIMITS = {"name": 200, "province": 32, "city": 32, "district": 32, "community": 200, "filer_name": 200,
          "description": 10_000, "history": 10_000}
LEVELS = {code for code, _zh in categories.INHERITOR_LEVELS}
MAX_INHERITORS = 20


def clean_item(values: dict[str, Any]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Stripped values of the item's own fields, and the problems found."""
    errors: dict[str, list[str]] = defaultdict(list)
    unknown = set(values) - set(ITEM_FIELDS)
    if unknown:
        errors["__all__"].append(_("未知字段：%(fields)s") % {"fields": "、".join(sorted(unknown))})
    clean = {k: str(values.get(k) or "").strip() for k in ITEM_FIELDS}
    required = {"name": _("请填写项目名称。"), "category": _("请选择民间文艺类别。"),
                "province": _("请填写所在省份。"), "description": _("请填写项目简介。")}
    for k, message in required.items():
        if not clean[k]:
            errors[k].append(message)
    if clean["category"] and clean["category"] not in categories.BY_CODE:
        errors["category"].append(_("未知的民间文艺类别。"))
    for k, limit in LIMITS.items():
        if len(clean[k]) > limit:
            errors[k].append(_("不能超过 %(n)d 个字。") % {"n": limit})
    return clean, dict(errors)


def clean_inheritors(rows: list[dict[str, Any]]) -> tuple[list[dict], dict[str, list[str]]]:
    """Inheritor rows with a name (blank rows are dropped), and the problems found."""
    errors: dict[str, list[str]] = defaultdict(list)
    kept: list[dict] = []
    for i, row in enumerate(rows):
        name = str(row.get("name") or "").strip()
        level = str(row.get("level") or "none").strip() or "none"
        generation = row.get("generation")
        if not name:
            continue
        if len(name) > 100:
            errors[f"inheritors.{i}.name"].append(_("不能超过 %(n)d 个字。") % {"n": 100})
        if level not in LEVELS:
            errors[f"inheritors.{i}.level"].append(_("未知的传承人认定级别。"))
        if generation in ("", None):
            generation = None
        else:
            try:
                generation = int(str(generation))
            except (TypeError, ValueError):
                generation = 0
            if not 1 <= generation <= 99:
                errors[f"inheritors.{i}.generation"].append(_("传承代数应为 1 到 99 之间的整数。"))
        kept.append({"name": name, "level": level, "generation": generation})
    if len(kept) > MAX_INHERITORS:
        errors["inheritors"].append(_("传承人最多填写 %(n)d 位。") % {"n": MAX_INHERITORS})
    return kept, dict(errors)
