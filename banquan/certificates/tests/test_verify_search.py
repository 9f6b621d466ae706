"""The public search page (verify:search)."""

import pytest
from django.urls import reverse

from banquan.certificates import views
from banquan.testing import factories

pytestmark = pytest.mark.django_db
URL = reverse("verify:search")


@pytest.fixture
def works(clock, applicant, reviewer):
    return [
        factories.registered(applicant, reviewer, title="山水长卷"),
        factories.registered(applicant, reviewer, title="江南山水图"),
        factories.registered(applicant, reviewer, title="城市夜景", category="photography"),
    ]


def test_search_by_word_shows_rows_with_status(client, works):
    html = client.get(URL, {"q": "山水"}).content.decode()
    assert works[0].number in html and works[1].number in html
    assert works[2].number not in html
    assert 'class="badge status-valid">有效<' in html
    assert "张三" in html and factories.VALID_ID not in html
    assert f'href="{reverse("verify:detail", args=[works[0].number])}"' in html


def test_search_by_number_and_owner(client, works):
    assert works[2].number in client.get(URL, {"q": works[2].number}).content.decode()
    assert client.get(URL, {"q": "张三"}).context["total"] == 3


def test_absent_word_says_nothing_found(client, works):
    response = client.get(URL, {"q": "量子"})
    assert response.context["total"] == 0
    assert "没有找到符合条件的登记记录" in response.content.decode()


def test_filters(client, works):
    assert client.get(URL, {"category": "photography"}).context["total"] == 1
    assert client.get(URL, {"year": "2026", "q": "山水"}).context["total"] == 2
    assert client.get(URL, {"year": "2025"}).context["total"] == 0
    assert client.get(URL, {"year": "abc", "category": "nonsense"}).context["total"] == 3  # ignored


def test_pagination_keeps_the_query(client, works, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", 1)
    first = client.get(URL, {"q": "山水"})
    assert first.context["pages"] == 2 and len(first.context["results"]) == 1
    assert "q=%E5%B1%B1%E6%B0%B4&amp;page=2" in first.content.decode()
    second = client.get(URL, {"q": "山水", "page": 2})
    assert second.context["results"][0]["number"] != first.context["results"][0]["number"]
    assert client.get(URL, {"q": "山水", "page": 99}).context["results"] == []
