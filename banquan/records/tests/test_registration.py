"""Registration numbers issued through the real services, including under concurrency."""

import threading

import pytest
from django.db import connection

from banquan.applications.models import Application
from banquan.records.models import Registration
from banquan.records.numbering import parse_number
from banquan.review import services as review
from banquan.testing import factories


def test_numbers_follow_category_and_year(db, clock, applicant, reviewer):
    art = factories.registered(applicant, reviewer)
    film = factories.registered(applicant, reviewer, category="audiovisual", title="纪录片")
    art2 = factories.registered(applicant, reviewer, title="第二幅画")
    assert art.number == "国作登字-2026-F-00000001"
    assert film.number == "国作登字-2026-I-00000001"
    assert art2.number == "国作登字-2026-F-00000002"


def test_serial_restarts_each_year(db, clock, applicant, reviewer):
    from banquan.testing.fixtures import on_day

    on_day(clock, __import__("datetime").date(2026, 12, 30))
    first = factories.registered(applicant, reviewer)
    on_day(clock, __import__("datetime").date(2027, 1, 4))
    second = factories.registered(applicant, reviewer)
    assert parse_number(first.number) == (2026, "F", 1)
    assert parse_number(second.number) == (2027, "F", 1)


def test_failed_registration_gives_its_number_back(db, clock, applicant, reviewer, monkeypatch):
    from banquan.records import services as records

    factories.registered(applicant, reviewer)
    app = factories.in_review(applicant, reviewer)

    def broken(*args, **kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(records, "index_for_search", broken)
    with pytest.raises(RuntimeError):
        review.approve(reviewer=reviewer, app_id=app.pk, reason="通过")
    monkeypatch.undo()
    assert Application.objects.get(pk=app.pk).status == "in_review"
    again = review.approve(reviewer=reviewer, app_id=app.pk, reason="通过")
    assert again.number.endswith("-00000002")


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_get_unique_gap_free_numbers(clock, applicant, reviewer):
    apps = [factories.in_review(applicant, reviewer, title=f"作品{i}") for i in range(8)]
    barrier = threading.Barrier(len(apps))
    errors: list[BaseException] = []

    def approve(app_id: int) -> None:
        try:
            barrier.wait()
            review.approve(reviewer=reviewer, app_id=app_id, reason="通过")
        except BaseException as e:  # collected and asserted below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(a.pk,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    serials = sorted(Registration.objects.values_list("serial", flat=True))
    assert serials == list(range(1, len(apps) + 1))
