"""Reviewers' judgements on hits: stored with their history, audited, shown; "需专项复审"
sends the application to the special review group."""

import pytest

from banquan.applications.models import Application
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.ledger.models import AuditEntry
from banquan.screening import services
from banquan.screening.models import Hit, Judgement
from banquan.screening.tests.documents import POLITICAL
from banquan.testing import factories

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def hit(accepted):
    accepted(purpose=f"写{POLITICAL}的故事。")
    return Hit.objects.get()


def test_judgements_are_kept_with_their_history_and_audited(client, reviewer, hit, clock):
    services.judge(reviewer=reviewer, hit_id=hit.pk, verdict="sensitive", note="确有不当内容")
    clock.advance(minutes=5)
    services.judge(reviewer=reviewer, hit_id=hit.pk, verdict="clear", note="复核后认为是引用")
    assert [j.verdict for j in Judgement.objects.filter(hit=hit)] == ["sensitive", "clear"]
    entries = AuditEntry.objects.filter(subject=f"screening:{hit.run.application_id}", action="screening_judgement")
    assert [(e.actor, e.to_state, e.reason, e.data["term"]) for e in entries] == [
        (reviewer, "sensitive", "确有不当内容", POLITICAL), (reviewer, "clear", "复核后认为是引用", POLITICAL)]
    # Not in the application's own history, which the applicant reads.
    assert not AuditEntry.objects.filter(subject=f"application:{hit.run.application_id}",
                                         action="screening_judgement").exists()
    client.force_login(reviewer)
    html = client.get(f"/review/{hit.run.application_id}/").content.decode()
    latest = html[html.index(f'id="hit-{hit.pk}"'):]
    assert "判断：<strong>无问题（误报）</strong>" in latest and "复核后认为是引用" in latest
    assert "判断记录（2 条）" in latest and "确有不当内容" in latest
    assert "已判断 1 / 1 条" in html


def test_judging_from_the_page_with_htmx_swaps_the_hit(client, reviewer, hit):
    client.force_login(reviewer)
    r = client.post(f"/screening/hits/{hit.pk}/judge/", {"verdict": "sensitive", "note": "不当"}, headers=HTMX)
    assert r.status_code == 200
    html = r.content.decode()
    assert html.startswith('<div class="hit"') and f'id="hit-{hit.pk}"' in html
    assert "判断：<strong>确认敏感</strong>" in html
    assert Judgement.objects.get(hit=hit).reviewer == reviewer


def test_judging_without_javascript_goes_back_to_the_hit(client, reviewer, hit):
    client.force_login(reviewer)
    r = client.post(f"/screening/hits/{hit.pk}/judge/", {"verdict": "clear"})
    assert r.status_code == 302 and r["Location"] == f"/review/{hit.run.application_id}/#hit-{hit.pk}"
    assert Judgement.objects.get(hit=hit).verdict == "clear"


def test_a_refused_judgement_is_shown_beside_the_hit(client, reviewer, hit):
    client.force_login(reviewer)
    r = client.post(f"/screening/hits/{hit.pk}/judge/", {"verdict": "special_review", "note": " "}, headers=HTMX)
    assert "送专项复审须说明理由" in r.content.decode()
    r = client.post(f"/screening/hits/{hit.pk}/judge/", {"verdict": "maybe"}, headers=HTMX)
    assert "请选择判断结果" in r.content.decode()
    assert not Judgement.objects.exists()


def test_special_review_verdict_sends_the_application_to_the_group(reviewer, hit):
    services.judge(reviewer=reviewer, hit_id=hit.pk, verdict="special_review", note="涉及敏感历史事件")
    app = Application.objects.get(pk=hit.run.application_id)
    assert app.special_review_required
    assert POLITICAL in app.special_review_reason and "涉及敏感历史事件" in app.special_review_reason
    entry = AuditEntry.objects.get(subject=app.subject, action="require_special_review")
    assert entry.actor == reviewer


def test_only_the_latest_run_is_judged(reviewer, hit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.rerun(reviewer=reviewer, app_id=hit.run.application_id)
    with pytest.raises(DomainError, match="较早的一次筛查"):
        services.judge(reviewer=reviewer, hit_id=hit.pk, verdict="clear")


def test_applicants_and_colleagues_may_not_judge(client, applicant, reviewer, other_reviewer, hit):
    with pytest.raises(PermissionDenied):
        services.judge(reviewer=applicant, hit_id=hit.pk, verdict="clear")
    client.force_login(applicant)
    assert client.post(f"/screening/hits/{hit.pk}/judge/", {"verdict": "clear"}).status_code == 403
    assert client.get(f"/screening/applications/{hit.run.application_id}/").status_code == 403
    # Once the application is assigned to a reviewer, a colleague does not see it.
    from banquan.review import services as review

    review.start_review(reviewer=reviewer, app_id=hit.run.application_id)
    with pytest.raises(NotFound):
        services.judge(reviewer=other_reviewer, hit_id=hit.pk, verdict="clear")
    client.force_login(other_reviewer)
    assert client.post(f"/screening/hits/{hit.pk}/judge/", {"verdict": "clear"}).status_code == 404
    assert client.get(f"/screening/applications/{hit.run.application_id}/").status_code == 404
    registrar = factories.UserFactory(role="registrar")
    assert services.judge(reviewer=registrar, hit_id=hit.pk, verdict="clear").reviewer == registrar
