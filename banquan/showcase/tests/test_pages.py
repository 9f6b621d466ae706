"""The showcase pages, images and API as the public, owners and registrars use them."""

import pytest
from django.urls import reverse

from banquan.records import services as records
from banquan.showcase import queries, services
from banquan.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def shown(work, applicant, registrar):
    """``work`` on show with its first image only."""
    services.give_consent(applicant=applicant, number=work.number)
    first = queries.image_samples(work).first()
    services.feature(by=registrar, number=work.number, blurb="水墨长卷，四季山水。", sample_ids=[first.pk],
                     published=True)
    return work


def _samples(reg):
    return list(queries.image_samples(reg))


def test_public_list_and_detail_link_to_verification(client, shown):
    html = client.get(reverse("showcase:index")).content.decode()
    assert shown.title in html and "水墨长卷，四季山水。" in html
    chosen = _samples(shown)[0]
    assert reverse("showcase:image", args=[chosen.uuid]) in html
    detail = client.get(reverse("showcase:detail", args=[shown.number])).content.decode()
    assert f'href="{reverse("verify:detail", args=[shown.number])}"' in detail
    assert factories.VALID_ID not in detail


def test_only_chosen_images_of_shown_works_are_served(client, shown, applicant):
    chosen, other = _samples(shown)
    image = client.get(reverse("showcase:image", args=[chosen.uuid]))
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert image.content.startswith(b"\xff\xd8")
    assert client.get(reverse("showcase:image", args=[other.uuid])).status_code == 404
    services.withdraw_consent(applicant=applicant, number=shown.number)
    assert client.get(reverse("showcase:image", args=[chosen.uuid])).status_code == 404
    assert client.get(reverse("showcase:detail", args=[shown.number])).status_code == 404


def test_revoked_work_leaves_the_page(client, shown, registrar):
    records.set_rights_status(registration_id=shown.pk, status="revoked", by=registrar, reason="撤销登记")
    assert shown.title not in client.get(reverse("showcase:index")).content.decode()
    assert client.get("/api/v1/showcase").json()["total"] == 0


def test_category_filter_and_bad_category(client, shown):
    assert shown.title in client.get(reverse("showcase:index"), {"category": "fine_art"}).content.decode()
    empty = client.get(reverse("showcase:index"), {"category": "photography"})
    assert shown.title not in empty.content.decode() and "暂无精选作品" in empty.content.decode()
    bad = client.get(reverse("showcase:index"), {"category": "nonsense"})
    assert bad.status_code == 422 and "未知的作品类别" in bad.content.decode()


def test_api_lists_features(client, shown):
    body = client.get("/api/v1/showcase").json()
    assert body["total"] == 1
    item = body["items"][0]
    assert item["number"] == shown.number and item["blurb"] == "水墨长卷，四季山水。"
    assert len(item["images"]) == 1 and item["verify_url"].endswith(reverse("verify:detail", args=[shown.number]))
    assert client.get("/api/v1/showcase", {"category": "photography"}).json()["total"] == 0
    assert client.get("/api/v1/showcase", {"category": "x"}).status_code == 422
    assert client.get(f"/api/v1/showcase/{shown.number}").json()["title"] == shown.title


def test_owner_gives_and_withdraws_consent_on_the_page(client, work, applicant):
    client.force_login(applicant)
    assert reverse("showcase:consents") in client.get(reverse("rights:my")).content.decode()
    page = client.get(reverse("showcase:consents")).content.decode()
    assert work.number in page and "同意展示" in page
    client.post(reverse("showcase:consent"), {"number": work.number, "action": "give"})
    assert queries.consented(work)
    assert "撤回授权" in client.get(reverse("showcase:consents")).content.decode()
    client.post(reverse("showcase:consent"), {"number": work.number, "action": "withdraw"})
    assert not queries.consented(work)


def test_consent_api_is_for_the_owner(client, work, applicant, other_applicant):
    client.force_login(other_applicant)
    assert client.put(f"/api/v1/showcase/consents/{work.number}").status_code == 404
    client.force_login(applicant)
    assert client.put(f"/api/v1/showcase/consents/{work.number}").json()["consented"] is True
    assert client.delete(f"/api/v1/showcase/consents/{work.number}").json()["consented"] is False


def test_registrar_features_a_work_on_the_staff_page(client, work, applicant, registrar):
    client.force_login(registrar)
    url = reverse("showcase:curate_work", args=[work.number])
    first, second = _samples(work)
    refused = client.post(url, {"blurb": "简介", "samples": [second.pk], "position": 1, "published": "on"})
    assert refused.status_code == 422 and "尚未同意" in refused.content.decode()
    services.give_consent(applicant=applicant, number=work.number)
    assert work.number in client.get(reverse("showcase:curate")).content.decode()
    too_long = client.post(url, {"blurb": "山" * 201, "samples": [second.pk], "position": 1})
    assert too_long.status_code == 422
    client.post(url, {"blurb": "蓝色的那张。", "samples": [second.pk], "position": 1, "published": "on"})
    assert client.get(reverse("showcase:image", args=[second.uuid])).status_code == 200
    assert client.get(reverse("showcase:image", args=[first.uuid])).status_code == 404
    client.post(url, {"action": "unpublish"})
    assert not queries.visible().exists()


def test_staff_pages_are_for_registrars(client, work, applicant, reviewer):
    for user in (applicant, reviewer):
        client.force_login(user)
        assert client.get(reverse("showcase:curate")).status_code == 403


def test_showcase_and_search_filters_in_english(client, shown):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("showcase:index")).content.decode()
    assert "Featured works" in html and "精选作品" not in html
    search = client.get(reverse("verify:search"), {"region": "火星"}).content.decode()
    assert "Unknown region." in search and "All regions" in search and ">Guangdong<" in search
