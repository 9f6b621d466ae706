"""The special review group (专项复审组): an application marked for special review, by the
automatic screening or by a reviewer, is registered only after a second approval by a group
member who did not give the first."""

import datetime as dt
import re

import pytest

from banquan.applications.models import Application
from banquan.core.errors import DomainError, InvalidTransition, PermissionDenied
from banquan.ledger.models import AuditEntry
from banquan.records.models import Registration
from banquan.review import queue
from banquan.review import services as review
from banquan.testing import factories
from banquan.testing.api_client import BearerClient
from banquan.workdays import services as workdays
from banquan.workdays.models import DayKind, SpecialDay

pytestmark = pytest.mark.django_db
SCREENING_REASON = "命中“重大革命和历史题材”类别（2 处）"
FIRST_REASON = "材料齐全，作品具有独创性。"
NUMBER = re.compile(r"国作登字-2026-F-\d{8}")


@pytest.fixture
def special_reviewer(db):
    return factories.UserFactory(role="special_reviewer", display_name="专项复审员甲")


@pytest.fixture
def other_special_reviewer(db):
    return factories.UserFactory(role="special_reviewer", display_name="专项复审员乙")


def flagged_in_review(applicant, reviewer, *, reason: str = SCREENING_REASON) -> Application:
    """Accepted, marked by the automatic screening (as it does at acceptance), under review."""
    app = factories.submitted(applicant)
    review.accept(reviewer=reviewer, app_id=app.pk)
    review.require_special_review(app_id=app.pk, reason=reason)
    return review.start_review(reviewer=reviewer, app_id=app.pk)


def in_special_review(applicant, reviewer) -> Application:
    app = flagged_in_review(applicant, reviewer)
    result = review.approve(reviewer=reviewer, app_id=app.pk, reason=FIRST_REASON)
    assert isinstance(result, Application)
    return result


def fresh(app) -> Application:
    return Application.objects.get(pk=app.pk)


# --- marking an application -----------------------------------------------------------------


def test_the_screening_marks_an_application_at_acceptance(clock, applicant, reviewer):
    app = factories.submitted(applicant)
    review.accept(reviewer=reviewer, app_id=app.pk)
    review.require_special_review(app_id=app.pk, reason=SCREENING_REASON)
    app = fresh(app)
    assert app.status == "accepted"  # the state does not change
    assert app.special_review_required and app.special_review_reason == SCREENING_REASON
    entry = AuditEntry.objects.get(subject=app.subject, action="require_special_review")
    assert entry.actor is None and entry.reason == SCREENING_REASON and entry.data == {"source": "screening"}


def test_marking_is_idempotent_and_reasons_are_appended(clock, applicant, reviewer):
    app = factories.submitted(applicant)
    review.require_special_review(app_id=app.pk, reason=SCREENING_REASON)
    review.require_special_review(app_id=app.pk, reason=f"  {SCREENING_REASON}\n")  # the same again
    review.require_special_review(app_id=app.pk, reason="样本涉及重大历史事件", by=reviewer)
    app = fresh(app)
    assert app.special_review_reason.splitlines() == [SCREENING_REASON, "样本涉及重大历史事件"]
    entries = AuditEntry.objects.filter(subject=app.subject, action="require_special_review")
    assert [(e.actor, e.reason) for e in entries] == [(None, SCREENING_REASON), (reviewer, "样本涉及重大历史事件")]


def test_a_reviewer_sends_an_application_to_special_review(clock, applicant, reviewer, other_reviewer):
    app = factories.in_review(applicant, reviewer)
    with pytest.raises(DomainError) as e:
        review.require_special_review(app_id=app.pk, reason="  ", by=reviewer)
    assert e.value.field == "reason"
    with pytest.raises(PermissionDenied):  # assigned to a colleague
        review.require_special_review(app_id=app.pk, reason="重大题材", by=other_reviewer)
    review.require_special_review(app_id=app.pk, reason="作品表现重大历史事件，需专项复审。", by=reviewer)
    assert fresh(app).special_review_required
    assert AuditEntry.objects.get(subject=app.subject, action="require_special_review").actor == reviewer
    # Its approval is now a first approval.
    result = review.approve(reviewer=reviewer, app_id=app.pk, reason=FIRST_REASON)
    assert isinstance(result, Application) and fresh(app).status == "special_review"


