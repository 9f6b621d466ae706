"""Who may see which application and sample: applicants only their own (others' are 404, so
their existence is not confirmed); the office may open samples; other roles have no list."""

import pytest
from django.urls import reverse

from banquan.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bobs_draft(other_applicant, clock):
    return factories.draft(other_applicant)


def test_my_applications_lists_only_mine(client, applicant, other_applicant, clock):
    factories.draft(applicant, title="我的画")
    factories.draft(other_applicant, title="别人的画")
    client.force_login(applicant)
    html = client.get(reverse("applications:list")).content.decode()
    assert "我的画" in html and "别人的画" not in html
    assert "草稿" in html


@pytest.mark.parametrize("url_name", ["detail", "edit", "delete"])
def test_another_applicants_application_is_not_found(client, applicant, bobs_draft, url_name):
    client.force_login(applicant)
    assert client.get(reverse(f"applications:{url_name}", args=[bobs_draft.pk])).status_code == 404


@pytest.mark.parametrize("url_name", ["submit", "withdraw", "resubmit", "delete", "sample_add"])
def test_another_applicants_application_cannot_be_changed(client, applicant, bobs_draft, url_name):
    client.force_login(applicant)
    assert client.post(reverse(f"applications:{url_name}", args=[bobs_draft.pk])).status_code == 404
    bobs_draft.refresh_from_db()
    assert bobs_draft.status == "draft"


def test_another_applicants_sample_is_not_found(client, applicant, bobs_draft):
    sample = bobs_draft.samples.get()
    client.force_login(applicant)
    assert client.get(reverse("applications:sample_file", args=[sample.uuid])).status_code == 404
    assert client.get(reverse("applications:sample_thumbnail", args=[sample.uuid])).status_code == 404
    r = client.post(reverse("applications:sample_remove", args=[bobs_draft.pk, sample.pk]))
    assert r.status_code == 404
    assert bobs_draft.samples.exists()


def test_a_reviewer_may_open_samples(client, reviewer, bobs_draft):
    sample = bobs_draft.samples.get()
    client.force_login(reviewer)
    r = client.get(reverse("applications:sample_file", args=[sample.uuid]))
    assert r.status_code == 200 and r["Content-Type"] == "image/png"


def test_other_roles_may_not_open_samples(client, bobs_draft):
    sample = bobs_draft.samples.get()
    client.force_login(factories.UserFactory(role="bank_officer"))
    assert client.get(reverse("applications:sample_file", args=[sample.uuid])).status_code == 404


def test_logged_out_visitors_are_sent_to_log_in(client, bobs_draft):
    sample = bobs_draft.samples.get()
    for url in (reverse("applications:list"), reverse("applications:new"),
                reverse("applications:sample_file", args=[sample.uuid])):
        r = client.get(url)
        assert r.status_code == 302 and r.url.startswith(reverse("accounts:login")), url


def test_the_applicant_pages_are_for_applicants(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("applications:list")).status_code == 403
    assert client.get(reverse("applications:new")).status_code == 403
