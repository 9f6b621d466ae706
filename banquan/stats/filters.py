"""The dashboard's and the API's filters, checked at the edge (pure)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from banquan.applications import categories
from banquan.core.errors import ValidationFailed
from banquan.stats import metrics as m

MIN_YEAR, MAX_YEAR = 1990, 2999


@dataclass(frozen=True)
class Filters:
    year: int | None = None  # the calendar year of the events; None = all years
    category: str | None = None  # a work category code or "software"; None = all works
    region: str | None = None  # a ``records.regions`` name; None = everywhere

    @property
    def software(self) -> bool:
        return self.category == m.SOFTWARE

    def query(self) -> dict[str, str]:
        return {k: str(v) for k, v in (("year", self.year), ("category", self.category),
                                       ("region", self.region)) if v not in (None, "")}


def parse(year: str | int | None = None, category: str | None = None, region: str | None = None) -> Filters:
    errors: dict[str, list[str]] = {}
    y = None
    if year not in (None, ""):
        try:
            y = int(year)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            y = 0
        if not MIN_YEAR <= y <= MAX_YEAR:
            errors["year"] = [_("年份应为 %(a)d 至 %(b)d 之间的整数。") % {"a": MIN_YEAR, "b": MAX_YEAR}]
    cat = (category or "").strip() or None
    if cat is not None and cat not in categories.BY_CODE and cat != m.SOFTWARE:
        errors["category"] = [_("没有这个作品类别：%(c)s") % {"c": cat}]
    reg = (region or "").strip() or None
    if reg is not None and len(reg) > 64:
        errors["region"] = [_("地区名称过长。")]
    if errors:
        raise ValidationFailed(errors)
    return Filters(y, cat, reg)
