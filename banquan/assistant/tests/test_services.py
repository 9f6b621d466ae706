"""Conversations, hand-over, agents' replies and staff edits of the knowledge base (SQLite and PostgreSQL)."""

import pytest

from banquan.assistant import services
from banquan.assistant.models import Article, Conversation, Message
from banquan.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from banquan.ledger.models import AuditEntry
from banquan.testing import factories

pytestmark = pytest.mark.django_db
State = Conversation.State


def test_the_shipped_knowledge_base_is_loaded():
    assert Article.objects.filter(slug="software-deposit", active=True).exists()
    assert Article.objects.count() >= 13


def test_an_answer_is_stored_with_its_sources(applicant):
    conversation, added = services.ask(question="证书丢了怎么办？", user=applicant)
    assert [m.role for m in added] == ["user", "assistant"]
    answer = added[1]
    assert "补发" in answer.text and answer.confident and answer.via == "retrieval"
    assert answer.sources[0]["slug"] == "reissue"
    assert conversation.state == State.ASSISTANT and conversation.user == applicant


def test_a_staff_edit_changes_the_next_answer_without_restart(registrar):
    article = Article.objects.get(slug="fees")
    assert "按作品类别收取" in services.ask(question="作品登记要交费吗？")[1][1].text
    body = article.body.replace("## 作品登记收费\n", "## 作品登记收费\n\n本机构自 2027 年起作品登记一律免费，无需缴纳任何费用。\n")
    services.save_article(by=registrar, article_id=article.pk, slug=article.slug, title=article.title, body=body,
                          position=article.position)
    assert "一律免费" in services.ask(question="作品登记要交费吗？")[1][1].text
    entry = AuditEntry.objects.get(subject=services.KNOWLEDGE_SUBJECT, action="article_edit")
    assert entry.actor == registrar
    # Switched off, the article is no longer cited.
    services.save_article(by=registrar, article_id=article.pk, slug=article.slug, title=article.title, body=body,
                          position=article.position, active=False)
    sources = services.ask(question="作品登记要交费吗？")[1][1].sources
    assert all(s["slug"] != "fees" for s in sources)


def test_only_registrars_edit_and_an_article_needs_sections(applicant, registrar):
    with pytest.raises(PermissionDenied):
        services.save_article(by=applicant, slug="x", title="X", body="## a\nb")
    with pytest.raises(ValidationFailed) as e:
        services.save_article(by=registrar, slug="x", title="X", body="no sections")
    assert "body" in e.value.errors
    with pytest.raises(ValidationFailed) as e:
        services.save_article(by=registrar, slug="fees", title="X", body="## a\nb")
    assert "slug" in e.value.errors


def test_asking_for_a_person_hands_over_at_once(applicant):
    conversation, added = services.ask(question="转人工", user=applicant)
    assert [m.role for m in added] == ["user", "system"]
    assert conversation.state == State.WAITING and conversation.handover_reason == services.ASKED_FOR_PERSON
    assert conversation in services.inbox()
    assert AuditEntry.objects.filter(subject=services.subject(conversation), action="handover").exists()


def test_an_unsure_answer_hands_over():
    conversation, added = services.ask(question="商标申请注册流程是什么？")
    assert [m.role for m in added] == ["user", "assistant", "system"]
    assert not added[1].confident
    assert conversation.state == State.WAITING and conversation.handover_reason == services.UNSURE_REASON


def test_the_agent_claims_and_replies_in_the_same_conversation(handed_over, applicant, registrar):
    other = factories.UserFactory(role="registrar", is_staff=True)
    services.claim(agent=registrar, conversation_id=handed_over.pk)
    with pytest.raises(DomainError):
        services.reply(agent=other, conversation_id=handed_over.pk, text="我来")
    services.reply(agent=registrar, conversation_id=handed_over.pk, text="您好，请问有什么可以帮您？")
    # The user's next message goes to the agent, not the assistant.
    _, added = services.ask(question="证书丢了怎么办？", conversation_id=handed_over.pk, user=applicant)
    assert [m.role for m in added] == ["user"]
    roles = list(handed_over.messages.values_list("role", flat=True))
    assert roles == ["user", "system", "agent", "user"]
    handed_over.refresh_from_db()
    assert handed_over.state == State.AGENT and handed_over.agent == registrar
    actions = list(AuditEntry.objects.filter(subject=services.subject(handed_over)).values_list("action", flat=True))
    assert actions == ["handover", "claim", "agent_reply"]


def test_only_agents_reply(handed_over, applicant):
    with pytest.raises(PermissionDenied):
        services.reply(agent=applicant, conversation_id=handed_over.pk, text="hi")


def test_a_closed_conversation_takes_no_more_questions(handed_over, applicant, registrar):
    services.close(conversation_id=handed_over.pk, user=registrar)
    assert handed_over.messages.last().role == Message.Role.SYSTEM
    with pytest.raises(DomainError):
        services.ask(question="还在吗", conversation_id=handed_over.pk, user=applicant)
    with pytest.raises(DomainError):
        services.reply(agent=registrar, conversation_id=handed_over.pk, text="hi")
    assert handed_over not in services.inbox()


def test_anonymous_conversations_need_their_key(other_applicant):
    conversation, _ = services.ask(question="外国人能登记吗？")
    assert services.reach(conversation_id=conversation.pk, key=conversation.key) == conversation
    for key in ("", "wrong"):
        with pytest.raises(NotFound):
            services.reach(conversation_id=conversation.pk, key=key)
    with pytest.raises(NotFound):
        services.reach(conversation_id=conversation.pk, user=other_applicant)


def test_a_question_is_checked(applicant):
    with pytest.raises(ValidationFailed):
        services.ask(question="   ", user=applicant)
    with pytest.raises(ValidationFailed):
        services.ask(question="问" * 501, user=applicant)
    assert not Conversation.objects.exists()
