"""The public search's filters (category, region, year): checking the values a caller sent
and the region choices of the search page. Shared by the page and the JSON API, so both give
the same message for the same bad value."""

from django.core.cache import cache
from django.db.models import QuerySet
from pypinyin import lazy_pinyin

from banquan.applications import categories
from banquan.records import regions
from banquan.records.models import Registration

CATEGORY_CODES = frozenset([c.code for c in categories.CATEGORIES] + ["software"])
_LISTED = tuple(zh for zh, _ in regions.PROVINCES + regions.SPECIAL)
FIRST_YEAR, LAST_YEAR = 1000, 9999
_PRESENT_KEY = "records:search:regions-present"
# The other regions present change only when a registration from a new country arrives; a few
# minutes' delay in the drop-down is harmless (the filter itself accepts any region present).
_PRESENT_SECONDS = 300


def problems(*, category: str | None, region: str | None, year: int | str | None) -> dict[str, list[str]]:
    """Field errors for the given filter values (empty when every given value is usable)."""
    errors: dict[str, list[str]] = {}
    if category and category not in CATEGORY_CODES:
        errors["category"] = ["未知的作品类别。"]
    if region and not known_region(region):
        errors["region"] = ["未知的地区。"]
    if year not in (None, "") and parse_year(year) is None:
        errors["year"] = [f"登记年份应为 {FIRST_YEAR}–{LAST_YEAR} 之间的四位数字。"]
    return errors


def parse_year(value: int | str | None) -> int | None:
    try:
        year = int(str(value).strip())
    except ValueError:
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def known_region(name: str) -> bool:
    """A listed province or 港澳台 name, or a region some registration has (foreign countries
    are whatever owners' nationalities registrations hold)."""
    return name in _LISTED or name == regions.UNKNOWN_PROVINCE or Registration.objects.filter(region=name).exists()


def region_options() -> list[tuple[str, str]]:
    """(value, English label) for the drop-down: the 31 provinces in the official order, Hong
    Kong, Macao and Taiwan, then the foreign countries present (and 中国（未详） if present)."""
    present = cache.get(_PRESENT_KEY)
    if present is None:
        present = sorted(_others_present().values_list("region", flat=True).distinct(), key=lazy_pinyin)
        cache.set(_PRESENT_KEY, present, _PRESENT_SECONDS)
    foreign = [r for r in present if r != regions.UNKNOWN_PROVINCE]
    tail = [regions.UNKNOWN_PROVINCE] if regions.UNKNOWN_PROVINCE in present else []
    return [(name, regions.english(name)) for name in [*_LISTED, *foreign, *tail]]


def _others_present() -> QuerySet[Registration]:
    return Registration.objects.order_by().exclude(region__in=_LISTED).exclude(region="")
