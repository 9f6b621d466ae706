"""The pledge registration certificate (著作权质权登记证书): signed facts and the PDF.

The PDF tests need a CJK font; on Debian/Ubuntu: apt-get install fonts-noto-cjk.
"""

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

import cv2
import pytest
from django.conf import settings
from pypdf import PdfReader, PdfWriter

from banquan.certificates import signing
from banquan.certificates.pdf_page import INNER_INSET, PAGE_H, PAGE_W
from banquan.certificates.qr import qr_code
from banquan.certificates.tests.pdf_inspect import qr_image, qr_matrix, text_runs
from banquan.certificates.tests.test_pdf import _pages_text
from banquan.core.errors import DomainError
from banquan.rights import certificates, services
from banquan.rights.certificate_document import PledgeCertificateData, principal_text, term_text
from banquan.rights.certificate_pdf import render_pledge_certificate
from banquan.rights.tests.conftest import file_pledge
from banquan.testing import factories

MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture
def pledge(bank, registrar, work, applicant, reviewer):
    second = factories.registered(applicant, reviewer, title="第二幅画")
    filed = file_pledge(bank, work, second)
    return services.register_pledge(registrar=registrar, pledge_id=filed.pk)


@pytest.fixture
def data() -> PledgeCertificateData:
    return PledgeCertificateData(
        number="2026ZY0000001",
        pledgor="张三",
        pledgee="中国工商银行北京朝阳支行",
        works=[("国作登字-2026-F-00000001", "山水长卷"), ("国作登字-2026-F-00000002", "第二幅画")],
        principal=principal_text(Decimal("5000000.00"), "CNY"),
        term=term_text(date(2026, 12, 1), date(2027, 11, 30)),
        registration_date=date(2026, 11, 24),
        office_name="中国版权保护中心",
        verify_url="https://banquan.example.cn/rights/pledges/verify/2026ZY0000001?s=abc",
        key_id="0123456789abcdef",
        signature="SIG_" + "x" * 82,
    )


def _text(pdf_bytes: bytes) -> str:
    return "".join(_pages_text(pdf_bytes))


def _pages(pdf_bytes: bytes) -> list[bytes]:
    """Each page as a PDF of its own, for pdf_inspect (which reads first pages)."""
    reader, pages = PdfReader(io.BytesIO(pdf_bytes)), []
    for page in reader.pages:
        writer, out = PdfWriter(), io.BytesIO()
        writer.add_page(page)
        writer.write(out)
        pages.append(out.getvalue())
    return pages


def _assert_inside_the_border(pdf_bytes: bytes) -> None:
    for page in _pages(pdf_bytes):
        for x, y, width, text in text_runs(page):
            assert INNER_INSET * MM <= x and x + width <= (PAGE_W - INNER_INSET) * MM, text
            assert INNER_INSET * MM <= y <= (PAGE_H - INNER_INSET) * MM, text


# --- the document, no database -------------------------------------------------------------


def test_amounts_and_terms_as_printed():
    assert principal_text(Decimal("5000000"), "CNY") == "人民币 5,000,000.00 元"
    assert principal_text(Decimal("1000000.5"), "usd") == "USD 1,000,000.50"
    assert term_text(date(2026, 12, 1), date(2027, 11, 30)) == "2026年12月1日至2027年11月30日"


def test_rows_and_statement(data):
    assert data.rows() == [
        ("质权登记号", "2026ZY0000001"),
        ("出质人", "张三"),
        ("质权人", "中国工商银行北京朝阳支行"),
        ("出质作品", "国作登字-2026-F-00000001 山水长卷\n国作登字-2026-F-00000002 第二幅画"),
        ("主债权金额", "人民币 5,000,000.00 元"),
        ("债务履行期限", "2026年12月1日至2027年11月30日"),
        ("登记日期", "2026年11月24日"),
    ]
    assert "经审核，中国版权保护中心对上述著作权质权予以登记。" in data.statement()


def test_pdf_shows_all_fields_and_is_reproducible(data):
    pdf = render_pledge_certificate(data)
    assert pdf == render_pledge_certificate(data)
    text = _text(pdf)
    for expected in [
        "著作权质权登记证书",
        "质权登记号：2026ZY0000001",
        "出质人：张三",
        "质权人：中国工商银行北京朝阳支行",
        "出质作品：国作登字-2026-F-00000001山水长卷国作登字-2026-F-00000002第二幅画",
        "主债权金额：人民币5,000,000.00元",
        "债务履行期限：2026年12月1日至2027年11月30日",
        "登记日期：2026年11月24日",
        "经审核，中国版权保护中心对上述著作权质权予以登记。",
        "扫码验证",
        data.verify_url,
        "0123456789abcdef",
        data.signature,
    ]:
        assert expected in text
    assert "证书版本" not in text
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "著作权质权登记证书 2026ZY0000001" and meta.subject == "2026ZY0000001"


LONG_TITLE = "第{i}部《星河山水长卷与城市记忆》系列数字美术作品合集（高清修订典藏版）"


