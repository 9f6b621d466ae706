"""The software certificate and what its QR code opens: a registration of a real source tree."""

from urllib.parse import quote

import pytest

from banquan.certificates import services as certificates
from banquan.certificates.tests.test_pdf import _text
from banquan.testing import software as sw

pytestmark = pytest.mark.django_db


@pytest.fixture
def reg(clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant, tree="waitress")
    with django_capture_on_commit_callbacks(execute=True):
        return sw.register(app, applicant, reviewer)


def test_the_certificate_is_a_software_certificate(reg):
    cert = certificates.current(reg)
    text = _text(certificates.ensure_pdf(cert))
    assert "计算机软件著作权登记证书" in text
    assert "软著登字第00000001号" in text and reg.number in text
    assert "星河智能排课系统V1.0" in text and "李四" in text and "未发表" in text
    assert "原始取得" in text and "全部权利" in text
    assert certificates.signature_valid(cert)


def test_the_qr_link_shows_the_software_facts_and_a_valid_signature(client, reg):
    cert = certificates.current(reg)
    html = client.get(cert.verify_url.removeprefix(cert.verify_url.split("/verify/")[0])).content.decode()
    assert "软件登记核验" in html and "签名有效（证书第 1 版）" in html
    assert "软著登字第00000001号" in html and "星河智能排课系统 V1.0" in html and "开发完成日期" in html
    assert "作者" not in html


def test_a_seizure_shows_on_the_qr_page_of_a_software_registration(client, reg, registrar):
    from banquan.rights import services as rights
    from banquan.testing import factories

    court = factories.UserFactory(role="court_officer", organization="北京市海淀区人民法院")
    rights.seize(officer=court, numbers=[reg.number], document_number="（2026）京0108执123号", scope="全部",
                 term_months=12)
    html = client.get(f"/verify/{quote(reg.number)}").content.decode()
    assert "已查封" in html


def test_the_api_and_the_public_search_know_software(client, reg):
    data = client.get("/api/v1/registrations/" + quote(reg.number)).json()
    assert data["category_label"] == "计算机软件"
    assert data["software"]["certificate_number"] == "软著登字第00000001号"
    found = client.get("/api/v1/registrations", {"category": "software"}).json()
    assert [r["number"] for r in found["items"]] == [reg.number]
    page = client.get("/search/", {"category": "software", "q": "排课"}).content.decode()
    assert reg.number in page
