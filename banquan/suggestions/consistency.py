"""Inconsistencies in a filled-in form that the completeness rules do not refuse (no database).

``banquan.applications.rules`` already refuses a completion date after today or after the
publication date, a future publication date, a publication date on an unpublished work and,
at submission, a published work without its date and place. What is here is what a reviewer
would ask about but the law allows: a 职务作品 without an organisation among the owners, a
法人作品 owned by a person, an owner who is not an author under 原始取得, and so on. Each
remark is a hint the applicant may dismiss, never a refusal.

Callers pass plain dicts (form fields; authors ``{name, signature}``; owners ``{kind, name,
id_type, id_number}``; samples ``{media_type, role}``; software fields or None).
"""

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, gettext_noop

from banquan.applications.rules import ORG_KINDS

ALL_RIGHTS = frozenset({
    "publication", "attribution", "alteration", "integrity", "reproduction", "distribution", "rental",
    "exhibition", "performance", "screening", "broadcasting", "network", "filming", "adaptation",
    "translation", "compilation", "other",
})
ORG_NAME_ENDINGS = ("公司", "研究院", "研究所", "大学", "学院", "学校", "中心", "工作室", "协会", "委员会", "集团",
                    "出版社", "杂志社", "报社", "电视台", "医院", "博物馆", "事务所", "合作社")
# Sample types a category's work can be shown by; a category not listed accepts any.
CATEGORY_MEDIA = {
    "audiovisual": {"video"},
    "photography": {"image", "pdf"},
    "fine_art": {"image", "pdf"},
    "music": {"audio", "pdf", "image"},
}
CATEGORY_NAMES = {"audiovisual": gettext_noop("视听"), "photography": gettext_noop("摄影"), "fine_art": gettext_noop("美术"), "music": gettext_noop("音乐")}
VERSION_IN_TEXT = re.compile(r"[Vv](\d{1,3}(?:\.\d{1,3}){1,3})")


@dataclass(frozen=True)
class Remark:
    code: str
    field: str
    template: str  # a Chinese msgid with %(name)s placeholders
    params: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"rule:{self.code}:{self.field}"

    @property
    def message(self) -> str:
        return render(self.template, self.params)


def render(template: str, params: dict[str, str]) -> str:
    """A remark in the reader's language; a category name in it is translated too."""
    return gettext(template) % {k: gettext(v) if k == "category" else v for k, v in params.items()}


def _names(rows: list[dict]) -> set[str]:
    return {(r.get("name") or "").strip() for r in rows} - {""}


def _birth(owner: dict) -> dt.date | None:
    number = (owner.get("id_number") or "").strip()
    if owner.get("id_type") != "resident_id" or len(number) != 18:
        return None
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _creation(f: dict, authors: list[dict], owners: list[dict]) -> list[Remark]:
    out: list[Remark] = []
    mode = f.get("creation_mode")
    orgs = [o for o in owners if o.get("kind") in ORG_KINDS]
    if mode == "employment" and owners and not orgs:
        out.append(Remark("employment_without_org", "owners", gettext_noop(
            "创作方式为职务创作，但著作权人中没有单位。一般职务作品的著作权归作者；如为特殊职务作品（工程设计图、"
            "产品设计图、地图等）或合同约定归单位，请将单位列为著作权人，否则请核对创作方式。")))
    if mode == "legal_person":
        if any(o.get("kind") == "person" for o in owners):
            out.append(Remark("legal_person_owned_by_person", "owners", gettext_noop(
                "创作方式为法人作品，著作权人应为主持创作并承担责任的法人或非法人组织，但著作权人中有自然人。")))
        if orgs and authors and not (_names(orgs) & _names(authors)):
            out.append(Remark("legal_person_author", "authors", gettext_noop(
                "法人作品的作者是主持创作的单位，请将“%(org)s”列为作者。"), {"org": orgs[0]["name"]}))
    if mode == "independent" and len(authors) >= 2:
        out.append(Remark("independent_many_authors", "creation_mode", gettext_noop(
            "创作方式为独立创作，但填写了 %(n)s 位作者；如为多人共同创作，请选择合作创作。"), {"n": str(len(authors))}))
    return out


def _acquisition(f: dict, authors: list[dict], owners: list[dict]) -> list[Remark]:
    out: list[Remark] = []
    owner_names, author_names = _names(owners), _names(authors)
    signatures = {(a.get("signature") or "").strip() for a in authors} - {""}
    if not owner_names or not author_names:
        return out
    persons_only = all(o.get("kind") == "person" for o in owners)
    if (f.get("acquisition") == "original" and f.get("creation_mode") in ("independent", "joint")
            and persons_only and not owner_names & (author_names | signatures)):
        out.append(Remark("original_owner_not_author", "acquisition", gettext_noop(
            "权利取得方式为原始取得，但著作权人都不是作者。独立或合作创作的作品，原始取得的著作权人一般就是作者；"
            "如权利是受让、继承得来的，请选择继受取得。")))
    if f.get("acquisition") == "derived" and owner_names <= author_names:
        out.append(Remark("derived_owner_is_author", "acquisition", gettext_noop(
            "权利取得方式为继受取得，但著作权人就是作者本人，请核对权利取得方式。")))
    return out