def test_twelve_long_titled_works_shrink_onto_one_page(data):
    works = [(f"国作登字-2026-F-{i:08d}", LONG_TITLE.format(i=i)) for i in range(1, 13)]
    pdf = render_pledge_certificate(replace(data, works=works))
    pages = _pages_text(pdf)
    assert len(pages) == 1
    for number, title in works:
        assert f"{number}{title}" in pages[0]
    assert "扫码验证" in pages[0] and "对上述著作权质权予以登记。" in pages[0]
    _assert_inside_the_border(pdf)


def test_twelve_longer_titles_wrap_under_their_number_and_continue(data):
    tail = "暨二〇二六年度城市文化遗产数字化保护工程成果"
    works = [(f"国作登字-2026-F-{i:08d}", LONG_TITLE.format(i=i) + tail) for i in range(1, 13)]
    pdf = render_pledge_certificate(replace(data, works=works))
    pages = _pages_text(pdf)
    text = "".join(pages)
    for number, title in works:
        assert f"{number}{title}" in text
    assert "扫码验证" in pages[-1] and "扫码验证" not in "".join(pages[:-1])
    continued = [run for run in text_runs(pdf) if run[3].endswith("保护工程成果") and "国作登字" not in run[3]]
    assert continued  # the title's end goes on a line of its own, not off the page
    _assert_inside_the_border(pdf)


def test_fifty_works_continue_on_a_second_page_with_qr_and_seal_last(data):
    works = [(f"国作登字-2026-F-{i:08d}", f"第{i}部数字美术作品合集（高清修订典藏版）") for i in range(1, 51)]
    pdf = render_pledge_certificate(replace(data, works=works))
    pages = _pages_text(pdf)
    assert len(pages) > 1
    assert "扫码验证" in pages[-1] and "扫码验证" not in "".join(pages[:-1])
    assert all(number in "".join(pages) for number, _ in works)
    _assert_inside_the_border(pdf)


# --- from a registered pledge --------------------------------------------------------------


@pytest.mark.django_db
def test_registered_pledge_renders_its_certificate(pledge, work):
    second = pledge.works.exclude(pk=work.pk).get()
    pdf = certificates.render(pledge)
    text = _text(pdf)
    for expected in [
        "著作权质权登记证书",
        pledge.number,
        "出质人：张三",
        "质权人：中国工商银行北京朝阳支行",
        work.number + work.title,
        second.number + "第二幅画",
        "5,000,000.00",
        "2026年12月1日至2027年11月30日",
        "登记日期：2026年11月24日",
        signing.key_id(),
    ]:
        assert expected in text


@pytest.mark.django_db
def test_qr_code_decodes_to_the_verify_url(pledge):
    payload, signature = certificates.issue(pledge)
    url = certificates.verify_url(pledge, signature)
    assert url == f"{settings.BASE_URL}/rights/pledges/verify/{pledge.number}?s={signature}"
    pdf = certificates.render(pledge)
    matrix = qr_matrix(pdf)
    assert matrix == [list(row) for row in qr_code(url).matrix]
    decoded, _, _ = cv2.QRCodeDetector().detectAndDecode(qr_image(matrix))
    assert decoded == url


@pytest.mark.django_db
def test_payload_is_signed_in_the_canonical_form(pledge, work):
    payload, signature = certificates.issue(pledge)
    assert payload["kind"] == "pledge" and payload["number"] == pledge.number
    assert payload["principal"] == "5000000.00" and payload["currency"] == "CNY"
    assert [work.number, work.title] in payload["works"] and len(payload["works"]) == 2
    assert signing.verify(signing.canonical_payload(payload), signature)


@pytest.mark.django_db
def test_signature_is_valid_until_the_facts_change(pledge):
    _, signature = certificates.issue(pledge)
    assert certificates.signature_valid(pledge, signature)
    tampered = signature[:10] + ("B" if signature[10] == "A" else "A") + signature[11:]  # a byte in the middle
    assert not certificates.signature_valid(pledge, tampered)
    assert not certificates.signature_valid(pledge, "")
    pledge.principal = Decimal("6000000.00")
    assert not certificates.signature_valid(pledge, signature)


@pytest.mark.django_db
def test_signature_of_a_retired_key_still_verifies(pledge):
    from banquan.certificates import keyring

    _, signature = certificates.issue(pledge)
    keyring.rotate()
    assert certificates.signature_valid(pledge, signature)


@pytest.mark.django_db
def test_a_pledge_not_yet_registered_has_no_certificate(bank, work):
    filed = file_pledge(bank, work)
    with pytest.raises(DomainError):
        certificates.render(filed)
    assert not certificates.signature_valid(filed, "x")


def test_the_bank_downloads_the_certificate_and_its_qr_page_verifies(client, bank, registrar, work):
    from banquan.rights import services
    from banquan.rights.tests.conftest import file_pledge

    pledge = services.register_pledge(registrar=registrar, pledge_id=file_pledge(bank, work).pk)
    client.force_login(bank)
    pdf = client.get(f"/rights/pledges/{pledge.pk}/certificate.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    client.logout()
    _, signature = certificates.issue(pledge)
    page = client.get(f"/rights/pledges/verify/{pledge.number}", {"s": signature}).content.decode()
    assert "签名有效" in page and "已登记" in page and work.number in page and "5,000,000" not in page
    services.release_pledge(officer=bank, pledge_id=pledge.pk, reason="已清偿")
    page = client.get(f"/rights/pledges/verify/{pledge.number}", {"s": signature}).content.decode()
    assert "已注销" in page
