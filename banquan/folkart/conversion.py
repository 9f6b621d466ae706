"""What a formal work registration draft takes from an accepted folk-art item (no database:
the caller passes plain values). The applicant still completes the draft: the nature of the
work (原创 or 整理), dates, owners with ID numbers and the rights are judgements and facts the
pre-registration does not hold."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from banquan.folkart import categories


@dataclass(frozen=True)
class ItemFacts:
    name: str
    category: str
    number: str
    province: str
    city: str
    district: str
    community: str
    filer_name: str
    description: str
    history: str
    inheritors: list[str] = field(default_factory=list)


def draft_fields(item: ItemFacts) -> dict:
    """Fields for ``applications.services.create_draft``."""
    work = categories.work_category(item.category)
    folk_zh = _(categories.BY_CODE[item.category].zh)
    region = f"{item.province}{item.city}{item.district}"
    return {
        "title": item.name[:200],
        "category": work,
        "category_note": (_("民间文艺：%(category)s") % {"category": folk_zh})[:200] if work == "other" else "",
        "completion_country": "中国",
        "completion_city": f"{item.province}{item.city}"[:100],
        "purpose": _("登记%(region)s民间文艺项目“%(name)s”的作品（民间文艺预登记 %(number)s）。")
        % {"region": region, "name": item.name, "number": item.number},
        "process": item.history or item.description,
        "originality": item.description,
    }


def draft_authors(item: ItemFacts) -> list[dict]:
    """The inheritors as authors; else the community or the filer (the applicant edits)."""
    names = item.inheritors or [n for n in (item.community, item.filer_name) if n][:1]
    return [{"name": n[:200], "signature": n[:200]} for n in names]
