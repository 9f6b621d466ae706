"""The screening JSON API: hits with context and judgements, judging, re-running."""

import pytest

from banquan.screening.models import Hit, Judgement
from banquan.screening.tests.documents import MAJOR, POLITICAL
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db


def test_hits_with_context_and_judgements(reviewer, accepted):
    app = accepted(purpose=f"写{POLITICAL}的故事。", process=f"{MAJOR}期间创作。")
    api = BearerClient(reviewer)
    body = api.get(f"/api/v1/screening/{app.pk}").json()
    assert body["run"]["status"] == "done" and body["run"]["items_done"] == body["run"]["items_total"] == 2
    assert body["places"] == 2 and body["major_places"] == 1
    assert [i["label"] for i in body["items"]] == ["申请表", "sample.png"]
    hits = {h["term"]: h for h in body["hits"]}
    political = hits[POLITICAL]
    assert political["source"] == "field:purpose" and political["source_label"] == "创作目的"
    assert political["context"] == f"写{POLITICAL}的故事。" and political["judgement"] is None
    assert political["kind"] == "exact" and political["kind_label"] == "原词" and political["fuzzy"] is False
    assert hits[MAJOR]["major_topic"] is True

    r = api.post(f"/api/v1/screening/hits/{political['id']}/judgements", {"verdict": "sensitive", "note": "确认"})
    assert r.status_code == 201 and r.json()["verdict_label"] == "确认敏感"
    hits = api.get(f"/api/v1/screening/{app.pk}/hits").json()
    judged = next(h for h in hits if h["term"] == POLITICAL)
    assert judged["judgement"]["note"] == "确认" and len(judged["judgements"]) == 1


def test_bad_judgements_are_422(reviewer, accepted):
    accepted(purpose=f"写{POLITICAL}。")
    api = BearerClient(reviewer)
    hit = Hit.objects.get()
    assert api.post(f"/api/v1/screening/hits/{hit.pk}/judgements", {"verdict": "maybe"}).status_code == 422
    r = api.post(f"/api/v1/screening/hits/{hit.pk}/judgements", {"verdict": "special_review"})
    assert r.status_code == 422 and "note" in r.json()["errors"]
    assert api.post("/api/v1/screening/hits/999999/judgements", {"verdict": "clear"}).status_code == 404
    assert not Judgement.objects.exists()


def test_only_the_office_uses_it(applicant, accepted):
    app = accepted(purpose=f"写{POLITICAL}。")
    api = BearerClient(applicant)
    assert api.get(f"/api/v1/screening/{app.pk}").status_code == 403
    assert api.post(f"/api/v1/screening/hits/{Hit.objects.get().pk}/judgements", {"verdict": "clear"}).status_code == 403


def test_before_acceptance_there_is_no_run(reviewer, applicant, lexicon, clock):
    from banquan.testing import factories

    app = factories.submitted(applicant)
    api = BearerClient(reviewer)
    assert api.get(f"/api/v1/screening/{app.pk}").json() == {
        "run": None, "places": 0, "major_places": 0, "items": [], "hits": []}
    r = api.post(f"/api/v1/screening/{app.pk}/runs")
    assert r.status_code == 409 and "受理后" in r.json()["detail"]
