"""Two registrations of the same category and region approved at the same moment, in real
concurrent transactions: both are counted (the upsert adds to the committed value on
PostgreSQL; SQLite's write lock serializes them)."""

import threading

import pytest
from django.db import connection

from banquan.review import services as review
from banquan.stats import metrics as m
from banquan.stats.models import Tally
from banquan.stats.tests.helpers import accepted

ROUNDS = 4


@pytest.mark.django_db(transaction=True)
def test_two_registrations_tallied_at_once_are_both_counted(clock, applicant, reviewer, other_reviewer):
    apps = [(accepted(applicant, reviewer), accepted(applicant, other_reviewer)) for _ in range(ROUNDS)]
    errors: list[BaseException] = []

    def approve(app_id: int, who, barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            review.approve(reviewer=who, app_id=app_id, reason="符合登记条件。")
        except BaseException as e:  # reported below
            errors.append(e)
        finally:
            connection.close()

    for a, b in apps:
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=approve, args=(a.pk, reviewer, barrier)),
                   threading.Thread(target=approve, args=(b.pk, other_reviewer, barrier))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    assert errors == []
    cell = Tally.objects.get(metric=m.REGISTERED, category="fine_art", region="北京")
    total = Tally.objects.get(metric=m.REGISTERED, category="fine_art", region=m.ALL)
    assert cell.count == total.count == 2 * ROUNDS
