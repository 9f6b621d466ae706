"""What a complete, consistent application needs (no database queries: callers pass the
rows). Messages are the Chinese shown beside the field; keys are field paths such as
``owners.0.id_number`` so forms and the API can place them."""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from banquan.applications import idnumbers

DERIVED_NATURES = {"adaptation", "translation", "compilation", "annotation", "arrangement"}
ORG_KINDS = {"enterprise", "government", "institution", "social", "other_org"}


def field_problems(f: dict[str, Any], today: dt.date) -> dict[str, list[str]]:
    """Consistency rules between fields that are filled in (drafts may leave others empty)."""
    errors: dict[str, list[str]] = defaultdict(list)
    done, pub = f.get("completion_date"), f.get("first_publication_date")
    if done and done > today:
        errors["completion_date"].append(_("创作完成日期不能晚于今天。"))
    if pub and pub > today:
        errors["first_publication_date"].append(_("首次发表日期不能晚于今天。"))
    if done and pub and pub < done:
        errors["first_publication_date"].append(_("首次发表日期不能早于创作完成日期。"))
    if f.get("publication") == "unpublished" and pub:
        errors["first_publication_date"].append(_("作品未发表时不应填写首次发表日期。"))
    if f.get("offline_display_date") and f["offline_display_date"] < today:
        errors["offline_display_date"].append(_("线下展示日期不能早于今天。"))
    return dict(errors)


def person_problems(kind: str, id_type: str, id_number: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    p = idnumbers.problem(id_type, id_number)
    if p:
        errors["id_number"] = [p]
    if kind in ORG_KINDS and id_type in {"resident_id", "passport", "hk_macao", "taiwan", "foreign_pr"}:
        errors.setdefault("id_type", []).append(_("法人或其他组织请选择统一社会信用代码证书或其他有效证件。"))
    if kind == "person" and id_type == "uscc":
        errors.setdefault("id_type", []).append(_("自然人不能使用统一社会信用代码证书。"))
    return errors


def completeness(app: Any, authors: list, owners: list, samples: list, today: dt.date) -> dict[str, list[str]]:
    """Everything required before submission, as {field path: [messages]}."""
    e: dict[str, list[str]] = defaultdict(list)

    def need(field: str, message: str) -> None:
        if not getattr(app, field):
            e[field].append(message)

    need("title", _("请填写作品名称。"))
    need("category", _("请选择作品类别。"))
    if app.category == "other":
        need("category_note", _("作品类别为“其他”时，请说明具体类别。"))
    need("nature", _("请选择作品创作性质。"))
    if app.nature in DERIVED_NATURES:
        need("source_work_title", _("演绎作品请填写原作品名称。"))
        need("source_work_author", _("演绎作品请填写原作品作者。"))
    need("completion_date", _("请填写创作完成日期。"))
    need("completion_country", _("请填写创作完成地点（国家）。"))
    need("completion_city", _("请填写创作完成地点（省市）。"))
    need("publication", _("请选择发表状态。"))
    if app.publication == "published":
        need("first_publication_date", _("已发表作品请填写首次发表日期。"))
        need("first_publication_country", _("已发表作品请填写首次发表地点（国家）。"))
        need("first_publication_city", _("已发表作品请填写首次发表地点（省市）。"))
    need("creation_mode", _("请选择创作方式。"))
    need("acquisition", _("请选择权利取得方式。"))
    if app.acquisition == "derived":
        need("derived_how", _("继受取得请选择继受方式。"))
    need("rights_scope", _("请选择权利拥有状况。"))
    if app.rights_scope == "partial" and not app.rights:
        e["rights"].append(_("部分权利请勾选拥有的权利。"))
    need("purpose", _("请填写创作目的。"))
    need("process", _("请填写创作过程。"))
    need("originality", _("请填写作品独创性说明。"))
    if app.offline_display:
        need("offline_display_date", _("申请线下展示请填写展示日期。"))
        need("offline_display_place", _("申请线下展示请填写展示地点。"))
    fields = {f: getattr(app, f) for f in ("completion_date", "first_publication_date", "publication",
                                              "offline_display_date")}
    for k, v in field_problems(fields, today).items():
        e[k].extend(v)
    if not authors:
        e["authors"].append(_("请至少填写一位作者。"))
    if app.creation_mode == "joint" and len(authors) < 2:
        e["authors"].append(_("合作创作的作品应有两位或以上作者。"))
    if not owners:
        e["owners"].append(_("请至少填写一位著作权人。"))
    for i, o in enumerate(owners):
        for k, v in person_problems(o.kind, o.id_type, o.id_number).items():
            e[f"owners.{i}.{k}"].extend(v)
    if not any(s.role == "sample" for s in samples):
        e["samples"].append(_("请至少上传一个作品样本。"))
    return dict(e)
