"""The public registrations API: look-up by (percent-encoded) number and search."""

from urllib.parse import quote

import pytest

from banquan.certificates import services as certificates
from banquan.records import services as records
from banquan.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def reg(clock, applicant, reviewer):
    return factories.registered(applicant, reviewer)


def get(client, number: str, **params):
    return client.get("/api/v1/registrations/" + quote(number), params)


def test_registration_by_percent_encoded_number(client, reg):
    response = get(client, reg.number)
    assert response.status_code == 200
    body = response.json()
    assert body["number"] == reg.number
    assert body["title"] == "山水长卷" and body["category_label"] == "美术"
    assert body["owners"][0]["id_number_masked"] == "110105********002X"
    assert factories.VALID_ID not in response.content.decode()
    assert body["rights_status"] == "valid" and body["superseded_by"] is None
    cert = certificates.current(reg)
    assert body["certificate"]["version"] == 1
    assert body["certificate"]["signature"] == cert.signature
    assert body["certificate"]["verify_url"] == cert.verify_url
    assert body["certificate"]["pdf_url"].endswith(quote(reg.number) + "/certificate.pdf")
    assert body["signature_valid"] is True


def test_signature_from_the_qr_code(client, reg):
    sig = certificates.current(reg).signature
    assert get(client, reg.number, s=sig).json()["signature_valid"] is True
    tampered = sig[:-2] + ("AA" if not sig.endswith("AA") else "BA")
    body = get(client, reg.number, s=tampered).json()
    assert body["signature_valid"] is False and body["signature_version"] is None


def test_unknown_number_is_404(client, db):
    response = get(client, "国作登字-2026-F-99999999")
    assert response.status_code == 404
    assert response.json()["detail"] == "未找到该登记号。"


def test_rights_status_and_supersession_show_at_once(client, clock, applicant, reviewer, registrar, reg):
    from banquan.rights import services as rights

    court = factories.UserFactory(role="court_officer", organization="北京市海淀区人民法院")
    rights.seize(officer=court, numbers=[reg.number], document_number="（2026）京0108执1号", scope="全部",
                 term_months=12)
    assert get(client, reg.number).json()["rights_status"] == "seized"
    replacement = factories.registered(applicant, reviewer, title="山水长卷（更正）")
    records.set_rights_status(registration_id=reg.pk, status="superseded", by=registrar, reason="更正登记",
                              superseded_by=replacement)
    body = get(client, reg.number).json()
    assert body["rights_status"] == "superseded"
    assert body["superseded_by"] == replacement.number


def test_search_paginates(client, clock, applicant, reviewer):
    made = [factories.registered(applicant, reviewer, title=f"山水第{i}幅") for i in range(3)]
    factories.registered(applicant, reviewer, title="花鸟小品")
    first = client.get("/api/v1/registrations", {"q": "山水", "limit": 2}).json()
    assert first["total"] == 3 and len(first["items"]) == 2
    second = client.get("/api/v1/registrations", {"q": "山水", "limit": 2, "offset": 2}).json()
    assert len(second["items"]) == 1
    seen = {i["number"] for i in first["items"] + second["items"]}
    assert seen == {r.number for r in made}
    item = first["items"][0]
    assert set(item) >= {"number", "title", "category", "owners", "registered_on", "rights_status"}
    assert item["owners"] == ["张三"]


def test_search_by_number_and_filters(client, reg):
    body = client.get("/api/v1/registrations", {"q": reg.number}).json()
    assert [i["number"] for i in body["items"]] == [reg.number]
    assert client.get("/api/v1/registrations", {"q": "山水", "year": 2025}).json()["total"] == 0
    assert client.get("/api/v1/registrations", {"category": "fine_art"}).json()["total"] == 1
    assert client.get("/api/v1/registrations", {"category": "nonsense"}).status_code == 422
    assert client.get("/api/v1/registrations", {"limit": 1000}).status_code == 422
    assert client.get("/api/v1/registrations", {"q": "人物"}).json() == {
        "total": 0, "limit": 20, "offset": 0, "items": []}
