"""Regions read from owners' nationality and province as typed on the form (no database)."""

from banquan.records import regions
from banquan.records.regions import DOMESTIC, FOREIGN, HMT, Region, region_of, region_of_owners


def test_provinces_are_reduced_to_their_short_name():
    assert region_of("中国", "广东省") == Region("广东", DOMESTIC)
    assert region_of("中国", "内蒙古自治区") == Region("内蒙古", DOMESTIC)
    assert region_of("中华人民共和国", "新疆维吾尔自治区") == Region("新疆", DOMESTIC)
    assert region_of("中国", "北京市") == Region("北京", DOMESTIC)
    assert region_of("China", "Guangdong") == Region("广东", DOMESTIC)


def test_hong_kong_macao_and_taiwan_count_on_their_own():
    assert region_of("中国", "香港特别行政区") == Region("香港", HMT)
    assert region_of("中国香港", "") == Region("香港", HMT)
    assert region_of("中国", "台灣") == Region("台湾", HMT)
    assert region_of("中国澳门", "") == Region("澳门", HMT)


def test_foreign_owners_count_by_country_and_unknown_provinces_are_kept_apart():
    assert region_of("美国", "California") == Region("美国", FOREIGN)
    assert region_of("中国", "") == Region(regions.UNKNOWN_PROVINCE, DOMESTIC)
    assert region_of("中国", "火星省") == Region(regions.UNKNOWN_PROVINCE, DOMESTIC)


def test_a_registration_counts_in_its_first_owners_region():
    owners = [{"nationality": "中国", "province": "浙江省"}, {"nationality": "日本", "province": ""}]
    assert region_of_owners(owners).name == "浙江"
    assert region_of_owners([]).name == regions.UNKNOWN_PROVINCE


def test_there_are_31_provinces_and_three_special_regions():
    assert len(regions.PROVINCES) == 31 and len(regions.SPECIAL) == 3
    assert regions.kind_of("澳门") == HMT and regions.kind_of("法国") == FOREIGN
    assert regions.english("广东") == "Guangdong"
