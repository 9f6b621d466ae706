"""The parties hear of each rights event by e-mail, once it is committed."""

import pytest

from banquan.core.errors import DomainError
from banquan.rights import services
from banquan.rights.tests.conftest import file_pledge

pytestmark = pytest.mark.django_db


def test_a_seizure_tells_the_owner_and_the_court(court, work, applicant, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.seize(officer=court, numbers=[work.number], document_number="（2026）京0108执5号", scope="全部",
                       term_months=6)
    (mail,) = mailoutbox
    assert mail.subject.endswith("作品已被查封") and set(mail.to) == {court.email, applicant.email}
    assert work.number in mail.body and "（2026）京0108执5号" in mail.body


def test_nothing_is_sent_for_a_refused_pledge_registration(court, bank, registrar, work, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    pledge = file_pledge(bank, work)
    services.seize(officer=court, numbers=[work.number], document_number="（2026）京0108执6号", scope="全部",
                   term_months=6)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        services.register_pledge(registrar=registrar, pledge_id=pledge.pk)
    assert mailoutbox == []


def test_the_bank_and_the_owner_hear_that_the_pledge_is_registered(bank, registrar, work, applicant, mailoutbox,
                                                                   django_capture_on_commit_callbacks):
    pledge = file_pledge(bank, work)
    with django_capture_on_commit_callbacks(execute=True):
        pledge = services.register_pledge(registrar=registrar, pledge_id=pledge.pk)
    (mail,) = mailoutbox
    assert set(mail.to) == {bank.email, applicant.email} and pledge.number in mail.body