def _owners(f: dict, authors: list[dict], owners: list[dict]) -> list[Remark]:
    out: list[Remark] = []
    done = f.get("completion_date")
    author_names = _names(authors)
    for i, o in enumerate(owners):
        name = (o.get("name") or "").strip()
        if o.get("kind") == "person" and name.endswith(ORG_NAME_ENDINGS):
            out.append(Remark("person_named_like_org", f"owners.{i}.kind", gettext_noop(
                "著作权人“%(name)s”看起来是单位名称，但类型选的是自然人。"), {"name": name}))
        born = _birth(o)
        if done and born and done < born and name in author_names:
            out.append(Remark("completed_before_birth", "completion_date", gettext_noop(
                "创作完成日期早于作者“%(name)s”的出生日期（据身份证号码）。"), {"name": name}))
    return out


def _work(f: dict, samples: list[dict]) -> list[Remark]:
    out: list[Remark] = []
    if f.get("nature") == "original" and ((f.get("source_work_title") or "").strip()
                                          or (f.get("source_work_author") or "").strip()):
        out.append(Remark("original_with_source", "nature", gettext_noop(
            "作品创作性质为原创，但填写了原作品信息；如为改编、翻译等演绎作品，请修改创作性质。")))
    rights = set(f.get("rights") or [])
    if f.get("rights_scope") == "partial" and rights >= ALL_RIGHTS:
        out.append(Remark("partial_with_all_rights", "rights_scope", gettext_noop(
            "权利拥有状况为部分，但勾选了全部权利，请选择“全部”。")))
    if f.get("rights_scope") == "all" and rights and not rights >= ALL_RIGHTS:
        out.append(Remark("all_with_some_rights", "rights", gettext_noop(
            "权利拥有状况为全部，但只勾选了部分权利；如只拥有部分权利，请选择“部分”。")))
    expected = CATEGORY_MEDIA.get(f.get("category") or "")
    works = [s for s in samples if s.get("role", "sample") == "sample"]
    if expected and works and not any(s.get("media_type") in expected for s in works):
        out.append(Remark("category_without_matching_sample", "category", gettext_noop(
            "作品类别为%(category)s作品，但上传的样本中没有这类作品常见的文件（如%(category)s作品的图片、视频或音频），"
            "请核对作品类别或补充样本。"), {"category": CATEGORY_NAMES[f["category"]]}))
    return out


def _software(f: dict, sw: dict, owners: list[dict]) -> list[Remark]:
    out: list[Remark] = []
    title, version = (f.get("title") or "").strip(), (sw.get("version") or "").strip()
    found = VERSION_IN_TEXT.search(title)
    if found and version and found.group(1) != version.lstrip("Vv"):
        out.append(Remark("title_version_differs", "title", gettext_noop(
            "软件全称中的版本号 V%(title_version)s 与版本号一栏的 %(version)s 不一致；全称中一般不写版本号。"),
            {"title_version": found.group(1), "version": version}))
    elif found:
        out.append(Remark("title_has_version", "title", gettext_noop(
            "软件全称中一般不写版本号，请把版本号填在“版本号”一栏。")))
    short = (sw.get("short_name") or "").strip()
    if short and title and len(short) >= len(title):
        out.append(Remark("short_name_not_shorter", "short_name", gettext_noop("软件简称应比软件全称短。")))
    if sw.get("nature") == "original" and (sw.get("modification_note") or "").strip():
        out.append(Remark("original_with_modification_note", "nature", gettext_noop(
            "软件作品说明为原创，但填写了修改说明；如为修改、翻译或合成软件，请选择“修改”。")))
    if sw.get("development_mode") == "independent" and len(owners) >= 2:
        out.append(Remark("independent_many_owners", "development_mode", gettext_noop(
            "开发方式为独立开发，但有 %(n)s 位著作权人；如为共同开发，请选择合作开发。"), {"n": str(len(owners))}))
    return out


def remarks(fields: dict[str, Any], *, authors: list[dict], owners: list[dict], samples: list[dict],
            software: dict[str, Any] | None = None) -> list[Remark]:
    """The form's inconsistencies, in the order of the form."""
    if software is not None:  # the software form has no authors, work categories or samples
        return _software(fields, software, owners) + _owners(fields, [], owners)
    return (_work(fields, samples) + _creation(fields, authors, owners) + _acquisition(fields, authors, owners)
            + _owners(fields, authors, owners))
