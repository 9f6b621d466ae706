"""A registrar hands an application to a reviewer from the workbench."""

from banquan.applications.models import Application
from banquan.ledger.services import history
from banquan.testing import factories


def test_registrar_assigns_and_the_reviewer_then_sees_it(db, clock, client, applicant, registrar,
                                                        reviewer, other_reviewer):
    app = factories.submitted(applicant)
    client.force_login(registrar)
    page = client.get(f"/review/{app.pk}/").content.decode()
    assert "分配审查员" in page and str(other_reviewer) in page
    response = client.post(f"/review/{app.pk}/assign/", {"reviewer": other_reviewer.pk})
    assert response.status_code == 302
    assert Application.objects.get(pk=app.pk).assigned_to == other_reviewer
    assert history(app.subject).filter(action="assign").exists()
    # The application left the other reviewer's view: it is assigned to someone else now.
    client.force_login(reviewer)
    assert client.get(f"/review/{app.pk}/").status_code == 404


def test_reviewers_cannot_assign(db, clock, client, applicant, reviewer, other_reviewer):
    app = factories.submitted(applicant)
    client.force_login(reviewer)
    assert "分配审查员" not in client.get(f"/review/{app.pk}/").content.decode()
    response = client.post(f"/review/{app.pk}/assign/", {"reviewer": other_reviewer.pk})
    assert response.status_code == 403
    assert Application.objects.get(pk=app.pk).assigned_to is None
