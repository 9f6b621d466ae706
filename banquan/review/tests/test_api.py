"""The reviewer's JSON API: acceptance, review and decisions, and what it refuses."""

import pytest

from banquan.applications.models import Application
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db
REVIEW = "/api/v1/review"


@pytest.fixture
def rita(reviewer, clock):
    return BearerClient(reviewer)


@pytest.fixture
def otto(other_reviewer, clock):
    return BearerClient(other_reviewer)


def test_accept_start_and_reject(rita, applicant, reviewer):
    app = factories.submitted(applicant)
    assert rita.post(f"{REVIEW}/{app.pk}/accept").json()["status"] == "accepted"
    body = rita.post(f"{REVIEW}/{app.pk}/start").json()
    assert body["status"] == "in_review"
    r = rita.post(f"{REVIEW}/{app.pk}/decision", {"decision": "reject", "reason": "作品不具有独创性。"})
    assert r.status_code == 200
    assert r.json()["status"] == "rejected" and r.json()["registration_number"] is None


def test_a_rejection_without_a_reason_is_refused(rita, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    for reason in ("", "   "):
        r = rita.post(f"{REVIEW}/{app.pk}/decision", {"decision": "reject", "reason": reason})
        assert r.status_code == 422
        assert r.json()["errors"] == {"reason": ["“不予登记”必须填写理由。"]}
    r = rita.post(f"{REVIEW}/{app.pk}/decision", {"decision": "reject"})
    assert r.status_code == 422
    assert Application.objects.get(pk=app.pk).status == "in_review"


def test_an_unknown_decision_is_422(rita, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    r = rita.post(f"{REVIEW}/{app.pk}/decision", {"decision": "maybe", "reason": "嗯"})
    assert r.status_code == 422


def test_another_reviewer_cannot_decide_an_assigned_application(otto, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    r = otto.post(f"{REVIEW}/{app.pk}/decision", {"decision": "approve", "reason": "我来批。"})
    assert r.status_code == 404
    assert otto.get(f"{REVIEW}/{app.pk}").status_code == 404
    assert Application.objects.get(pk=app.pk).status == "in_review"


def test_a_registrar_may_decide_any_application(registrar, applicant, reviewer, clock):
    app = factories.in_review(applicant, reviewer)
    r = BearerClient(registrar).post(f"{REVIEW}/{app.pk}/decision",
                                     {"decision": "approve", "reason": "材料齐全。"})
    assert r.status_code == 200 and r.json()["registration_number"].startswith("国作登字-2026-F-")


def test_an_invalid_transition_is_409_in_chinese(rita, applicant, reviewer):
    app = factories.registered(applicant, reviewer)
    r = rita.post(f"{REVIEW}/{app.application.pk}/decision", {"decision": "approve", "reason": "再批一次"})
    assert r.status_code == 409
    assert r.json()["detail"].startswith("申请当前状态为“已登记”，不能审查通过")


def test_drafts_are_invisible_to_the_office(rita, applicant):
    # A draft has not reached the office yet; acting on it is answered as if it did not exist.
    app = factories.draft(applicant)
    r = rita.post(f"{REVIEW}/{app.pk}/decision", {"decision": "approve", "reason": "好"})
    assert r.status_code == 404


def test_the_review_api_is_for_the_office_only(applicant, clock):
    app = factories.submitted(applicant)
    r = BearerClient(applicant).post(f"{REVIEW}/{app.pk}/accept")
    assert r.status_code == 403
    assert r.json()["detail"] == "只有审查员或登记管理员可以使用审查接口。"
    assert Application.objects.get(pk=app.pk).status == "submitted"


def test_the_reviewer_sees_full_id_numbers(rita, applicant):
    app = factories.submitted(applicant)
    body = rita.get(f"{REVIEW}/{app.pk}").json()
    assert body["owners"][0]["id_number"] == factories.VALID_ID
    assert body["samples"][0]["media_type"] == "image"
