"""Contract recordation, changes, revocation and certificate reissue of a registered work."""

import datetime as dt

import pytest
from django.urls import reverse

from banquan.certificates import services as certificates
from banquan.core.errors import DomainError, PermissionDenied
from banquan.records.models import Registration
from banquan.rights import services
from banquan.rights.tests.conftest import contract
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def seize(court, work):
    services.seize(officer=court, numbers=[work.number], document_number="（2026）京0108执9号", scope="全部",
                   term_months=6)


def transfer(applicant, work, **overrides):
    values = dict(kind="transfer", numbers=[work.number], grantor_name="张三", grantor_id_number=factories.VALID_ID,
                  grantee_name="星河文化传媒有限公司", grantee_id_number="91310104MA1FR0XXXX", rights=["reproduction",
                                                                                              "network"],
                  territory="中国大陆", term_start=None, term_end=None, contract_name="转让合同.pdf", contract=contract())
    values.update(overrides)
    return services.file_recordation(applicant=applicant, **values)


def test_a_transfer_contract_is_recorded_with_a_number(applicant, registrar, work):
    rec = services.decide_recordation(registrar=registrar, recordation_id=transfer(applicant, work).pk, record=True)
    assert rec.state == "recorded" and rec.number.startswith(f"{rec.decided_at.year}HT")


def test_an_exclusive_licence_needs_its_term(applicant, work):
    with pytest.raises(DomainError) as e:
        transfer(applicant, work, kind="exclusive_licence")
    assert e.value.field == "term_end"
    rec = transfer(applicant, work, kind="exclusive_licence", term_start=dt.date(2027, 1, 1),
                   term_end=dt.date(2029, 12, 31))
    assert rec.kind == "exclusive_licence"


def test_transfer_change_and_reissue_are_refused_while_seized(applicant, court, work):
    seize(court, work)
    for attempt in (lambda: transfer(applicant, work),
                    lambda: services.file_change(applicant=applicant, number=work.number, kind="change",
                                                 changes={"title": "新名称"}, reason="更名"),
                    lambda: services.file_reissue(applicant=applicant, number=work.number, kind="reissue",
                                                  reason="证书遗失")):
        with pytest.raises(DomainError, match="查封"):
            attempt()


def test_an_approved_change_makes_a_new_certificate_and_the_old_qr_says_so(client, applicant, registrar, work):
    old = certificates.current(work)
    change = services.file_change(applicant=applicant, number=work.number, kind="change",
                                  changes={"title": "山水长卷（修订）"}, reason="作品名称有误")
    change = services.decide_change(registrar=registrar, change_id=change.pk, approve=True)
    assert change.certificate_version == 2
    assert Registration.objects.get(pk=work.pk).title == "山水长卷（修订）"
    html = client.get(old.verify_url.removeprefix(old.verify_url.split("/verify/")[0])).content.decode()
    assert "此版证书已被第 2 版取代" in html and "山水长卷（修订）" in html


def test_only_the_registrations_applicant_files_a_change(other_applicant, work):
    with pytest.raises(PermissionDenied):
        services.file_change(applicant=other_applicant, number=work.number, kind="change", changes={"title": "x"},
                             reason="x")


def test_revoking_a_duplicate_links_to_the_kept_registration(client, applicant, reviewer, registrar, work):
    kept = factories.registered(applicant, reviewer, title="山水长卷")
    services.revoke(registrar=registrar, number=work.number, ground="duplicate", reason="同一作品重复登记",
                    kept_number=kept.number)
    html = client.get(reverse("verify:detail", args=[work.number])).content.decode()
    assert "已被替代" in html and kept.number in html


def test_revocation_by_court_decision_needs_the_document(registrar, work, client):
    with pytest.raises(DomainError):
        services.revoke(registrar=registrar, number=work.number, ground="court", reason="判决撤销")
    services.revoke(registrar=registrar, number=work.number, ground="court", reason="判决撤销",
                    document="（2026）京73民终100号")
    assert "已撤销" in client.get(reverse("verify:detail", args=[work.number])).content.decode()


def test_a_reissue_has_five_working_days_and_issues_a_new_version(applicant, registrar, work):
    request = services.file_reissue(applicant=applicant, number=work.number, kind="reissue", reason="证书遗失")
    assert request.deadline > request.filed_at.date()
    assert (request.deadline - request.filed_at.date()).days >= 5
    with pytest.raises(DomainError):
        services.file_reissue(applicant=applicant, number=work.number, kind="replacement", reason="again")
    done = services.decide_reissue(registrar=registrar, request_id=request.pk, issue=True)
    assert done.state == "done" and done.certificate_version == 2
    assert certificates.current(work).version == 2
