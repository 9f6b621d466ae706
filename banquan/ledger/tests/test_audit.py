"""The audit log records every transition and cannot be rewritten."""

import pytest

from banquan.ledger.models import AuditEntry
from banquan.ledger.services import history
from banquan.review import services as review
from banquan.testing import factories


def test_every_transition_is_logged_with_actor_states_and_reason(db, clock, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    review.request_correction(reviewer=reviewer, app_id=app.pk, reason="请补充创作过程。")
    rows = [(e.action, e.from_state, e.to_state, e.actor_id) for e in history(app.subject)
            if e.to_state and e.from_state]
    assert rows == [
        ("submit", "draft", "submitted", applicant.pk),
        ("accept", "submitted", "accepted", reviewer.pk),
        ("start_review", "accepted", "in_review", reviewer.pk),
        ("request_correction", "in_review", "correction_requested", reviewer.pk),
    ]
    assert history(app.subject).get(action="request_correction").reason == "请补充创作过程。"


def test_entries_cannot_be_changed_or_deleted(db, clock, applicant):
    factories.draft(applicant)
    entry = AuditEntry.objects.first()
    entry.reason = "rewritten"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.all().update(reason="x")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()


def test_registrar_reads_the_log_in_the_back_office_but_cannot_edit(db, clock, client, applicant, registrar):
    factories.draft(applicant)
    client.force_login(registrar)
    page = client.get("/admin/ledger/auditentry/")
    assert page.status_code == 200
    assert "add_sample" in page.content.decode()
    assert client.get("/admin/ledger/auditentry/add/").status_code == 403
    assert client.get("/admin/applications/application/").status_code == 200
