"""The reviewer's application page and its actions (accept, start, decide)."""

import io
import re

import pytest

from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.ledger.models import AuditEntry
from banquan.review import services as review
from banquan.similarity.tests import media_samples
from banquan.testing import factories

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def page(app) -> str:
    return f"/review/{app.pk}/"


def status_of(app) -> str:
    return Application.objects.get(pk=app.pk).status


# --- what the page shows --------------------------------------------------------------------


def test_the_page_shows_the_whole_application(client, clock, applicant, reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    r = client.get(page(app))
    assert r.status_code == 200
    html = r.content.decode()
    assert app.reference in html and "山水长卷" in html and "以水墨长卷表现四季变化" in html
    assert factories.VALID_ID in html  # reviewers see ID numbers in full
    assert "张三" in html and "山人0" in html  # owner, author's signature
    sample = app.samples.get()
    assert f'src="/applications/samples/{sample.uuid}/thumbnail/"' in html
    assert f'href="/applications/samples/{sample.uuid}/"' in html
    assert "提交申请" in html  # the audit history


def test_the_page_has_an_empty_screening_section(client, clock, applicant, reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    html = client.get(page(app)).content.decode()
    section = re.search(r'<section id="screening-results">(.*?)</section>', html, re.S)
    assert section and "自动筛查结果" in section.group(1) and "受理后将自动筛查" in section.group(1)


def test_media_samples_get_players_and_documents_get_links(client, clock, applicant, reviewer):
    app = factories.draft(applicant, with_sample=False)
    mp3 = media_samples.encode_audio(media_samples.melody(1, 2), "mp3", "libmp3lame")  # a real MP3
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    for name, data in (("song.mp3", mp3), ("score.pdf", pdf), ("sample.png", factories.png_bytes())):
        applications.add_sample(applicant=applicant, app_id=app.pk, name=name, file=io.BytesIO(data), size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    client.force_login(reviewer)
    html = client.get(page(app)).content.decode()
    assert "<audio controls" in html and html.count('<img class="thumb"') == 1
    assert "score.pdf</a>" in html


def test_applicants_and_other_roles_get_403(client, clock, applicant):
    app = factories.submitted(applicant)
    client.force_login(applicant)
    assert client.get(page(app)).status_code == 403
    assert client.post(f"{page(app)}accept/").status_code == 403
    client.force_login(factories.UserFactory(role="bank_officer"))
    assert client.get(page(app)).status_code == 403


def test_a_colleagues_application_is_404(client, clock, applicant, reviewer, other_reviewer):
    app = factories.in_review(applicant, reviewer)
    client.force_login(other_reviewer)
    assert client.get(page(app)).status_code == 404
    r = client.post(f"{page(app)}decide/", {"decision": "approve", "reason": "我来批"})
    assert r.status_code == 404
    assert status_of(app) == "in_review"


def test_a_registrar_opens_any_application(client, clock, applicant, reviewer, registrar):
    app = factories.in_review(applicant, reviewer)
    client.force_login(registrar)
    assert client.get(page(app)).status_code == 200


def test_drafts_are_not_shown_to_the_office(client, clock, applicant, reviewer):
    app = factories.draft(applicant)
    client.force_login(reviewer)
    assert client.get(page(app)).status_code == 404


# --- actions --------------------------------------------------------------------------------


def test_accept_and_start_buttons_follow_the_state(client, clock, applicant, reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    html = client.get(page(app)).content.decode()
    assert "受理</button>" in html and "开始审查</button>" not in html
    # Before acceptance the only possible conclusion is a rejection.
    assert 'value="reject"' in html and 'value="approve"' not in html

    r = client.post(f"{page(app)}accept/")
    assert r.status_code == 302 and r["Location"] == page(app)
    html = client.get(page(app)).content.decode()
    assert "已受理。审查期限：" in html
    assert "开始审查</button>" in html and "受理</button>" not in html

    client.post(f"{page(app)}start/")
    app.refresh_from_db()
    assert app.status == "in_review" and app.assigned_to == reviewer


def test_the_whole_review_on_the_page_ends_with_the_registration_number(client, clock, applicant, reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    client.post(f"{page(app)}accept/")
    client.post(f"{page(app)}start/")
    r = client.post(f"{page(app)}decide/", {"decision": "approve", "reason": "材料齐全，符合登记条件。"})
    assert r.status_code == 302
    html = client.get(page(app)).content.decode()
    number = Application.objects.get(pk=app.pk).registration.number
    assert re.fullmatch(r"国作登字-2026-F-\d{8}", number)
    assert f'id="registration-number">{number}<' in html and f"登记号：{number}" in html
    assert "提交审查结论" not in html  # nothing left to decide


def test_a_decision_needs_a_reason(client, clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    client.force_login(reviewer)
    r = client.post(f"{page(app)}decide/", {"decision": "reject", "reason": "   "})
    assert r.status_code == 422
    assert "请填写理由" in r.content.decode()
    assert status_of(app) == "in_review"


def test_a_decision_must_be_chosen(client, clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    client.force_login(reviewer)
    r = client.post(f"{page(app)}decide/", {"reason": "理由"})
    assert r.status_code == 422 and "请选择审查结论。" in r.content.decode()


def test_a_refused_transition_is_shown_beside_the_form_in_chinese(client, clock, applicant, reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    client.post(f"{page(app)}accept/")
    r = client.post(f"{page(app)}accept/")  # a second click, or a colleague was quicker
    assert r.status_code == 409
    html = r.content.decode()
    actions = re.search(r'<section id="actions">(.*?)</section>', html, re.S).group(1)
    assert "申请当前状态为“已受理”，不能受理" in actions


def test_htmx_gets_the_refusal_as_200_and_success_as_a_redirect(client, clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    client.force_login(reviewer)
    r = client.post(f"{page(app)}decide/", {"decision": "approve", "reason": ""}, headers=HTMX)
    assert r.status_code == 200 and "请填写理由" in r.content.decode()
    r = client.post(f"{page(app)}decide/", {"decision": "request_correction", "reason": "请补充草图。"},
                    headers=HTMX)
    assert r.status_code == 204 and r["HX-Redirect"] == page(app)
    assert status_of(app) == "correction_requested"


def test_the_page_shows_correction_rounds_and_waits_for_the_applicant(client, clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    review.request_correction(reviewer=reviewer, app_id=app.pk, reason="请补充创作过程草图。")
    client.force_login(reviewer)
    html = client.get(page(app)).content.decode()
    assert "第 1 次补正" in html and "请补充创作过程草图。" in html and "等待申请人补正" in html
    assert "提交审查结论" not in html

    applications.resubmit(applicant=applicant, app_id=app.pk, response="已补充三张草图。")
    html = client.get(page(app)).content.decode()
    assert "已补充三张草图。" in html and "提交审查结论" in html


def test_every_transition_is_in_the_audit_log_and_on_the_page(client, clock, applicant, reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    client.post(f"{page(app)}accept/")
    client.post(f"{page(app)}start/")
    client.post(f"{page(app)}decide/", {"decision": "reject", "reason": "作品不具有独创性。"})
    entries = AuditEntry.objects.filter(subject=app.subject, action__in=["accept", "start_review", "reject"])
    assert [(e.action, e.actor, e.from_state, e.to_state, e.reason) for e in entries] == [
        ("accept", reviewer, "submitted", "accepted", ""),
        ("start_review", reviewer, "accepted", "in_review", ""),
        ("reject", reviewer, "in_review", "rejected", "作品不具有独创性。"),
    ]
    html = client.get(page(app)).content.decode()
    history = re.search(r'<section id="history">(.*?)</section>', html, re.S).group(1)
    assert "审查中 → 不予登记" in history and "作品不具有独创性。" in history and str(reviewer) in history
