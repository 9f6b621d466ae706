"""Pledge registration: filed by a bank, entered by the office, released by the bank."""

from decimal import Decimal

import pytest

from banquan.core.errors import DomainError, PermissionDenied
from banquan.records.models import Registration
from banquan.rights import numbering, services
from banquan.rights.tests.conftest import file_pledge
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def test_a_pledge_over_two_works_is_effective_when_entered(bank, registrar, work, applicant, reviewer):
    second = factories.registered(applicant, reviewer, title="第二幅画")
    pledge = file_pledge(bank, work, second)
    assert pledge.state == "submitted" and pledge.pledgee == "中国工商银行北京朝阳支行"
    assert Registration.objects.get(pk=work.pk).rights_status == "valid"  # not before it is entered
    pledge = services.register_pledge(registrar=registrar, pledge_id=pledge.pk, reason="材料齐全")
    assert numbering.PATTERN.match(pledge.number) and pledge.registered_at
    assert set(Registration.objects.filter(pk__in=[work.pk, second.pk]).values_list("rights_status", flat=True)) == {
        "pledged"}
    services.release_pledge(officer=bank, pledge_id=pledge.pk, reason="主债权已清偿")
    assert Registration.objects.get(pk=work.pk).rights_status == "valid"


def test_the_pledgor_must_own_the_work(bank, work):
    with pytest.raises(DomainError, match="不是"):
        file_pledge(bank, work, pledgor_id_number="110101199003077777")


@pytest.mark.parametrize("field,value", [("principal", Decimal("0")), ("currency", "RMB1"),
                                         ("contract_name", "合同.docx")])
def test_bad_pledge_input_is_refused_with_the_field(bank, work, field, value):
    with pytest.raises(DomainError) as e:
        file_pledge(bank, work, **{field: value})
    assert e.value.field in (field, "contract")


def test_only_bank_officers_file_and_only_the_pledgee_releases(bank, registrar, applicant, work):
    with pytest.raises(PermissionDenied):
        file_pledge(applicant, work)
    pledge = services.register_pledge(registrar=registrar, pledge_id=file_pledge(bank, work).pk)
    other_bank = factories.UserFactory(role="bank_officer", organization="招商银行深圳分行")
    with pytest.raises(PermissionDenied):
        services.release_pledge(officer=other_bank, pledge_id=pledge.pk, reason="x")


def test_a_rejected_pledge_changes_nothing(bank, registrar, work):
    pledge = services.reject_pledge(registrar=registrar, pledge_id=file_pledge(bank, work).pk, reason="合同未签章")
    assert pledge.state == "rejected" and pledge.number is None
    assert Registration.objects.get(pk=work.pk).rights_status == "valid"


def test_a_registered_pledge_is_changed_and_its_certificate_states_the_new_facts(bank, registrar, work):
    import datetime as dt

    from banquan.rights import certificates

    pledge = services.register_pledge(registrar=registrar, pledge_id=file_pledge(bank, work).pk)
    _, old_signature = certificates.issue(pledge)
    pledge = services.change_pledge(registrar=registrar, pledge_id=pledge.pk, principal=Decimal("8000000.00"),
                                    term_end=dt.date(2028, 11, 30), reason="展期并增加借款")
    assert pledge.principal == Decimal("8000000.00") and pledge.term_end == dt.date(2028, 11, 30)
    assert not certificates.signature_valid(pledge, old_signature)  # the old certificate no longer matches
    with pytest.raises(DomainError):
        services.change_pledge(registrar=registrar, pledge_id=pledge.pk, reason="无内容")
