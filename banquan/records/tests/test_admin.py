"""The registrars' back office: registrations read-only, rights status only via the service."""

import pytest
from django.urls import reverse

from banquan.ledger.models import AuditEntry
from banquan.records.models import Registration
from banquan.testing import factories

pytestmark = pytest.mark.django_db

STATUS_URL = reverse("admin:records_registration_rights_status")


@pytest.fixture
def reg(clock, applicant, reviewer):
    return factories.registered(applicant, reviewer)


@pytest.fixture
def office(client, registrar):
    client.force_login(registrar)
    return client


def test_registrar_lists_searches_and_filters(office, reg):
    changelist = reverse("admin:records_registration_changelist")
    assert reg.number in office.get(changelist).content.decode()
    assert reg.number in office.get(changelist, {"q": "张三"}).content.decode()
    assert reg.number in office.get(changelist, {"rights_status__exact": "valid"}).content.decode()
    assert reg.number not in office.get(changelist, {"rights_status__exact": "revoked"}).content.decode()
    assert reg.number in office.get(changelist, {"category": "fine_art"}).content.decode()
    assert reg.number not in office.get(changelist, {"category": "music"}).content.decode()


def test_change_page_is_read_only(office, reg):
    url = reverse("admin:records_registration_change", args=[reg.pk])
    html = office.get(url).content.decode()
    assert f"{STATUS_URL}?ids={reg.pk}" in html
    assert 'name="rights_status"' not in html
    response = office.post(url, {"rights_status": "revoked", "title": "改名"})
    assert response.status_code == 403
    reg.refresh_from_db()
    assert reg.rights_status == "valid" and reg.title == "山水长卷"


def test_rights_status_change_goes_through_the_service(office, reg, registrar):
    response = office.post(f"{STATUS_URL}?ids={reg.pk}", {"status": "revoked", "reason": "登记事项不实"})
    assert response.status_code == 302
    reg.refresh_from_db()
    assert reg.rights_status == "revoked" and reg.status_reason == "登记事项不实"
    entry = AuditEntry.objects.get(subject=reg.subject, action="rights_status")
    assert (entry.actor, entry.from_state, entry.to_state) == (registrar, "valid", "revoked")


def test_pledged_and_seized_are_not_set_by_hand(office, reg):
    response = office.post(f"{STATUS_URL}?ids={reg.pk}", {"status": "seized", "reason": "法院查封"})
    assert response.status_code == 200  # the form refuses the choice: seizures go through /rights/
    assert Registration.objects.get(pk=reg.pk).rights_status == "valid"


def test_reason_is_required(office, reg):
    response = office.post(f"{STATUS_URL}?ids={reg.pk}", {"status": "revoked", "reason": " "})
    assert response.status_code == 200
    assert Registration.objects.get(pk=reg.pk).rights_status == "valid"


def test_refused_transition_is_shown(office, reg):
    office.post(f"{STATUS_URL}?ids={reg.pk}", {"status": "revoked", "reason": "登记事项不实"})
    response = office.post(f"{STATUS_URL}?ids={reg.pk}", {"status": "revoked", "reason": "再次撤销"}, follow=True)
    assert "不能改为" in response.content.decode()
    assert Registration.objects.get(pk=reg.pk).status_reason == "登记事项不实"


def test_supersede_by_number(office, clock, applicant, reviewer, reg):
    replacement = factories.registered(applicant, reviewer, title="山水长卷（更正）")
    office.post(f"{STATUS_URL}?ids={reg.pk}",
                {"status": "superseded", "reason": "更正登记", "superseded_by": replacement.number})
    reg.refresh_from_db()
    assert reg.rights_status == "superseded" and reg.superseded_by == replacement


def test_bulk_action_leads_to_the_form(office, reg):
    response = office.post(reverse("admin:records_registration_changelist"),
                           {"action": "change_rights_status", "_selected_action": [reg.pk]})
    assert response.status_code == 302 and response["Location"] == f"{STATUS_URL}?ids={reg.pk}"
    assert reg.number in office.get(response["Location"]).content.decode()


def test_others_may_not_change_status(client, reg, applicant, reviewer):
    client.force_login(applicant)
    assert client.get(f"{STATUS_URL}?ids={reg.pk}").status_code == 302  # to the admin login
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    assert client.post(f"{STATUS_URL}?ids={reg.pk}", {"status": "revoked", "reason": "x"}).status_code == 403
    assert Registration.objects.get(pk=reg.pk).rights_status == "valid"


def test_certificates_are_read_only_in_admin(office, reg):
    cert = reg.certificates.get()
    html = office.get(reverse("admin:certificates_certificate_change", args=[cert.pk])).content.decode()
    assert cert.signature in html
    assert office.post(reverse("admin:certificates_certificate_change", args=[cert.pk]), {}).status_code == 403
