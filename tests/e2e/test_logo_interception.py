"""In the browser: a registrar weighs the evidence of an intercepted application (the sample
with the region outlined, the protected mark beside it) and releases it with a reason."""

import io
import re

import numpy as np
import pytest
from PIL import Image

from banquan.applications import services as applications
from banquan.logos import library
from banquan.logos import services as logos
from banquan.logos.tests import synth as s
from banquan.review import services as review
from banquan.testing import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_registrar_releases_an_intercepted_application(browser_page, live_server):
    page, base = browser_page, live_server.url
    library.forget()
    applicant = factories.UserFactory(role="applicant", applicant_kind="person")
    reviewer = factories.UserFactory(role="reviewer")
    registrar = factories.UserFactory(role="registrar", is_staff=True, username="sun")
    arrow = s.mark("arrow", "R", 8)
    logos.add_mark(by=registrar, data=s.png(arrow), filename="arrow.png", brand="箭头 R", owner="乙公司")
    poster = s.png(s.paste(s.artwork(1000, 800, 3), arrow, (500, 350, 400, 400)))
    app = factories.draft(applicant, with_sample=False, title="城市印象")
    applications.add_sample(applicant=applicant, app_id=app.pk, name="poster.png", file=io.BytesIO(poster),
                            size=len(poster))
    applications.submit(applicant=applicant, app_id=app.pk)
    review.accept(reviewer=reviewer, app_id=app.pk)  # jobs run at once here: the check intercepts

    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "sun")
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"^(?!.*login).*$"))
    page.goto(f"{base}/review/{app.pk}/")
    assert page.locator("#app-status").inner_text() == "已拦截"
    finding = page.locator(".logo-finding").first
    assert "箭头 R" in finding.inner_text() and "乙公司" in finding.inner_text()
    evidence = finding.locator("img").first
    evidence.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=evidence.element_handle())
    shot = np.asarray(Image.open(io.BytesIO(evidence.screenshot())).convert("RGB")).astype(int)
    red = (shot[..., 0] > 190) & (shot[..., 1] < 60) & (shot[..., 2] < 60)
    assert red.sum() > 100  # the red outline around the matched region shows

    page.fill("#release-reason", "申请人提交了商标权利人的书面授权。")
    page.click("#release-form button.primary")
    page.wait_for_function("() => document.querySelector('#app-status').innerText === '已受理'")
    history = page.locator("#history").inner_text()
    assert "解除拦截" in history and "申请人提交了商标权利人的书面授权。" in history
