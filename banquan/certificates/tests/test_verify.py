"""The public verify page: what a certificate's QR code opens."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from banquan.certificates import services as certificates
from banquan.records import services as records
from banquan.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def reg(clock, applicant, reviewer):
    return factories.registered(applicant, reviewer)


def page(client, reg, **params):
    return client.get(reverse("verify:detail", args=[reg.number]), params)


def test_qr_link_opens_the_page_with_a_valid_signature(client, reg):
    cert = certificates.current(reg)
    path = cert.verify_url.removeprefix(cert.verify_url.split("/verify/")[0])  # the QR's path
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "签名有效（证书第 1 版）" in html
    assert reg.number in html and "山水长卷" in html and "美术" in html
    assert "张三（署名：山人0）" in html


def test_full_id_number_never_shown(client, reg):
    html = page(client, reg).content.decode()
    assert factories.VALID_ID not in html
    assert "110105********002X" in html


def test_tampered_signature_is_invalid(client, reg):
    sig = certificates.current(reg).signature
    tampered = ("A" if sig[0] != "A" else "B") + sig[1:]
    html = page(client, reg, s=tampered).content.decode()
    assert "签名无效：此二维码不是本中心签发的" in html
    assert "签名有效" not in html
    assert "签名无效" in page(client, reg, s="not-a-signature").content.decode()


def test_without_signature_shows_the_current_certificate_status(client, reg):
    html = page(client, reg).content.decode()
    assert "当前证书签名有效（证书第 1 版）" in html


def test_old_certificate_version_says_it_was_replaced(client, reg, registrar):
    first = certificates.current(reg)
    certificates.issue(registration=reg, by=registrar)
    html = page(client, reg, s=first.signature).content.decode()
    assert "签名有效（证书第 1 版）" in html
    assert "已被第 2 版取代" in html
    newest = certificates.current(reg)
    html = page(client, reg, s=newest.signature).content.decode()
    assert "签名有效（证书第 2 版）" in html and "取代" not in html


def test_status_badge_follows_rights_status_at_once(client, reg, registrar):
    assert re.search(r'class="badge status-valid">有效<', page(client, reg).content.decode())
    from banquan.rights import services as rights
    from banquan.rights.tests.conftest import file_pledge

    bank = factories.UserFactory(role="bank_officer", organization="中国工商银行北京朝阳支行")
    rights.register_pledge(registrar=registrar, pledge_id=file_pledge(bank, reg).pk)
    assert re.search(r'class="badge status-pledged">已质押<', page(client, reg).content.decode())
    records.set_rights_status(registration_id=reg.pk, status="revoked", by=registrar, reason="法院判决撤销")
    assert re.search(r'class="badge status-revoked">已撤销<', page(client, reg).content.decode())


def test_superseded_links_to_its_replacement(client, clock, applicant, reviewer, registrar, reg):
    replacement = factories.registered(applicant, reviewer, title="山水长卷（修订）")
    records.set_rights_status(registration_id=reg.pk, status="superseded", by=registrar,
                              reason="变更登记", superseded_by=replacement)
    html = page(client, reg).content.decode()
    assert "status-superseded" in html and "已被替代" in html
    assert f'href="{reverse("verify:detail", args=[replacement.number])}"' in html


def test_unknown_number_is_a_chinese_404(client, db):
    response = client.get("/verify/" + quote("国作登字-2026-F-99999999"))
    assert response.status_code == 404
    assert "未找到该登记号" in response.content.decode()


def test_public_key_and_key_id(client, reg):
    from banquan.certificates import signing

    html = page(client, reg).content.decode()
    assert signing.key_id() in html
    assert reverse("verify:public_key") in html
    pem = client.get(reverse("verify:public_key"))
    assert pem.status_code == 200
    assert pem.content.decode().startswith("-----BEGIN PUBLIC KEY-----")


def test_thumbnail_of_registered_work_is_public(client, reg):
    sample = reg.application.samples.get()
    url = reverse("verify:thumbnail", args=[sample.uuid])
    assert url in page(client, reg).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response.content[:3] == b"\xff\xd8\xff"
    sample.refresh_from_db()
    assert sample.thumbnail_key  # made once, kept in the blob store
    assert client.get(url).content == response.content


def test_thumbnail_of_unregistered_sample_is_not_public(client, clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    sample = app.samples.get()
    assert client.get(reverse("verify:thumbnail", args=[sample.uuid])).status_code == 404


def test_certificate_pdf(client, reg):
    response = client.get(reverse("verify:certificate_pdf", args=[reg.number]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("inline;")
    assert "filename*=UTF-8''" + quote(f"{reg.number}-v1.pdf") in response["Content-Disposition"]
    assert client.get("/verify/" + quote("国作登字-2026-F-99999999") + "/certificate.pdf").status_code == 404


def test_signature_of_another_registration_is_invalid(client, clock, applicant, reviewer, reg):
    other = factories.registered(applicant, reviewer, title="花鸟小品")
    html = page(client, reg, s=certificates.current(other).signature).content.decode()
    assert "签名无效：此二维码不是本中心签发的" in html


def test_openapi_documents_the_registration_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/registrations/{number}" in paths and "/api/v1/registrations" in paths
