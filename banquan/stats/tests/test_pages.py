"""The public dashboard, its CSV downloads and the JSON API, over registrations made through
the services."""

import csv
import datetime as dt
import io

import pytest

from banquan.review import services as review
from banquan.rights import services as rights
from banquan.stats.tests.helpers import accepted, registered
from banquan.testing.fixtures import on_day


@pytest.fixture
def works(clock, applicant, reviewer, registrar):
    on_day(clock, dt.date(2025, 6, 2))
    registered(applicant, reviewer, place="广东")
    on_day(clock, dt.date(2026, 6, 1))
    a = registered(applicant, reviewer, place="广东")
    registered(applicant, reviewer, place="北京", category="music", title="渔歌")
    registered(applicant, reviewer, place="法国")
    review.reject(reviewer=reviewer, app_id=accepted(applicant, reviewer).pk, reason="不符合登记条件。")
    rights.revoke(registrar=registrar, number=a.number, ground="on_request", reason="著作权人申请撤销")


@pytest.mark.django_db
def test_anyone_sees_the_dashboard_with_charts_and_tables(client, works):
    page = client.get("/stats/?year=2026").content.decode()
    assert 'data-chart="categories"' in page and "vendor/echarts.min.js" in page
    assert "cdn" not in page.lower()
    assert "<th scope=\"row\">美术</th><td>2</td><td>66.67%</td><td>1</td>" in page
    assert "<th scope=\"row\">法国</th>" in page
    assert 'id="stats-charts"' in page


@pytest.mark.django_db
def test_the_dashboard_speaks_english_in_the_english_ui(client, works):
    client.cookies["django_language"] = "en"
    page = client.get("/stats/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Fine art" in page and "Guangdong" in page and "Works registered, by category" in page


@pytest.mark.django_db
def test_a_bad_filter_is_explained_and_ignored(client, works):
    page = client.get("/stats/?year=abc&category=poetry").content.decode()
    assert "没有这个作品类别：poetry" in page and "年份应为" in page


@pytest.mark.django_db
def test_csv_opens_in_excel_with_chinese_names(client, works):
    response = client.get("/stats/categories.csv?year=2026")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["作品类别", "登记量", "占比", "撤销"]
    assert ["美术", "2", "66.67%", "1"] in rows and ["音乐", "1", "33.33%", "0"] in rows
    assert client.get("/stats/nothing.csv").status_code == 404


@pytest.mark.django_db
def test_the_api_gives_the_figures_by_category_with_chinese_and_english_names(client, works):
    body = client.get("/api/v1/stats?year=2026").json()
    fine = next(r for r in body["categories"]["rows"] if r["code"] == "fine_art")
    assert fine == {"code": "fine_art", "name_zh": "美术", "name_en": "Fine art", "count": 2, "share": 0.6667,
                    "revoked": 1}
    regions = {r["name_zh"]: r for r in body["regions"]["rows"]}
    assert list(regions)[:3] == ["北京", "天津", "河北"]  # official order
    assert regions["广东"]["count"] == 1 and regions["法国"]["kind"] == "foreign"
    assert body["regions"]["countries"] == 1
    assert [(r["year"], r["count"], r["growth"]) for r in body["by_year"]] == [(2025, 1, None), (2026, 3, 2.0)]
    june = next(r for r in body["months"] if r["month"] == 6)
    assert (june["count"], june["previous"], june["growth"]) == (3, 1, 2.0)
    work = next(p for p in body["processing"] if p["procedure"] == "work")
    assert (work["decided"], work["registered"], work["rejected"], work["within_share"]) == (4, 3, 1, 1.0)


@pytest.mark.django_db
def test_the_api_filters_by_region_and_refuses_an_unknown_category(client, works):
    body = client.get("/api/v1/stats", {"region": "广东"}).json()
    assert body["categories"]["total"] == 2
    response = client.get("/api/v1/stats", {"category": "poetry"})
    assert response.status_code == 422 and "category" in response.json()["errors"]


@pytest.mark.django_db
def test_the_api_csv_and_the_openapi_schema(client, works):
    response = client.get("/api/v1/stats/regions.csv")
    assert response.content.decode("utf-8-sig").startswith("地区,类型,登记量,占比")
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/stats" in schema["paths"] and "StatsOut" in schema["components"]["schemas"]
