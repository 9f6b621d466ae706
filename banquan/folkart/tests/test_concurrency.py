"""Filings at the same moment, in real concurrent transactions, get distinct numbers with no
gap (the year's counter row is locked by the UPDATE on PostgreSQL; SQLite queues writers)."""

import threading

import pytest
from django.db import connection

from banquan.folkart.models import FolkItem
from banquan.folkart.tests.conftest import file_item
from banquan.testing import factories

THREADS = 6


@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_get_distinct_consecutive_numbers(clock):
    applicants = [factories.UserFactory(role="applicant") for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def run(user) -> None:
        try:
            barrier.wait()
            file_item(user)
        except BaseException as e:  # noqa: BLE001 - reported below
            failures.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(u,)) for u in applicants]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    numbers = sorted(FolkItem.objects.values_list("number", flat=True))
    assert numbers == [f"民预登-2026-{i:06d}" for i in range(1, THREADS + 1)]
