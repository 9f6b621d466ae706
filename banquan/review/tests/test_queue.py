"""The reviewer's work queue: who sees what, in which order, with which deadline badges."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from banquan.review import queue
from banquan.review import services as review
from banquan.testing import factories
from banquan.testing.api_client import BearerClient
from banquan.testing.fixtures import on_day
from banquan.workdays import arith

pytestmark = pytest.mark.django_db
QUEUE = "/review/"


def refs(response) -> list[str]:
    """The application references on the queue page, top to bottom."""
    html = response.content.decode()
    return [part.split('"', 1)[0] for part in html.split('data-reference="')[1:]]


def accepted_on(day: dt.date, clock, applicant, reviewer, **fields):
    on_day(clock, day)
    app = factories.submitted(applicant, **fields)
    return review.accept(reviewer=reviewer, app_id=app.pk)


# --- badges (pure) --------------------------------------------------------------------------

WEEKDAYS = arith.TableCalendar()


@pytest.mark.parametrize(("deadline", "provisional", "expected"), [
    (dt.date(2026, 11, 23), False, ["overdue"]),
    (dt.date(2026, 11, 24), False, ["due-soon"]),  # due today
    (dt.date(2026, 12, 1), False, ["due-soon"]),  # 5 working days away
    (dt.date(2026, 12, 2), False, []),  # 6 working days away
    (dt.date(2027, 1, 20), True, ["provisional"]),
    (None, False, []),
])
def test_deadline_badges(deadline, provisional, expected):
    found = queue.deadline_badges(deadline, provisional, today=dt.date(2026, 11, 24), cal=WEEKDAYS,
                                  due_soon_days=5)
    assert found == expected


# --- who sees what --------------------------------------------------------------------------


def test_a_reviewer_sees_unassigned_and_own_work_but_not_a_colleagues(
    client, clock, applicant, reviewer, other_reviewer,
):
    unassigned = factories.submitted(applicant, title="未分配")
    mine = factories.in_review(applicant, reviewer, title="我的")
    theirs = factories.in_review(applicant, other_reviewer, title="同事的")
    waiting = factories.in_review(applicant, reviewer, title="等待补正")
    review.request_correction(reviewer=reviewer, app_id=waiting.pk, reason="请补充样本。")
    theirs_waiting = factories.in_review(applicant, other_reviewer, title="同事的补正")
    review.request_correction(reviewer=other_reviewer, app_id=theirs_waiting.pk, reason="请补充样本。")
    factories.draft(applicant, title="草稿")
    factories.registered(applicant, reviewer, title="已登记")

    client.force_login(reviewer)
    r = client.get(QUEUE)
    assert r.status_code == 200
    assert set(refs(r)) == {unassigned.reference, mine.reference, waiting.reference}
    assert theirs.reference not in r.content.decode()


def test_a_registrar_sees_every_open_application(client, clock, applicant, reviewer, other_reviewer, registrar):
    apps = [factories.submitted(applicant), factories.in_review(applicant, reviewer),
            factories.in_review(applicant, other_reviewer)]
    review.request_correction(reviewer=other_reviewer, app_id=apps[2].pk, reason="请补充。")
    factories.registered(applicant, reviewer)
    client.force_login(registrar)
    assert set(refs(client.get(QUEUE))) == {a.reference for a in apps}


@pytest.mark.parametrize("role", ["applicant", "court_officer", "bank_officer"])
def test_the_workbench_is_for_the_office_only(client, db, role):
    client.force_login(factories.UserFactory(role=role))
    assert client.get(QUEUE).status_code == 403


def test_the_workbench_needs_a_login(client, db):
    r = client.get(QUEUE)
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


# --- order and badges -----------------------------------------------------------------------


def test_the_queue_is_sorted_by_deadline_and_marks_urgent_ones(client, clock, applicant, reviewer):
    # Accepted a working week apart, so their 25-working-day deadlines are a week apart too.
    fresh = accepted_on(dt.date(2026, 11, 20), clock, applicant, reviewer, title="新受理")
    late = accepted_on(dt.date(2026, 10, 12), clock, applicant, reviewer, title="早受理")
    soon = accepted_on(dt.date(2026, 10, 19), clock, applicant, reviewer, title="稍晚受理")
    on_day(clock, dt.date(2026, 11, 21))
    newer = factories.submitted(applicant, title="未受理（后提交）")
    on_day(clock, dt.date(2026, 11, 20))
    new = factories.submitted(applicant, title="未受理（先提交）")
    for app in (late, soon, fresh):
        app.refresh_from_db()
    assert late.deadline < soon.deadline < fresh.deadline

    # The day after the first deadline: it is overdue, the second is due within 5 working days.
    on_day(clock, late.deadline + dt.timedelta(days=1))
    client.force_login(reviewer)
    r = client.get(QUEUE)
    # Not yet accepted first (oldest submission first), then by deadline.
    assert refs(r) == [new.reference, newer.reference, late.reference, soon.reference, fresh.reference]
    rows = {row.app.pk: row for row in queue.rows(queue.queue_for(reviewer))}
    assert rows[late.pk].overdue and not rows[late.pk].due_soon
    assert rows[soon.pk].due_soon and not rows[soon.pk].overdue
    assert not (rows[fresh.pk].overdue or rows[fresh.pk].due_soon)
    assert rows[new.pk].badges == []
    html = r.content.decode()
    assert html.count('class="badge overdue"') == 1 and html.count('class="badge due-soon"') == 1


def test_the_queue_marks_due_soon(client, clock, applicant, reviewer):
    app = accepted_on(dt.date(2026, 10, 12), clock, applicant, reviewer)
    app.refresh_from_db()
    on_day(clock, app.deadline - dt.timedelta(days=2))
    client.force_login(reviewer)
    html = client.get(QUEUE).content.decode()
    assert 'class="badge due-soon"' in html and 'class="badge overdue"' not in html


def test_filters_by_status_and_category(client, clock, applicant, reviewer):
    painting = factories.submitted(applicant, title="画")
    photo = factories.submitted(applicant, title="照片", category="photography")
    started = factories.in_review(applicant, reviewer, title="审查中的画")
    client.force_login(reviewer)
    assert refs(client.get(QUEUE, {"category": "photography"})) == [photo.reference]
    assert refs(client.get(QUEUE, {"status": "in_review"})) == [started.reference]
    assert set(refs(client.get(QUEUE, {"status": "submitted", "category": "fine_art"}))) == {painting.reference}
    # Unknown filter values are ignored rather than failing.
    assert len(refs(client.get(QUEUE, {"status": "bogus"}))) == 3


def test_the_queue_shows_chinese_category_and_status(client, clock, applicant, reviewer):
    factories.submitted(applicant)
    client.force_login(reviewer)
    html = client.get(QUEUE).content.decode()
    assert "美术" in html and "已提交" in html


def test_the_queue_does_not_query_per_row(client, clock, applicant, reviewer, django_assert_max_num_queries):
    client.force_login(reviewer)
    factories.submitted(applicant)
    with CaptureQueriesContext(connection) as one_row:
        assert client.get(QUEUE).status_code == 200
    for i in range(6):
        factories.in_review(factories.UserFactory(role="applicant"), reviewer, title=f"作品{i}")
    with django_assert_max_num_queries(len(one_row.captured_queries)):
        r = client.get(QUEUE)
    assert len(refs(r)) == 7


# --- the same queue by API ------------------------------------------------------------------


def test_the_queue_by_api(clock, applicant, reviewer, other_reviewer):
    late = accepted_on(dt.date(2026, 10, 12), clock, applicant, reviewer)
    new = factories.submitted(applicant)
    factories.in_review(applicant, other_reviewer)
    late.refresh_from_db()
    on_day(clock, late.deadline + dt.timedelta(days=1))
    items = BearerClient(reviewer).get("/api/v1/review/queue").json()
    assert [i["id"] for i in items] == [new.pk, late.pk]
    assert "overdue" in items[1]["badges"] and items[1]["category_label"] == "美术"
    assert items[0]["status_label"] == "已提交"


def test_the_queue_api_is_for_the_office_only(clock, applicant):
    r = BearerClient(applicant).get("/api/v1/review/queue")
    assert r.status_code == 403
