"""Suggestions on the pages and in the API, with the model served on loopback (``fake_llm``):
what the model is sent, what is offered, accepting and dismissing, who may do what, and an
office without a model or with a failing one."""

import io
import json

import pytest
from django.urls import reverse

from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.core.errors import DomainError
from banquan.ledger.models import AuditEntry
from banquan.review import services as review
from banquan.suggestions import services
from banquan.suggestions.models import Job, Kind, State, Suggestion
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db
POEM = "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。".encode()


def answering(category="written", reason="样本是一首诗。", remarks=(), summary="一首五言绝句，作者张三。"):
    """A model that answers each of the three prompts."""
    def reply(messages):
        text = messages[-1]["content"]
        if "可选类别" in text:
            return json.dumps({"category": category, "reason": reason}, ensure_ascii=False)
        if "前后矛盾" in text:
            return json.dumps({"remarks": list(remarks)}, ensure_ascii=False)
        return "```json\n" + json.dumps({"summary": summary}, ensure_ascii=False) + "\n```"
    return reply


@pytest.fixture
def draft(applicant):
    app = factories.draft(applicant, with_sample=False, title="春晓", category="fine_art",
                          process=f"2026 年春写成。作者证件 {factories.VALID_ID}。")
    applications.add_sample(applicant=applicant, app_id=app.pk, name="poem.txt", file=io.BytesIO(POEM), size=len(POEM))
    return app


def ask(client, app, capture):
    """Ask on the page, let the job run, and return the panel as the page's polling then gets it."""
    with capture(execute=True):
        response = client.post(reverse("suggestions:ask", args=[app.pk]), headers={"HX-Request": "true"})
    assert response.status_code == 200 and "智能助手正在分析" in response.content.decode()
    return client.get(reverse("suggestions:panel", args=[app.pk]))


def panel(client, app) -> str:
    return client.get(reverse("suggestions:panel", args=[app.pk])).content.decode()


def test_the_model_reads_the_form_and_samples_but_never_an_id_number(
        client, applicant, draft, fake_llm, django_capture_on_commit_callbacks):
    fake_llm.reply = answering()
    client.force_login(applicant)
    ask(client, draft, django_capture_on_commit_callbacks)
    sent = "\n".join(m["content"] for r in fake_llm.requests for m in r["body"]["messages"])
    assert len(fake_llm.requests) == 2  # the category, then the form check
    assert "春晓" in sent and "春眠不觉晓" in sent and "poem.txt" in sent
    assert factories.VALID_ID not in sent and "[证件号码已隐去]" in sent
    assert "owners" in sent and "张三" in sent  # owners by name and kind only


def test_a_valid_category_is_offered_and_accepting_it_changes_the_draft(
        client, applicant, draft, fake_llm, django_capture_on_commit_callbacks):
    fake_llm.reply = answering(category="written", reason="样本是一首诗。")
    client.force_login(applicant)
    html = ask(client, draft, django_capture_on_commit_callbacks).content.decode()
    assert "建议类别：" in html and "文字" in html and "样本是一首诗。" in html
    page = client.get(reverse("applications:edit", args=[draft.pk])).content.decode()
    assert "建议类别：" in page  # on the applicant's form page too
    s = Suggestion.objects.get(application=draft, kind=Kind.CATEGORY)
    assert s.model_name == fake_llm.model
    draft.refresh_from_db()
    assert draft.category == "fine_art"  # offered, not applied
    response = client.post(reverse("suggestions:accept", args=[s.pk]), headers={"HX-Request": "true"})
    assert response.status_code == 204 and response["HX-Refresh"] == "true"
    draft.refresh_from_db()
    assert draft.category == "written"
    entry = AuditEntry.objects.get(subject=draft.subject, action="suggestion_accepted")
    assert entry.actor == applicant and entry.data["from"] == "fine_art" and entry.data["to"] == "written"


@pytest.mark.parametrize("answer", ['{"category": "software", "reason": "程序"}', "我觉得是文字作品。",
                                    '{"category": "written"}'])
