"""Software registration and certificate numbers under concurrent approvals (real transactions:
on PostgreSQL the counter row lock queues them; on SQLite the write lock does)."""

import threading

import pytest
from django.db import connection

from banquan.applications import services as applications
from banquan.records.models import Registration
from banquan.review import services as review
from banquan.software import numbering
from banquan.testing import factories
from banquan.testing import software as sw


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_get_unique_gap_free_software_numbers(clock, applicant, reviewer):
    apps = []
    for i in range(6):
        app = sw.draft(applicant, tree="waitress", title=f"星河{'甲乙丙丁戊己'[i]}排课系统")
        applications.submit(applicant=applicant, app_id=app.pk)
        review.accept(reviewer=reviewer, app_id=app.pk)
        apps.append(review.start_review(reviewer=reviewer, app_id=app.pk))
    works = [factories.in_review(applicant, reviewer, title=f"作品{i}") for i in range(2)]
    barrier = threading.Barrier(len(apps) + len(works))
    errors: list[BaseException] = []

    def approve(app_id: int) -> None:
        try:
            barrier.wait()
            review.approve(reviewer=reviewer, app_id=app_id, reason="通过")
        except BaseException as e:  # collected and asserted below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(a.pk,)) for a in apps + works]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    software = Registration.objects.filter(category="software")
    serials = sorted(numbering.parse_registration_number(r.number)[1] for r in software)
    certificates = sorted(numbering.parse_certificate_number(r.data["software"]["certificate_number"])
                          for r in software)
    assert serials == certificates == list(range(1, len(apps) + 1))
    assert sorted(Registration.objects.exclude(category="software").values_list("serial", flat=True)) == [1, 2]
