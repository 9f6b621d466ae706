"""The chat page (anonymous and signed in), the article pages, the agents' inbox and the API."""

import re

import pytest

from banquan.assistant import services
from banquan.assistant.models import Conversation
from banquan.ledger.models import AuditEntry

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def test_anonymous_visitor_asks_sees_sources_and_gets_the_agents_reply(client, registrar):
    page = client.get("/assistant/")
    assert page.status_code == 200 and "智能客服" in page.content.decode()
    reply = client.post("/assistant/ask/", {"question": "源代码要交多少页？"}, **HX).content.decode()
    assert "前、后各连续 30 页" in reply and 'href="/assistant/articles/software-deposit/#s1"' in reply
    client.post("/assistant/handover/")
    conversation = Conversation.objects.get()
    assert conversation.state == Conversation.State.WAITING and conversation.user is None
    last = conversation.messages.last().pk

    agent = client.__class__()
    agent.force_login(registrar)
    inbox = agent.get("/assistant/inbox/").content.decode()
    assert f"/assistant/inbox/{conversation.pk}/" in inbox
    assert agent.post(f"/assistant/inbox/{conversation.pk}/reply/", {"text": "您好，我是登记处的小王。"}).status_code == 302

    polled = client.get(f"/assistant/poll/?after={last}", **HX).content.decode()
    assert "您好，我是登记处的小王。" in polled and "人工客服处理中" in polled
    assert re.search(r'hx-get="/assistant/poll/\?after=(\d+)"', polled).group(1) != str(last)
    # The page itself shows the whole conversation after a reload.
    assert "您好，我是登记处的小王。" in client.get("/assistant/").content.decode()


def test_a_signed_in_user_keeps_their_conversation(client, applicant):
    client.force_login(applicant)
    client.post("/assistant/ask/", {"question": "外国人能登记吗？"}, **HX)
    assert Conversation.objects.get().user == applicant
    client.post("/assistant/new/")
    assert Conversation.objects.get().state == Conversation.State.CLOSED
    assert "外国人" not in client.get("/assistant/").content.decode()


def test_an_empty_question_is_refused_beside_the_form(client):
    response = client.post("/assistant/ask/", {"question": " "}, **HX)
    assert response.status_code == 422 and "请输入问题" in response.content.decode()


def test_article_page_shows_sections_with_anchors_and_escapes_html(client, registrar):
    page = client.get("/assistant/articles/software-deposit/").content.decode()
    assert '<section id="s1"><h2>交多少页</h2>' in page
    services.save_article(by=registrar, slug="x-test", title="测试", body="## 一\n<script>alert(1)</script>")
    assert "<script>alert" not in client.get("/assistant/articles/x-test/").content.decode()


def test_the_inbox_is_for_agents_only(client, applicant, handed_over):
    client.force_login(applicant)
    assert client.get("/assistant/inbox/").status_code == 403
    assert client.get(f"/assistant/inbox/{handed_over.pk}/").status_code == 403


def test_agent_claims_and_closes_from_the_page(client, registrar, handed_over):
    client.force_login(registrar)
    client.post(f"/assistant/inbox/{handed_over.pk}/claim/")
    client.post(f"/assistant/inbox/{handed_over.pk}/close/")
    handed_over.refresh_from_db()
    assert handed_over.state == Conversation.State.CLOSED and handed_over.agent == registrar
    assert AuditEntry.objects.filter(subject=services.subject(handed_over), action="close", actor=registrar).exists()


def test_staff_edit_articles_in_the_back_office(client, registrar):
    client.force_login(registrar)
    article = services.save_article(by=None, slug="x-admin", title="测试文章", body="## 一\n原来的内容。")
    form = {"slug": "x-admin", "title": "测试文章", "position": 0, "active": "on", "body": "## 一\n修改后的内容。"}
    response = client.post(f"/admin/assistant/article/{article.pk}/change/", form)
    assert response.status_code == 302
    article.refresh_from_db()
    assert "修改后的内容" in article.body and article.revision == 2


def test_api_anonymous_ask_returns_the_key_to_continue(client):
    first = client.post("/api/v1/assistant/ask", {"question": "作品登记要交费吗？"}, content_type="application/json")
    assert first.status_code == 200
    body = first.json()
    answer = body["messages"][1]
    assert answer["role"] == "assistant" and answer["sources"][0]["url"].startswith("/assistant/articles/fees/")
    assert body["key"]
    handover = client.post(f"/api/v1/assistant/conversations/{body['id']}/handover", {"key": body["key"]},
                           content_type="application/json")
    assert handover.json()["state"] == "waiting"
    assert client.get(f"/api/v1/assistant/conversations/{body['id']}").status_code == 404
    assert len(client.get(f"/api/v1/assistant/conversations/{body['id']}?key={body['key']}").json()["messages"]) == 3


def test_api_agents_see_the_inbox_and_reply(client, registrar, applicant, handed_over):
    client.force_login(applicant)
    assert client.get("/api/v1/assistant/inbox").status_code == 403
    client.force_login(registrar)
    assert [row["id"] for row in client.get("/api/v1/assistant/inbox").json()] == [handed_over.pk]
    reply = client.post(f"/api/v1/assistant/conversations/{handed_over.pk}/reply", {"text": "您好"},
                        content_type="application/json")
    assert reply.status_code == 201 and reply.json()["role"] == "agent"
    client.force_login(applicant)
    mine = client.get(f"/api/v1/assistant/conversations/{handed_over.pk}").json()
    assert mine["key"] is None and mine["messages"][-1]["text"] == "您好"


def test_openapi_lists_the_assistant_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/v1/assistant/ask", "/api/v1/assistant/conversations/{conversation_id}/handover",
              "/api/v1/assistant/conversations/{conversation_id}/reply", "/api/v1/assistant/inbox"):
        assert p in paths