def test_an_answer_outside_the_table_or_not_json_is_discarded(
        client, applicant, draft, fake_llm, django_capture_on_commit_callbacks, answer):
    fake_llm.reply = lambda messages: answer
    client.force_login(applicant)
    html = ask(client, draft, django_capture_on_commit_callbacks).content.decode()
    assert not Suggestion.objects.filter(application=draft, kind=Kind.CATEGORY).exists()
    assert "建议类别：" not in html
    assert Job.objects.get(application=draft).note  # the panel says why there is nothing


def test_model_remarks_are_shown_and_can_be_dismissed(
        client, applicant, draft, fake_llm, django_capture_on_commit_callbacks):
    fake_llm.reply = answering(remarks=[{"field": "title", "message": "作品名称与样本内容不符。"}])
    client.force_login(applicant)
    html = ask(client, draft, django_capture_on_commit_callbacks).content.decode()
    assert "作品名称与样本内容不符。" in html and "模型提示" in html
    remark = Suggestion.objects.get(application=draft, source="model", kind=Kind.INCONSISTENCY)
    html = client.post(reverse("suggestions:dismiss", args=[remark.pk]), headers={"HX-Request": "true"}).content.decode()
    assert "作品名称与样本内容不符。" not in html and "已忽略 1 条提示。" in html
    with pytest.raises(DomainError, match="已被忽略"):
        services.accept(user=applicant, suggestion_id=remark.pk)
    rule = Suggestion.objects.create(application=draft, kind=Kind.INCONSISTENCY, source="model", key="model:x",
                                     payload={"field": "", "message": "另一条提示"})
    with pytest.raises(DomainError, match="只能忽略"):  # a remark is fixed in the form, not "accepted"
        services.accept(user=applicant, suggestion_id=rule.pk)


def test_rule_remarks_without_a_model_and_dismissed_ones_stay_dismissed(client, applicant):
    app = factories.draft(applicant, creation_mode="employment")
    client.force_login(applicant)
    page = client.get(reverse("applications:edit", args=[app.pk])).content.decode()
    assert "创作方式为职务创作，但著作权人中没有单位" in page
    assert "请智能助手" not in page  # no model configured: no button, nothing sent anywhere
    remark = Suggestion.objects.get(application=app, key="rule:employment_without_org:owners")
    client.post(reverse("suggestions:dismiss", args=[remark.pk]))
    assert "创作方式为职务创作" not in panel(client, app)
    assert AuditEntry.objects.filter(subject=app.subject, action="suggestion_dismissed").count() == 1
    # fixed in the form: the remark is gone; dismissed rows are kept as the record of the decision
    applications.update_draft(applicant=applicant, app_id=app.pk, fields={"creation_mode": "independent"})
    client.get(reverse("applications:edit", args=[app.pk]))
    assert Suggestion.objects.filter(application=app, state=State.OFFERED).count() == 0


def test_the_reviewer_sees_the_remarks_and_the_applicant_never_sees_the_summary(
        client, applicant, reviewer, fake_llm, django_capture_on_commit_callbacks):
    fake_llm.reply = answering(summary="一幅山水长卷，著作权人张三。")
    app = factories.submitted(applicant, creation_mode="employment")
    with django_capture_on_commit_callbacks(execute=True):
        review.accept(reviewer=reviewer, app_id=app.pk)
    summary = Suggestion.objects.get(application=app, kind=Kind.SUMMARY)
    assert summary.payload["text"] == "一幅山水长卷，著作权人张三。"
    sent = fake_llm.last_user_message()
    assert "山水长卷" in sent and factories.VALID_ID not in sent
    client.force_login(reviewer)
    page = client.get(reverse("review:application", args=[app.pk])).content.decode()
    assert "机器生成" in page and "一幅山水长卷，著作权人张三。" in page
    assert "创作方式为职务创作" in page
    client.post(reverse("suggestions:accept", args=[summary.pk]))
    summary.refresh_from_db()
    assert summary.state == State.ACCEPTED and summary.decided_by == reviewer
    kinds = {s["kind"] for s in BearerClient(applicant).get(f"/api/v1/suggestions/applications/{app.pk}").json()}
    assert kinds == {"inconsistency"}


