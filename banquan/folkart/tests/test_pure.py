"""Pure rules: numbers, coordinates, the category mapping, the state machine, the form checks
and what a converted draft takes from the item."""

from decimal import Decimal

import pytest

from banquan.applications import categories as work_categories
from banquan.folkart import categories, conversion, geo, inputs, numbering, states


def test_number_format_and_parse_round_trip():
    assert numbering.format_number(2026, 1) == "民预登-2026-000001"
    assert numbering.format_number(2026, 123456) == "民预登-2026-123456"
    assert numbering.parse_number(" 民预登-2027-000042 ") == (2027, 42)
    for bad in ("民预登-2026-000000", "民预登-26-000001", "国作登字-2026-F-00000001", "民预登-2026-1"):
        assert numbering.parse_number(bad) is None


@pytest.mark.parametrize("serial", [0, 1_000_000, -1])
def test_number_serial_out_of_range(serial):
    with pytest.raises(ValueError):
        numbering.format_number(2026, serial)


def test_coordinates_in_range_are_kept_to_six_decimals():
    assert geo.parse_coordinate("36.6812345678", field="latitude") == Decimal("36.681235")
    assert geo.parse_coordinate(" 117.06 ", field="longitude") == Decimal("117.06")
    assert geo.parse_coordinate(-90, field="latitude") == Decimal("-90")


@pytest.mark.parametrize("field,value,fragment", [
    ("latitude", "90.01", "纬度"), ("latitude", "-91", "纬度"), ("longitude", "180.5", "经度"),
    ("longitude", "东经117", "数字"), ("latitude", "NaN", "数字"), ("latitude", "", "数字"),
])
def test_bad_coordinates_are_refused_with_the_field(field, value, fragment):
    with pytest.raises(geo.BadCoordinate) as e:
        geo.parse_coordinate(value, field=field)
    assert e.value.field == field and fragment in e.value.message


def test_projection_puts_north_west_at_the_origin():
    b = geo.Bounds(36.5, 117.0, 37.0, 117.5)
    assert geo.project(37.0, 117.0, b, 600, 400) == (0, 0)
    assert geo.project(36.5, 117.5, b, 600, 400) == (600, 400)
    assert geo.project(36.75, 117.25, b, 600, 400) == (300, 200)


def test_bounds_pad_and_single_point():
    b = geo.bounds_of([(36.68, 117.06)])
    assert b.south < 36.68 < b.north and b.west < 117.06 < b.east
    assert geo.bounds_of([]) == geo.LICHENG


def test_geojson_uses_lon_lat_order():
    fc = geo.feature_collection([{"lat": Decimal("36.68"), "lon": Decimal("117.06"), "properties": {"name": "站"}}])
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [117.06, 36.68]}


def test_every_folk_category_maps_to_a_statutory_work_category():
    for c in categories.CATEGORIES:
        assert c.work_category in work_categories.BY_CODE
    assert categories.work_category("paper_cutting") == "fine_art"
    assert categories.work_category("dance") == "dance"
    assert categories.work_category("quyi") == "quyi"
    assert categories.work_category("opera") == "drama"
    assert categories.work_category("custom") == "other"


def test_state_machine():
    assert states.check("accept", states.FILED, by_office=True).target == states.ACCEPTED
    assert states.check("resubmit", states.RETURNED, by_office=False).target == states.FILED
    with pytest.raises(states.Refused):
        states.check("return", states.FILED, by_office=True, reason="  ")
    with pytest.raises(states.Refused):
        states.check("accept", states.ACCEPTED, by_office=True)
    with pytest.raises(states.Refused):
        states.check("accept", states.FILED, by_office=False)


def test_item_checks_name_each_problem():
    clean, errors = inputs.clean_item({"name": " ", "category": "opera_x", "province": "山东省",
                                       "description": "x", "history": "y" * 10_001})
    assert set(errors) == {"name", "category", "history"}
    _, errors = inputs.clean_item({"bogus": 1})
    assert "__all__" in errors


def test_inheritor_rows_blank_dropped_bad_ones_named_by_row():
    kept, errors = inputs.clean_inheritors([{"name": ""}, {"name": "王", "level": "galactic", "generation": "0"}])
    assert [k["name"] for k in kept] == ["王"]
    assert set(errors) == {"inheritors.1.level", "inheritors.1.generation"}


def _facts(**kw):
    base = dict(name="鼓子秧歌", category="dance", number="民预登-2026-000003", province="山东省", city="济南市",
                district="历城区", community="某村秧歌队", filer_name="某村文化站", description="简介", history="渊源")
    base.update(kw)
    return conversion.ItemFacts(**base)


def test_draft_fields_take_title_category_place_and_history():
    f = conversion.draft_fields(_facts())
    assert f["title"] == "鼓子秧歌" and f["category"] == "dance" and f["category_note"] == ""
    assert f["completion_city"] == "山东省济南市" and f["process"] == "渊源" and "民预登-2026-000003" in f["purpose"]
    other = conversion.draft_fields(_facts(category="custom"))
    assert other["category"] == "other" and "民俗" in other["category_note"]


def test_draft_authors_are_the_inheritors_else_the_community():
    assert conversion.draft_authors(_facts(inheritors=["甲", "乙"])) == [
        {"name": "甲", "signature": "甲"}, {"name": "乙", "signature": "乙"}]
    assert conversion.draft_authors(_facts()) == [{"name": "某村秧歌队", "signature": "某村秧歌队"}]
