"""One journey through the browser: an applicant files a work, a reviewer accepts, reviews
and approves it, the certificate PDF is issued, and its QR page verifies it."""

import io
import re

import pytest
from PIL import Image

from banquan.certificates.models import Certificate
from banquan.records.models import Registration
from banquan.testing import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"^(?!.*login).*$"))


def _logout(page):
    page.click("header form[action*='logout'] button")


def _fill(page, name: str, value: str):
    field = page.locator(f"#application-form [name='{name}']").first
    kind = field.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
    if kind.endswith(":radio"):
        page.check(f"#application-form [name='{name}'][value='{value}']")
    elif kind.startswith("select"):
        field.select_option(value)
    else:
        field.fill(value)


def test_apply_review_register_verify(browser_page, live_server, tmp_path):
    page, base = browser_page, live_server.url
    applicant = factories.UserFactory(role="applicant", applicant_kind="person", username="zhang")
    factories.UserFactory(role="reviewer", username="li")

    # The applicant fills in the official form and saves a draft.
    _login(page, base, "zhang")
    page.goto(f"{base}/applications/new/")
    fields = factories.complete_fields(title="秋山行旅图")
    for name, value in fields.items():
        _fill(page, name, value.isoformat() if hasattr(value, "isoformat") else str(value))
    author = factories.authors()[0]
    owner = factories.owners()[0]
    for key, value in author.items():
        _fill(page, f"authors-0-{key}", value)
    for key, value in owner.items():
        _fill(page, f"owners-0-{key}", value)
    page.click(".form-actions button[value=save]")
    page.wait_for_url(re.compile(r"/applications/\d+/edit/"))

    # A sample image is uploaded, then the application is submitted.
    sample = tmp_path / "秋山.png"
    Image.new("RGB", (320, 200), (30, 90, 160)).save(sample)
    page.set_input_files("form.upload input[type=file]", str(sample))
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("text=秋山.png")
    page.click(".form-actions button[value=submit]")
    page.wait_for_selector("text=已提交")
    _logout(page)

    # The reviewer accepts, starts the review and approves with a reason.
    _login(page, base, "li")
    page.goto(f"{base}/review/")
    page.click("tr:has-text('秋山行旅图') a")
    page.click("button[value=accept]")
    page.wait_for_selector("text=已受理")
    page.click("button[value=start_review]")
    page.wait_for_selector("input[name=decision][value=approve]")
    page.check("input[name=decision][value=approve]")
    page.fill("textarea[name=reason]", "材料齐全，作品具有独创性，准予登记。")
    page.click("text=提交审查结论")
    page.wait_for_selector("text=国作登字-")
    reg = Registration.objects.get(application__applicant=applicant)
    assert re.fullmatch(r"国作登字-\d{4}-F-\d{8}", reg.number)
    assert page.locator(f"text={reg.number}").count() >= 1
    _logout(page)

    # The applicant downloads the certificate PDF.
    _login(page, base, "zhang")
    pdf = page.request.get(f"{base}/verify/{reg.number}/certificate.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # Scanning the QR code opens the public page: signature valid, status valid, ID masked.
    cert = Certificate.objects.get(registration=reg)
    page.goto(cert.verify_url)
    body = page.inner_text("main")
    assert reg.number in body and "秋山行旅图" in body
    assert "签名有效" in body
    assert "有效" in body
    assert owner["id_number"] not in page.content()
    assert page.locator("img").count() >= 1
    src = page.locator("main img").first.get_attribute("src") or ""
    thumb = page.request.get(src if src.startswith("http") else base + src)
    assert thumb.ok
    Image.open(io.BytesIO(thumb.body())).verify()
