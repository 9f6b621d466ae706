"""The folk-art API: public library, stations and policies; applicants' filing and conversion."""

import pytest
from django.test import Client

from banquan.folkart import services
from banquan.folkart.tests.conftest import item_values
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db


def body(**overrides):
    return {**item_values(**overrides), "inheritors": [{"name": "韩秀兰", "level": "provincial", "generation": 4}]}


def test_file_review_convert_round_trip(clock, applicant, reviewer, other_applicant):
    api = BearerClient(applicant)
    r = api.post("/api/v1/folkart/preregistrations", body())
    assert r.status_code == 201, r.content
    item = r.json()
    assert item["number"] == "民预登-2026-000001" and item["status"] == "filed"
    r = api.client.post(f"/api/v1/folkart/preregistrations/{item['id']}/media",
                        {"file": factories_png("窗花.png")}, headers=api._headers())
    assert r.status_code == 201, r.content
    assert Client().get(r.json()["url"]).status_code == 404  # not public before acceptance
    assert BearerClient(other_applicant).get(f"/api/v1/folkart/preregistrations/{item['id']}").status_code == 404
    assert api.post(f"/api/v1/folkart/preregistrations/{item['id']}/decision", {"decision": "accept"}).status_code == 403
    r = BearerClient(reviewer).post(f"/api/v1/folkart/preregistrations/{item['id']}/decision", {"decision": "accept"})
    assert r.json()["status"] == "accepted"
    public = Client().get("/api/v1/folkart/library", {"category": "paper_cutting"}).json()
    assert [i["name"] for i in public] == ["历城剪纸"] and public[0]["media"][0]["media_type"] == "image"
    r = api.post(f"/api/v1/folkart/preregistrations/{item['id']}/convert")
    assert r.status_code == 201 and r.json()["reference"].startswith("ZP2026")
    again = api.post(f"/api/v1/folkart/preregistrations/{item['id']}/convert")
    assert again.status_code == 409 and "已转为正式登记申请" in again.json()["detail"]
    assert api.get(f"/api/v1/folkart/preregistrations/{item['id']}").json()["application"] == r.json()["reference"]


def factories_png(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, factories.png_bytes())


def test_bad_input_is_422_with_the_field(clock, applicant):
    api = BearerClient(applicant)
    r = api.post("/api/v1/folkart/preregistrations", body(category="galactic"))
    assert r.status_code == 422
    r = api.post("/api/v1/folkart/preregistrations", body(name="  "))
    assert r.status_code == 422 and "name" in r.json()["errors"]
    assert api.get("/api/v1/folkart/preregistrations").json() == []


def test_public_library_hides_unaccepted(clock, applicant):
    services.file(applicant=applicant, values=item_values(), inheritors=[])
    assert Client().get("/api/v1/folkart/library").json() == []
    assert Client().post("/api/v1/folkart/preregistrations", body(), content_type="application/json").status_code == 401
