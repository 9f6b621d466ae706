"""Seizures: effective at once, queued behind each other, released only by their authority."""

import pytest

from banquan.core.errors import DomainError, PermissionDenied
from banquan.records.models import Registration
from banquan.rights import services
from banquan.rights.models import Seizure
from banquan.rights.tests.conftest import file_pledge

pytestmark = pytest.mark.django_db


def seize(court, work, document="（2026）京0108执123号", months=12):
    return services.seize(officer=court, numbers=[work.number], document_number=document,
                          scope="全部著作财产权", term_months=months)


def status(work) -> str:
    return Registration.objects.get(pk=work.pk).rights_status


def test_a_seizure_is_effective_when_committed_and_the_qr_page_says_so(client, court, work):
    (seizure,) = seize(court, work)
    assert seizure.state == "active" and seizure.effective_at and seizure.expires_at.year == seizure.effective_at.year + 1
    assert status(work) == "seized"
    html = client.get(f"/verify/{work.number}").content.decode()
    assert "已查封" in html


def test_later_seizures_wait_in_line_and_take_effect_in_order(court, other_court, work):
    (first,) = seize(court, work)
    (second,) = seize(other_court, work, "（2026）沪0115执88号")
    (third,) = seize(court, work, "（2026）京0108执200号")
    assert (second.state, second.position, second.effective_at) == ("waiting", 2, None)
    services.release_seizure(officer=court, seizure_id=first.pk, document_number="（2026）京0108执123号之一")
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.state == "active" and second.effective_at is not None and third.state == "waiting"
    assert status(work) == "seized"
    services.release_seizure(officer=other_court, seizure_id=second.pk, document_number="（2026）沪0115执88号之一")
    services.release_seizure(officer=court, seizure_id=third.pk, document_number="（2026）京0108执200号之一")
    assert status(work) == "valid"


def test_only_the_seizing_authority_releases(court, other_court, work):
    (seizure,) = seize(court, work)
    with pytest.raises(PermissionDenied, match="北京市海淀区人民法院"):
        services.release_seizure(officer=other_court, seizure_id=seizure.pk, document_number="x")
    assert Seizure.objects.get(pk=seizure.pk).state == "active"


def test_only_court_and_agency_officers_seize(bank, applicant, work):
    for user in (bank, applicant):
        with pytest.raises(PermissionDenied):
            seize(user, work)


@pytest.mark.parametrize("months", [0, 37])
def test_a_seizure_term_is_at_most_three_years(court, work, months):
    with pytest.raises(DomainError, match="36"):
        seize(court, work, months=months)


def test_a_seized_work_cannot_be_pledged_and_the_message_says_why(court, bank, work):
    seize(court, work)
    with pytest.raises(DomainError) as e:
        file_pledge(bank, work)
    assert "北京市海淀区人民法院" in e.value.message and "（2026）京0108执123号" in e.value.message


def test_a_seizure_over_a_registered_pledge_is_recorded_over_it(court, bank, registrar, work):
    pledge = file_pledge(bank, work)
    services.register_pledge(registrar=registrar, pledge_id=pledge.pk)
    assert status(work) == "pledged"
    (seizure,) = seize(court, work)
    assert status(work) == "seized"
    services.release_seizure(officer=court, seizure_id=seizure.pk, document_number="解除")
    assert status(work) == "pledged"  # the pledge stands once the seizure is lifted


def test_an_expired_seizure_ends_and_the_next_in_line_takes_effect(clock, court, other_court, work):
    import datetime as dt

    from banquan.testing.fixtures import on_day

    (first,) = seize(court, work, months=6)
    (second,) = seize(other_court, work, "（2026）沪0115执88号", months=3)
    assert services.expire_seizures() == 0
    on_day(clock, (first.expires_at + dt.timedelta(days=1)).date())
    assert services.expire_seizures() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == "expired" and second.state == "active" and status(work) == "seized"
    on_day(clock, (second.expires_at + dt.timedelta(days=1)).date())
    assert services.expire_seizures() == 1 and status(work) == "valid"
