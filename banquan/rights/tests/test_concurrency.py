"""A seizure and a pledge registration on the same work at the same moment, in real concurrent
transactions (on PostgreSQL the registration row lock serializes them; SQLite's write lock
does): either the seizure commits first and the pledge is refused, or the pledge is entered
first and the seizure is recorded over it. Never a pledge entered on a seized work."""

import threading

import pytest
from django.db import connection

from banquan.core.errors import DomainError
from banquan.ledger.models import AuditEntry
from banquan.records.models import Registration
from banquan.rights import services
from banquan.rights.models import Pledge, Seizure
from banquan.rights.tests.conftest import file_pledge
from banquan.testing import factories

ROUNDS = 8


@pytest.mark.django_db(transaction=True)
def test_seizure_and_pledge_at_the_same_moment_end_consistent(clock, applicant, reviewer, registrar, court, bank):
    works = [factories.registered(applicant, reviewer, title=f"作品{i}") for i in range(ROUNDS)]
    pledges = [file_pledge(bank, w) for w in works]
    outcomes: dict[str, list] = {"pledge": [], "seize": []}

    def run(kind: str, call, barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            call()
            outcomes[kind].append("ok")
        except DomainError as e:
            outcomes[kind].append(e.message)
        finally:
            connection.close()

    for work, pledge in zip(works, pledges, strict=True):
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=run, args=("pledge", lambda p=pledge: services.register_pledge(
                registrar=registrar, pledge_id=p.pk), barrier)),
            threading.Thread(target=run, args=("seize", lambda w=work: services.seize(
                officer=court, numbers=[w.number], document_number="（2026）京0108执1号", scope="全部",
                term_months=12), barrier)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    assert outcomes["seize"] == ["ok"] * ROUNDS  # a seizure is never refused for a pledge
    for work, pledge in zip(works, pledges, strict=True):
        pledge.refresh_from_db()
        seizure = Seizure.objects.get(registration=work)
        assert Registration.objects.get(pk=work.pk).rights_status == "seized"
        if pledge.state == Pledge.State.REGISTERED:  # the pledge was first: the seizure is over it
            entered = AuditEntry.objects.get(subject=pledge.subject, action="register_pledge").pk
            seized = AuditEntry.objects.get(subject=work.subject, action="seize").pk
            assert entered < seized and seizure.effective_at >= pledge.registered_at
        else:  # the seizure was first: the pledge was refused, saying why
            assert pledge.state == Pledge.State.SUBMITTED
    refused = [m for m in outcomes["pledge"] if m != "ok"]
    assert all("查封" in m for m in refused)
