"""The pure parts: review-clock days, percentiles, growth, shares, region order, filters."""

import datetime as dt

import pytest

from banquan.core.errors import ValidationFailed
from banquan.stats import figures, metrics, processing
from banquan.stats.filters import Filters, parse
from banquan.workdays.arith import TableCalendar

D = dt.date
# 2026-10-01..07 National Day holidays, 2026-10-10 (Saturday) a make-up working day.
CAL = TableCalendar(days_off=frozenset(D(2026, 10, d) for d in range(1, 8)),
                    make_up_days=frozenset({D(2026, 10, 10)}), years=frozenset({2026}))


def test_clock_days_count_working_days_after_acceptance():
    # 29, 30 Sep; 8, 9, 10 (the make-up Saturday) and 12 Oct
    assert processing.clock_days(CAL, D(2026, 9, 28), D(2026, 10, 12)) == 6


def test_the_clock_stops_while_a_correction_is_awaited():
    pauses = [(D(2026, 3, 4), D(2026, 3, 20))]
    assert processing.clock_days(CAL, D(2026, 3, 2), D(2026, 3, 23), pauses) == 3
    assert processing.clock_days(CAL, D(2026, 3, 2), D(2026, 3, 10), [(D(2026, 3, 4), None)]) == 2


def test_percentiles_of_a_histogram_use_the_nearest_rank():
    hist = {5: 1, 10: 8, 30: 1}
    assert processing.percentile(hist, 0.5) == 10
    assert processing.percentile(hist, 0.9) == 10  # the 9th of 10 values
    assert processing.percentile({3: 9, 40: 1}, 0.9) == 3
    assert processing.percentile({}, 0.5) is None


def test_growth_and_share():
    assert figures.growth(150, 100) == 0.5 and figures.growth(5, None) is None and figures.growth(5, 0) is None
    assert figures.share(84, 100) == 0.84 and figures.share(1, 0) is None
    assert figures.with_growth([(2024, 10), (2025, 15), (2027, 3)]) == [
        {"year": 2024, "count": 10, "growth": None}, {"year": 2025, "count": 15, "growth": 0.5},
        {"year": 2027, "count": 3, "growth": None}]


def test_regions_in_official_order_then_hmt_then_countries_by_count():
    order = figures.region_order({"美国": 3, "法国": 5, "日本": 5, "广东": 9, "中国（未详）": 1})
    assert order[:2] == ["北京", "天津"] and order[30] == "新疆" and order[31] == "中国（未详）"
    assert order[32:] == ["香港", "澳门", "台湾", "日本", "法国", "美国"]
    assert "中国（未详）" not in figures.region_order({})


def test_a_work_counts_in_its_cell_and_both_totals_software_in_its_own():
    assert metrics.registration_keys(2026, 3, "music", "广东") == [
        ("registered", 2026, 3, "music", "广东", ""), ("registered", 2026, 3, "music", "*", ""),
        ("registered", 2026, 3, "*", "广东", "")]
    assert len(metrics.registration_keys(2026, 3, "software", "广东")) == 2


def test_filters_are_checked_at_the_edge():
    assert parse("2025", "software", " 广东 ") == Filters(2025, "software", "广东")
    assert parse() == Filters()
    with pytest.raises(ValidationFailed) as e:
        parse("20x5", "poem")
    assert set(e.value.errors) == {"year", "category"}
