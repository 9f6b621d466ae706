"""The application page after submission: status and deadline, answering a correction
request (补正), withdrawal, history and the certificate link."""

import pytest
from django.urls import reverse

from banquan.applications.models import Application
from banquan.applications.tests.form_data import form_post
from banquan.review import services as review
from banquan.testing import factories

pytestmark = pytest.mark.django_db
REQUEST = "请补充作品创作过程的说明，并上传清晰的样本。"


@pytest.fixture
def browser(client, applicant, clock):
    client.force_login(applicant)
    return client


@pytest.fixture
def correction_requested(applicant, reviewer, clock):
    app = factories.in_review(applicant, reviewer)
    return review.request_correction(reviewer=reviewer, app_id=app.pk, reason=REQUEST)


def test_accepted_application_shows_its_deadline(browser, applicant, reviewer):
    app = factories.submitted(applicant)
    app = review.accept(reviewer=reviewer, app_id=app.pk)
    html = browser.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "已受理" in html
    assert app.deadline.isoformat() in html
    assert ("（暂定）" in html) == app.deadline_provisional


def test_a_provisional_deadline_is_marked(browser, applicant, reviewer):
    app = factories.submitted(applicant)
    review.accept(reviewer=reviewer, app_id=app.pk)
    Application.objects.filter(pk=app.pk).update(deadline_provisional=True)
    html = browser.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "（暂定）" in html


def test_correction_request_is_shown_with_the_paused_clock(browser, correction_requested):
    html = browser.get(reverse("applications:detail", args=[correction_requested.pk])).content.decode()
    assert REQUEST in html
    assert "审查期限暂停（等待补正）" in html
    assert f'action="{reverse("applications:resubmit", args=[correction_requested.pk])}"' in html


def test_answering_a_correction_after_editing_the_application(browser, correction_requested):
    app = correction_requested
    html = browser.get(reverse("applications:edit", args=[app.pk])).content.decode()
    assert REQUEST in html and "提交补正" in html
    body = form_post({"process": "补充：2025 年冬写生草稿十二幅，2026 年春定稿。"}, initial_authors=1,
                     initial_owners=1, response="已补充创作过程说明。")
    r = browser.post(reverse("applications:submit", args=[app.pk]), body)
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.status == "resubmitted"
    assert app.process.startswith("补充")
    correction = app.corrections.get()
    assert correction.response == "已补充创作过程说明。" and correction.received_on is not None


def test_a_correction_answer_needs_an_explanation(browser, correction_requested):
    app = correction_requested
    r = browser.post(reverse("applications:submit", args=[app.pk]),
                     form_post({"title": "改了名"}, initial_authors=1, initial_owners=1, response=""))
    assert r.status_code == 400
    assert "必填" in r.content.decode()
    app.refresh_from_db()
    assert (app.status, app.title) == ("correction_requested", "山水长卷")


def test_answering_from_the_application_page(browser, correction_requested):
    app = correction_requested
    r = browser.post(reverse("applications:resubmit", args=[app.pk]), {"response": "材料无需修改，特此说明。"})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.status == "resubmitted"
    html = browser.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "材料无需修改，特此说明。" in html  # in the correction record and the history


def test_answering_with_an_incomplete_application_lists_what_is_missing(browser, applicant, correction_requested):
    app = correction_requested
    browser.post(reverse("applications:sample_remove", args=[app.pk, app.samples.get().pk]))
    r = browser.post(reverse("applications:resubmit", args=[app.pk]), {"response": "已修改。"})
    assert r.status_code == 400
    assert "请至少上传一个作品样本" in r.content.decode()
    app.refresh_from_db()
    assert app.status == "correction_requested"


def test_withdrawal_needs_a_reason(browser, applicant):
    app = factories.submitted(applicant)
    r = browser.post(reverse("applications:withdraw", args=[app.pk]), {"reason": ""})
    assert r.status_code == 400 and "必填" in r.content.decode()
    app.refresh_from_db()
    assert app.status == "submitted"
    r = browser.post(reverse("applications:withdraw", args=[app.pk]), {"reason": "作品另有安排。"})
    app.refresh_from_db()
    assert app.status == "withdrawn"
    html = browser.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "作品另有安排。" in html and "撤回申请" in html
    assert f'action="{reverse("applications:withdraw", args=[app.pk])}"' not in html


def test_history_shows_each_step(browser, applicant, correction_requested):
    html = browser.get(reverse("applications:detail", args=[correction_requested.pk])).content.decode()
    history = html[html.index("办理记录"):]
    for step in ("创建草稿", "上传文件", "提交申请", "受理", "开始审查", "要求补正"):
        assert step in history, step
    assert "审查员" in history  # the office by role, not a staff member's name


def test_registered_application_links_to_its_certificate(browser, applicant, reviewer):
    registration = factories.registered(applicant, reviewer)
    html = browser.get(reverse("applications:detail", args=[registration.application_id])).content.decode()
    assert registration.number in html
    assert reverse("verify:certificate_pdf", kwargs={"number": registration.number}) in html
    listing = browser.get(reverse("applications:list")).content.decode()
    assert registration.number in listing and "已登记" in listing
