"""Pure arithmetic of the figures: shares, year-over-year growth, the order of regions and the
processing-time summary of a histogram. No database."""

from collections.abc import Iterable, Mapping

from banquan.records import regions
from banquan.stats import processing

SPECIAL_NAMES = tuple(zh for zh, _ in regions.SPECIAL)


def share(part: int, total: int) -> float | None:
    return round(part / total, 4) if total else None


def growth(current: int, previous: int | None) -> float | None:
    """Year-over-year growth (0.25 = +25 %); None without a previous figure to compare with."""
    if not previous:
        return None
    return round((current - previous) / previous, 4)


def region_order(counts: Mapping[str, int]) -> list[str]:
    """The 31 provinces in the official order, then 中国（未详） if any, Hong Kong, Macao and
    Taiwan, then foreign countries by count (largest first) and name."""
    domestic = [zh for zh, _ in regions.PROVINCES]
    if counts.get(regions.UNKNOWN_PROVINCE):
        domestic.append(regions.UNKNOWN_PROVINCE)
    foreign = sorted((name for name, n in counts.items() if n and regions.kind_of(name) == regions.FOREIGN),
                     key=lambda name: (-counts[name], name))
    return [*domestic, *SPECIAL_NAMES, *foreign]


def processing_summary(histogram: Mapping[int, int], within: int, limit: int) -> dict:
    decided = sum(histogram.values())
    return {"decided": decided, "median_days": processing.percentile(histogram, 0.5),
            "p90_days": processing.percentile(histogram, 0.9), "within_limit": within,
            "within_share": share(within, decided), "limit_days": limit}


def with_growth(series: Iterable[tuple[int, int]]) -> list[dict]:
    """[(year, count)] in order → rows with the growth over the year before."""
    by_year = dict(series)
    return [{"year": y, "count": n, "growth": growth(n, by_year.get(y - 1))} for y, n in sorted(by_year.items())]
