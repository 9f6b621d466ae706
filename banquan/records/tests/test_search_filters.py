"""The public search's category, region and year filters: alone, together and with a text
query, on the page and in the API; bad values are refused with a message."""

import io

import pytest
from django.core.cache import cache
from django.urls import reverse

from banquan.applications import services as applications
from banquan.records import filters, regions, search
from banquan.review import services as review
from banquan.testing import factories
from banquan.testing.fixtures import on_day

pytestmark = pytest.mark.django_db
PAGE = reverse("verify:search")
API = "/api/v1/registrations"


def _registered(applicant, reviewer, *, title, category="fine_art", nationality="中国", province="北京市", **fields):
    owner = factories.owners()[0] | {"nationality": nationality, "province": province}
    if nationality != "中国":
        owner |= {"id_type": "passport", "id_number": "E12345678"}
    app = applications.create_draft(applicant=applicant, fields=factories.complete_fields(title=title, category=category, **fields),
                                    authors=factories.authors(), owners=[owner])
    data = factories.png_bytes()
    applications.add_sample(applicant=applicant, app_id=app.pk, name="s.png", file=io.BytesIO(data), size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    review.accept(reviewer=reviewer, app_id=app.pk)
    review.start_review(reviewer=reviewer, app_id=app.pk)
    return review.approve(reviewer=reviewer, app_id=app.pk, reason="材料齐全，符合登记条件。")


@pytest.fixture
def works(clock, applicant, reviewer):
    import datetime as dt

    cache.clear()  # the region drop-down is cached
    on_day(clock, dt.date(2025, 12, 1))
    old = _registered(applicant, reviewer, title="山水旧作", province="广东省", completion_date=dt.date(2025, 3, 1),
                      first_publication_date=dt.date(2025, 5, 1))
    on_day(clock, dt.date(2026, 11, 24))
    return {
        "old": old,
        "gd": _registered(applicant, reviewer, title="山水新作", province="广东"),
        "gd_photo": _registered(applicant, reviewer, title="城市夜景", category="photography", province="广东省"),
        "hk": _registered(applicant, reviewer, title="维港山水", nationality="中国香港"),
        "us": _registered(applicant, reviewer, title="Grand Canyon 山水", nationality="美国"),
    }


def _numbers(params):
    return {r.number for r in search.search(**params)[0]}


def test_filters_combine_with_each_other_and_the_query(works):
    w = {k: r.number for k, r in works.items()}
    assert works["gd"].region == "广东" and works["hk"].region == "香港" and works["us"].region == "美国"
    assert _numbers({"region": "广东"}) == {w["old"], w["gd"], w["gd_photo"]}
    assert _numbers({"region": "广东", "year": 2026}) == {w["gd"], w["gd_photo"]}
    assert _numbers({"region": "广东", "year": 2026, "category": "fine_art"}) == {w["gd"]}
    assert _numbers({"q": "山水", "region": "广东"}) == {w["old"], w["gd"]}
    assert _numbers({"q": "山水", "year": 2026}) == {w["gd"], w["hk"], w["us"]}
    assert _numbers({"q": "山水", "region": "美国"}) == {w["us"]}
    assert _numbers({"q": "夜景", "region": "香港"}) == set()


def test_region_options_in_order_with_the_countries_present(works):
    names = [name for name, _ in filters.region_options()]
    listed = [zh for zh, _ in regions.PROVINCES + regions.SPECIAL]
    assert names[:34] == listed and names[0] == "北京" and names[30] == "新疆" and names[31:34] == ["香港", "澳门", "台湾"]
    assert names[34:] == ["美国"]
    assert ("美国", "美国") in filters.region_options() and ("广东", "Guangdong") in filters.region_options()


def test_page_filters_paginate_and_say_when_nothing_matches(client, works, monkeypatch):
    from banquan.certificates import views

    response = client.get(PAGE, {"region": "广东", "category": "fine_art"})
    assert response.context["total"] == 2
    html = response.content.decode()
    assert '<option value="广东" selected>' in html and '<option value="美国">' in html
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", 1)
    first = client.get(PAGE, {"region": "广东"})
    assert first.context["pages"] == 3
    assert "region=%E5%B9%BF%E4%B8%9C&amp;page=2" in first.content.decode()
    empty = client.get(PAGE, {"region": "台湾"})
    assert empty.context["total"] == 0 and "没有找到符合条件的登记记录" in empty.content.decode()


def test_page_names_bad_filter_values(client, works):
    response = client.get(PAGE, {"region": "火星", "year": "20x6", "category": "nonsense"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "未知的地区" in html and "未知的作品类别" in html and "登记年份应为" in html
    assert response.context["total"] == 5  # the bad values are left out, not guessed at


def test_api_filters_and_errors(client, works):
    body = client.get(API, {"region": "广东", "year": 2026, "limit": 1}).json()
    assert body["total"] == 2 and len(body["items"]) == 1 and body["items"][0]["region"] == "广东"
    assert client.get(API, {"region": "美国", "q": "山水"}).json()["total"] == 1
    bad = client.get(API, {"region": "火星", "year": 99999})
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"region", "year"}
    assert client.get(API, {"year": "abc"}).status_code == 422
    regions_body = client.get(f"{API}/regions").json()
    assert regions_body[0] == {"name": "北京", "english": "Beijing"} and regions_body[-1]["name"] == "美国"