def test_a_finished_application_cannot_be_marked(clock, applicant, reviewer):
    reg = factories.registered(applicant, reviewer)
    with pytest.raises(InvalidTransition, match="已登记"):
        review.require_special_review(app_id=reg.application.pk, reason=SCREENING_REASON)
    assert not fresh(reg.application).special_review_required


# --- the first approval ---------------------------------------------------------------------


def test_a_marked_application_approved_by_the_reviewer_waits_for_special_review(clock, applicant, reviewer):
    app = flagged_in_review(applicant, reviewer)
    deadline = fresh(app).deadline
    review.approve(reviewer=reviewer, app_id=app.pk, reason=FIRST_REASON)
    app = fresh(app)
    assert app.status == "special_review"
    assert not Registration.objects.filter(application=app).exists()
    assert app.first_approved_by == reviewer and app.first_approved_at is not None
    assert app.decided_at is None
    assert app.deadline == deadline  # the review clock keeps running


def test_an_unmarked_application_still_registers_on_the_first_approval(clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    reg = review.approve(reviewer=reviewer, app_id=app.pk, reason=FIRST_REASON)
    assert isinstance(reg, Registration) and NUMBER.fullmatch(reg.number)
    app = fresh(app)
    assert app.status == "registered" and app.first_approved_by is None


def test_the_deadline_of_an_application_in_special_review_follows_the_holiday_table(clock, applicant, reviewer):
    app = in_special_review(applicant, reviewer)
    before = fresh(app).deadline
    SpecialDay.objects.create(date=dt.date(2026, 12, 1), kind=DayKind.DAY_OFF, name="演示假日")
    assert workdays.recompute_open_deadlines() >= 1
    assert fresh(app).deadline > before


# --- the second decision --------------------------------------------------------------------


def test_the_first_approver_cannot_give_the_second_approval(clock, applicant, special_reviewer,
                                                             other_special_reviewer):
    # A special review group member may also review an application in the first place...
    app = in_special_review(applicant, special_reviewer)
    # ...but then another member takes the second decision.
    for decide in (review.special_approve, review.special_return, review.special_reject):
        with pytest.raises(PermissionDenied, match="初审审查员"):
            decide(reviewer=special_reviewer, app_id=app.pk, reason="我自己批")
    assert fresh(app).status == "special_review"
    reg = review.special_approve(reviewer=other_special_reviewer, app_id=app.pk, reason="专项复审无异议。")
    assert NUMBER.fullmatch(reg.number)


def test_a_plain_reviewer_or_registrar_cannot_give_the_second_decision(clock, applicant, reviewer, other_reviewer,
                                                                       registrar):
    app = in_special_review(applicant, reviewer)
    for someone in (reviewer, other_reviewer, registrar):
        with pytest.raises(PermissionDenied, match="只有专项复审组成员"):
            review.special_approve(reviewer=someone, app_id=app.pk, reason="通过")
    # Nor can the first reviewer approve again, or reject, while it waits for the group.
    with pytest.raises(InvalidTransition, match="待专项复审"):
        review.approve(reviewer=reviewer, app_id=app.pk, reason="再批一次")
    with pytest.raises(InvalidTransition):
        review.reject(reviewer=reviewer, app_id=app.pk, reason="驳回")
    assert fresh(app).status == "special_review"


def test_a_special_reviewer_approves_and_the_work_is_registered(clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    reg = review.special_approve(reviewer=special_reviewer, app_id=app.pk, reason="专项复审无异议，准予登记。")
    assert NUMBER.fullmatch(reg.number)
    app = fresh(app)
    assert app.status == "registered" and app.decided_at is not None and app.deadline is None
    assert app.first_approved_by == reviewer  # both approvers stay on record


def test_a_second_decision_needs_a_reason(clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    with pytest.raises(InvalidTransition, match="理由"):
        review.special_approve(reviewer=special_reviewer, app_id=app.pk, reason=" ")
    assert fresh(app).status == "special_review"


def test_a_special_reviewer_returns_it_to_the_first_reviewer(clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    review.special_return(reviewer=special_reviewer, app_id=app.pk, reason="请核实样本中的历史事件表述。")
    app = fresh(app)
    assert app.status == "in_review" and app.assigned_to == reviewer
    assert app.special_review_required and app.first_approved_by is None  # the first approval is void
    entry = AuditEntry.objects.get(subject=app.subject, action="special_return")
    assert (entry.actor, entry.from_state, entry.to_state, entry.reason) == (
        special_reviewer, "special_review", "in_review", "请核实样本中的历史事件表述。")
    # The reviewer approves again: back to the group, not registered.
    review.approve(reviewer=reviewer, app_id=app.pk, reason="已核实。")
    assert fresh(app).status == "special_review"


def test_a_special_reviewer_rejects(clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    review.special_reject(reviewer=special_reviewer, app_id=app.pk, reason="内容不宜登记。")
    app = fresh(app)
    assert app.status == "rejected" and app.deadline is None and app.decided_at is not None


def test_both_decisions_are_in_the_audit_log(clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    reg = review.special_approve(reviewer=special_reviewer, app_id=app.pk, reason="专项复审无异议。")
    entries = AuditEntry.objects.filter(
        subject=app.subject, action__in=["require_special_review", "first_approve", "special_approve", "register"])
    assert [(e.action, e.actor, e.from_state, e.to_state, e.reason) for e in entries] == [
        ("require_special_review", None, "", "", SCREENING_REASON),
        ("first_approve", reviewer, "in_review", "special_review", FIRST_REASON),
        ("special_approve", special_reviewer, "special_review", "approved", "专项复审无异议。"),
        ("register", special_reviewer, "approved", "registered", ""),
    ]
    assert entries[2].data == {"first_approved_by": reviewer.username}
    assert entries[3].data == {"number": reg.number}
    assert all(e.at is not None for e in entries)


# --- who sees what --------------------------------------------------------------------------


def test_the_special_review_queue(client, clock, applicant, reviewer, special_reviewer, other_special_reviewer,
                                  registrar):
    waiting = in_special_review(applicant, reviewer)
    own = in_special_review(applicant, special_reviewer)  # only other members may decide this one
    marked = flagged_in_review(applicant, reviewer)  # not yet approved: not in the special queue
    plain = factories.in_review(applicant, reviewer)

    assert set(queue.special_queue_for(other_special_reviewer)) == {waiting, own}
    assert set(queue.special_queue_for(special_reviewer)) == {waiting}
    assert set(queue.special_queue_for(registrar)) == {waiting, own}
    assert not queue.special_queue_for(reviewer).exists()

    client.force_login(special_reviewer)
    html = client.get("/review/", {"special": "1"}).content.decode()
    assert "专项复审（1）" in html and waiting.reference in html and own.reference not in html
    assert marked.reference not in html and "待专项复审" in html

    # The normal queue marks applications that will need special review.
    client.force_login(reviewer)
    html = client.get("/review/").content.decode()
    rows = {m.group(1): m.group(2) for m in re.finditer(r'data-reference="([^"]+)">(.*?)</tr>', html, re.S)}
    assert "badge special-review" in rows[marked.reference] and "badge special-review" in rows[waiting.reference]
    assert "badge special-review" not in rows[plain.reference]
    # A plain reviewer has no special review tab; the parameter is ignored.
    assert "专项复审（" not in html
    assert plain.reference in client.get("/review/", {"special": "1"}).content.decode()


def test_the_special_review_group_opens_marked_applications_of_colleagues(client, clock, applicant, reviewer,
                                                                          special_reviewer):
    app = in_special_review(applicant, reviewer)
    unmarked = factories.in_review(applicant, reviewer)
    client.force_login(special_reviewer)
    assert client.get(f"/review/{app.pk}/").status_code == 200
    assert client.get(f"/review/{unmarked.pk}/").status_code == 404


# --- the pages ------------------------------------------------------------------------------


def test_the_page_shows_the_banner_and_the_first_approval(client, clock, applicant, reviewer):
    app = flagged_in_review(applicant, reviewer)
    client.force_login(reviewer)
    html = client.get(f"/review/{app.pk}/").content.decode()
    banner = re.search(r'<section id="special-review".*?</section>', html, re.S).group(0)
    assert "需专项复审" in banner and SCREENING_REASON in banner and "自动筛查" in banner
    assert 'id="first-approval"' not in banner
    assert "初审通过，送专项复审" in html  # the approve choice says where it leads
    assert 'id="special-review-form"' not in html  # already marked

    r = client.post(f"/review/{app.pk}/decide/", {"decision": "approve", "reason": FIRST_REASON})
    assert r.status_code == 302
    html = client.get(f"/review/{app.pk}/").content.decode()
    assert fresh(app).status == "special_review"
    assert "初审通过，已送专项复审组复审" in html
    assert re.search(rf'id="first-approval">初审通过：{reviewer}（2026-11-24 10:00）', html)
    assert "等待专项复审组复审" in html and 'id="decision-form"' not in html
    assert 'id="app-status">待专项复审<' in html


def test_an_unmarked_page_has_no_banner_and_offers_sending(client, clock, applicant, reviewer, other_reviewer):
    app = factories.in_review(applicant, reviewer)
    client.force_login(reviewer)
    html = client.get(f"/review/{app.pk}/").content.decode()
    assert 'id="special-review"' not in html and 'id="special-review-form"' in html

    r = client.post(f"/review/{app.pk}/special-review/", {"reason": "  "})
    assert r.status_code == 422 and "请填写送专项复审的理由。" in r.content.decode()
    r = client.post(f"/review/{app.pk}/special-review/", {"reason": "样本涉及重大历史事件。"})
    assert r.status_code == 302
    html = client.get(f"/review/{app.pk}/").content.decode()
    banner = re.search(r'<section id="special-review".*?</section>', html, re.S).group(0)
    assert "样本涉及重大历史事件。" in banner and str(reviewer) in banner
    assert "已送专项复审" in html
    # A colleague cannot (the application is assigned): 404 as for any of its actions.
    client.force_login(other_reviewer)
    assert client.post(f"/review/{app.pk}/special-review/", {"reason": "x"}).status_code == 404


def test_a_special_reviewer_decides_on_the_page(client, clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    client.force_login(special_reviewer)
    html = client.get(f"/review/{app.pk}/").content.decode()
    assert 'id="special-decision-form"' in html and 'id="special-review"' in html
    assert "专项复审通过" in html and "专项复审退回" in html and "专项复审不予登记" in html
    assert 'id="first-approval"' in html and str(reviewer) in html

    r = client.post(f"/review/{app.pk}/special-decide/", {"decision": "special_approve", "reason": ""})
    assert r.status_code == 422 and "请填写理由" in r.content.decode()
    r = client.post(f"/review/{app.pk}/special-decide/", {"reason": "好"})
    assert r.status_code == 422 and "请选择专项复审结论。" in r.content.decode()
    r = client.post(f"/review/{app.pk}/special-decide/",
                    {"decision": "special_approve", "reason": "专项复审无异议。"})
    assert r.status_code == 302
    html = client.get(f"/review/{app.pk}/").content.decode()
    number = fresh(app).registration.number
    assert NUMBER.fullmatch(number) and f"专项复审通过，已登记。登记号：{number}" in html
    history = re.search(r'<section id="history">(.*?)</section>', html, re.S).group(1)
    assert "初审通过，送专项复审" in history and "专项复审通过" in history
    assert "审查中 → 待专项复审" in history and "待专项复审 → 审查通过" in history


def test_a_special_reviewer_returns_it_on_the_page_with_htmx(client, clock, applicant, reviewer, special_reviewer):
    app = in_special_review(applicant, reviewer)
    client.force_login(special_reviewer)
    r = client.post(f"/review/{app.pk}/special-decide/",
                    {"decision": "special_return", "reason": "请核实作品名称。"}, headers={"HX-Request": "true"})
    assert r.status_code == 204 and r["HX-Redirect"] == f"/review/{app.pk}/"
    assert fresh(app).status == "in_review"
    client.force_login(reviewer)
    html = client.get(f"/review/{app.pk}/").content.decode()
    assert "请核实作品名称。" in html and 'id="decision-form"' in html


def test_who_may_not_decide_gets_no_form_and_a_refusal(client, clock, applicant, reviewer, special_reviewer,
                                                       other_special_reviewer):
    app = in_special_review(applicant, special_reviewer)
    client.force_login(special_reviewer)  # the first approver
    html = client.get(f"/review/{app.pk}/").content.decode()
    assert 'id="special-decision-form"' not in html and "专项复审须由专项复审组的其他成员作出" in html
    r = client.post(f"/review/{app.pk}/special-decide/", {"decision": "special_approve", "reason": "好"})
    assert r.status_code == 403 and "专项复审须由专项复审组的其他成员作出" in r.content.decode()

    other = in_special_review(applicant, reviewer)
    client.force_login(reviewer)  # a plain reviewer: the first reviewer of ``other``
    r = client.post(f"/review/{other.pk}/special-decide/", {"decision": "special_approve", "reason": "好"})
    assert r.status_code == 403 and "只有专项复审组成员可以作出专项复审决定。" in r.content.decode()
    assert fresh(app).status == fresh(other).status == "special_review"


# --- the applicant's view -------------------------------------------------------------------


def test_the_applicant_sees_special_review_in_progress_without_the_reasons(client, clock, applicant, reviewer):
    app = in_special_review(applicant, reviewer)
    client.force_login(applicant)
    html = client.get(f"/applications/{app.pk}/").content.decode()
    assert "专项复审中" in html and "待专项复审" not in html
    assert SCREENING_REASON not in html  # the screening's findings are the office's
    assert FIRST_REASON in html
    assert "专项复审中" in client.get("/applications/").content.decode()
    body = BearerClient(applicant).get(f"/api/v1/applications/{app.pk}").json()
    assert body["status"] == "special_review" and body["status_label"] == "专项复审中"
    assert "special_review_reasons" not in body


# --- the API --------------------------------------------------------------------------------


def test_the_api_sends_to_special_review_and_takes_the_second_decision(clock, applicant, reviewer,
                                                                      special_reviewer):
    app = factories.in_review(applicant, reviewer)
    rita, sam = BearerClient(reviewer), BearerClient(special_reviewer)
    r = rita.post(f"/api/v1/review/{app.pk}/special-review", {"reason": ""})
    assert r.status_code == 422 and r.json()["errors"] == {"reason": ["请填写送专项复审的理由。"]}
    body = rita.post(f"/api/v1/review/{app.pk}/special-review", {"reason": "重大历史题材"}).json()
    assert body["special_review_required"] is True and body["special_review_reasons"] == ["重大历史题材"]

    body = rita.post(f"/api/v1/review/{app.pk}/decision", {"decision": "approve", "reason": FIRST_REASON}).json()
    assert body["status"] == "special_review" and body["status_label"] == "待专项复审"
    assert body["first_approved_by"] == str(reviewer) and body["registration_number"] is None

    items = sam.get("/api/v1/review/queue", special="true").json()
    assert [i["id"] for i in items] == [app.pk] and items[0]["special_review_required"] is True
    assert rita.get("/api/v1/review/queue", special="true").status_code == 403

    r = rita.post(f"/api/v1/review/{app.pk}/special-decision", {"decision": "special_approve", "reason": "好"})
    assert r.status_code == 403
    r = sam.post(f"/api/v1/review/{app.pk}/special-decision", {"decision": "special_approve", "reason": " "})
    assert r.status_code == 422 and r.json()["errors"] == {"reason": ["“专项复审通过”必须填写理由。"]}
    r = sam.post(f"/api/v1/review/{app.pk}/special-decision", {"decision": "approve", "reason": "好"})
    assert r.status_code == 422
    r = sam.post(f"/api/v1/review/{app.pk}/special-decision",
                 {"decision": "special_approve", "reason": "专项复审无异议。"})
    assert r.status_code == 200
    assert r.json()["status"] == "registered" and NUMBER.fullmatch(r.json()["registration_number"])


def test_no_approval_while_the_screening_is_still_reading(clock, applicant, reviewer):
    from banquan.screening import services as screening

    app = factories.in_review(applicant, reviewer)
    screening.start_run(app_id=app.pk, trigger="manual", by=reviewer)  # queued, not yet run
    with pytest.raises(DomainError, match="自动筛查尚未完成"):
        review.approve(reviewer=reviewer, app_id=app.pk, reason=FIRST_REASON)
    assert fresh(app).status == "in_review"