def test_after_submission_a_category_can_no_longer_be_accepted(applicant, draft, fake_llm,
                                                              django_capture_on_commit_callbacks):
    fake_llm.reply = answering()
    with django_capture_on_commit_callbacks(execute=True):
        services.ask(user=applicant, app=draft)
    s = Suggestion.objects.get(application=draft, kind=Kind.CATEGORY)
    applications.submit(applicant=applicant, app_id=draft.pk)
    response = BearerClient(applicant).post(f"/api/v1/suggestions/{s.pk}/accept")
    assert response.status_code == 409 and "申请已提交" in response.json()["detail"]
    assert Application.objects.get(pk=draft.pk).category == "fine_art"


def test_permissions_in_the_api(applicant, other_applicant, reviewer, draft, fake_llm,
                                django_capture_on_commit_callbacks):
    fake_llm.reply = answering()
    own = BearerClient(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        assert own.post(f"/api/v1/suggestions/applications/{draft.pk}/ask").status_code == 202
    s = Suggestion.objects.get(application=draft, kind=Kind.CATEGORY)
    stranger = BearerClient(other_applicant)
    assert stranger.get(f"/api/v1/suggestions/applications/{draft.pk}").status_code == 404
    assert stranger.post(f"/api/v1/suggestions/{s.pk}/accept").status_code == 404
    assert stranger.post(f"/api/v1/suggestions/{s.pk}/dismiss").status_code == 404
    # a draft is the applicant's alone, as on the review pages
    assert BearerClient(reviewer).get(f"/api/v1/suggestions/applications/{draft.pk}").status_code == 404
    applications.submit(applicant=applicant, app_id=draft.pk)
    office = BearerClient(reviewer)
    listed = office.get(f"/api/v1/suggestions/applications/{draft.pk}").json()
    assert any(x["kind"] == "category" and x["category"] == "written" for x in listed)
    assert office.post(f"/api/v1/suggestions/{s.pk}/accept").status_code == 403
    body = own.post(f"/api/v1/suggestions/{s.pk}/dismiss", {"reason": "类别没错"}).json()
    assert body["state"] == "dismissed" and body["decided_by"] == applicant.username
    paths = BearerClient(applicant).get("/api/openapi.json").json()["paths"]
    assert "/api/v1/suggestions/{suggestion_id}/accept" in paths


def test_a_failing_provider_leaves_the_pages_working(
        client, applicant, reviewer, draft, fake_llm, django_capture_on_commit_callbacks):
    fake_llm.status = 503
    client.force_login(applicant)
    response = ask(client, draft, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "智能助手暂时不可用" in response.content.decode()
    assert not Suggestion.objects.filter(application=draft, source="model").exists()
    applications.submit(applicant=applicant, app_id=draft.pk)
    with django_capture_on_commit_callbacks(execute=True):
        review.accept(reviewer=reviewer, app_id=draft.pk)
    assert Application.objects.get(pk=draft.pk).status == "accepted"
    assert not Suggestion.objects.filter(application=draft, kind=Kind.SUMMARY).exists()
    client.force_login(reviewer)
    assert client.get(reverse("review:application", args=[draft.pk])).status_code == 200


def test_without_a_model_asking_is_refused_plainly(applicant, draft):
    response = BearerClient(applicant).post(f"/api/v1/suggestions/applications/{draft.pk}/ask")
    assert response.status_code == 409 and "未配置" in response.json()["detail"]


def test_remarks_in_english(client, applicant):
    app = factories.draft(applicant, category="audiovisual")
    client.force_login(applicant)
    client.cookies["django_language"] = "en"
    html = panel(client, app)
    assert "The category is “Audiovisual work”" in html and "Assistance" in html
