"""The assistant's state changes: questions and answers, the hand-over to a person, the agents'
claims, replies and closing, and staff edits of the knowledge base. Each runs in one
transaction; hand-over, claim, reply, close and article edits write an audit entry.

Who reaches a conversation: its signed-in user, or — for an anonymous visitor — whoever holds
its ``key``; and the human agents (registrars), who reach every conversation handed over.
"""

from __future__ import annotations

import hmac

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.assistant import answering, rules, shipped
from banquan.assistant.models import Article, Conversation, Message
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from banquan.ledger import services as ledger

MAX_QUESTION = 500
MAX_REPLY = 4000
KNOWLEDGE_SUBJECT = "assistant:knowledge"
HANDED_OVER = "已为您转接人工客服。工作人员会在这个对话中回复您，请保持页面打开或稍后回来查看。"
ASKED_FOR_PERSON = "用户要求转人工"
UNSURE_REASON = "智能客服没有把握"
State = Conversation.State


def is_agent(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_registrar)


def subject(conversation: Conversation) -> str:
    return f"assistant:conversation:{conversation.pk}"


def _user(user):
    return user if user is not None and user.is_authenticated else None


def reach(*, conversation_id: int, user=None, key: str = "", lock: bool = False) -> Conversation:
    """The conversation if ``user``/``key`` may see it, else NotFound (as if it did not exist)."""
    qs = Conversation.objects.select_for_update() if lock else Conversation.objects
    conversation = qs.filter(pk=conversation_id).first()
    if conversation is not None:
        if is_agent(user) and conversation.state != State.ASSISTANT:
            return conversation
        owner = _user(user)
        if conversation.user_id is not None and owner is not None and conversation.user_id == owner.pk:
            return conversation
        if conversation.user_id is None and key and hmac.compare_digest(conversation.key, key):
            return conversation
    raise NotFound(_("对话不存在。"))


def _say(conversation: Conversation, role: str, text: str, **extra) -> Message:
    now = clock.now()
    conversation.updated_at = now
    return Message.objects.create(conversation=conversation, role=role, text=text, created_at=now, **extra)


@transaction.atomic
def start(*, user=None) -> Conversation:
    now = clock.now()
    return Conversation.objects.create(user=_user(user), created_at=now, updated_at=now)


def _question(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationFailed({"question": [_("请输入问题。")]})
    if len(text) > MAX_QUESTION:
        raise ValidationFailed({"question": [_("问题不能超过 %(n)d 个字。") % {"n": MAX_QUESTION}]})
    return text


def ask(*, question: str, conversation_id: int | None = None, user=None, key: str = "") -> tuple[Conversation, list[Message]]:
    """Ask in a conversation (a new one without ``conversation_id``); returns the conversation
    and the messages this added. The answer is computed before the transaction opens (it may
    wait for a model), so no lock is held meanwhile."""
    question = _question(question)
    if conversation_id is not None:
        current = reach(conversation_id=conversation_id, user=user, key=key)
        if current.state == State.CLOSED:
            raise DomainError(_("这个对话已结束，请开始新的对话。"))
    person = rules.wants_person(question)
    needs_bot = conversation_id is None or current.state == State.ASSISTANT
    answer = answering.answer(question) if needs_bot and not person else None
    with transaction.atomic():
        if conversation_id is None:
            conversation = start(user=user)
        else:
            conversation = reach(conversation_id=conversation_id, user=user, key=key, lock=True)
        added = [_say(conversation, Message.Role.USER, question, author=_user(user))]
        if conversation.state == State.ASSISTANT:
            if person:
                added += _hand_over(conversation, by=user, reason=ASKED_FOR_PERSON)
            elif answer is not None:
                added.append(_say(conversation, Message.Role.ASSISTANT, answer.text, confident=answer.confident,
                                  via=answer.via, sources=[s.__dict__ for s in answer.sources]))
                if not answer.confident:
                    added += _hand_over(conversation, by=user, reason=UNSURE_REASON)
        conversation.save()
        return conversation, added


def _hand_over(conversation: Conversation, *, by, reason: str) -> list[Message]:
    now = clock.now()
    conversation.state = State.WAITING
    conversation.handover_reason = reason[:200]
    conversation.handed_over_at = now
    ledger.record(actor=_user(by), subject=subject(conversation), action="handover", from_state=State.ASSISTANT,
                  to_state=State.WAITING, reason=reason)
    return [_say(conversation, Message.Role.SYSTEM, HANDED_OVER)]


@transaction.atomic
def hand_over(*, conversation_id: int, user=None, key: str = "", reason: str = ASKED_FOR_PERSON) -> Conversation:
    """The user asks for a person (the 转人工 button). Already with a person: nothing changes."""
    conversation = reach(conversation_id=conversation_id, user=user, key=key, lock=True)
    if conversation.state == State.CLOSED:
        raise DomainError(_("这个对话已结束，请开始新的对话。"))
    if conversation.state == State.ASSISTANT:
        _hand_over(conversation, by=user, reason=reason.strip() or ASKED_FOR_PERSON)
        conversation.save()
    return conversation


def _agent_conversation(agent, conversation_id: int) -> Conversation:
    if not is_agent(agent):
        raise PermissionDenied(_("只有登记机构的客服人员可以处理转人工的对话。"))
    conversation = reach(conversation_id=conversation_id, user=agent, lock=True)
    if conversation.state == State.CLOSED:
        raise DomainError(_("这个对话已结束。"))
    return conversation


def _claim(conversation: Conversation, agent) -> None:
    if conversation.agent_id is not None and conversation.agent_id != agent.pk:
        raise DomainError(_("这个对话已由 %(name)s 接待。") % {"name": conversation.agent})
    if conversation.agent_id is None:
        before = conversation.state
        conversation.agent = agent
        conversation.state = State.AGENT
        ledger.record(actor=agent, subject=subject(conversation), action="claim", from_state=before,
                      to_state=State.AGENT)


@transaction.atomic
def claim(*, agent, conversation_id: int) -> Conversation:
    conversation = _agent_conversation(agent, conversation_id)
    _claim(conversation, agent)
    conversation.updated_at = clock.now()
    conversation.save()
    return conversation


@transaction.atomic
def reply(*, agent, conversation_id: int, text: str) -> Message:
    """An agent's reply in the conversation; an unclaimed conversation becomes theirs."""
    text = (text or "").strip()
    if not text:
        raise ValidationFailed({"text": [_("请输入回复内容。")]})
    if len(text) > MAX_REPLY:
        raise ValidationFailed({"text": [_("回复不能超过 %(n)d 个字。") % {"n": MAX_REPLY}]})
    conversation = _agent_conversation(agent, conversation_id)
    _claim(conversation, agent)
    message = _say(conversation, Message.Role.AGENT, text, author=agent)
    conversation.save()
    ledger.record(actor=agent, subject=subject(conversation), action="agent_reply", to_state=conversation.state,
                  data={"message": message.pk})
    return message


@transaction.atomic
def close(*, conversation_id: int, user=None, key: str = "") -> Conversation:
    """The user or an agent ends the conversation; closing twice changes nothing."""
    conversation = reach(conversation_id=conversation_id, user=user, key=key, lock=True)
    if conversation.state != State.CLOSED:
        before = conversation.state
        conversation.state = State.CLOSED
        _say(conversation, Message.Role.SYSTEM, _("对话已结束。"))
        conversation.save()
        ledger.record(actor=_user(user), subject=subject(conversation), action="close", from_state=before,
                      to_state=State.CLOSED)
    return conversation


def inbox():
    """The conversations handed over: waiting first, then those with an agent, oldest first."""
    return (Conversation.objects.filter(state__in=[State.WAITING, State.AGENT])
            .select_related("user", "agent").order_by("-state", "handed_over_at"))


# --- knowledge base ---------------------------------------------------------------------------

def _may_edit(by) -> None:
    if by is not None and not getattr(by, "is_registrar", False):
        raise PermissionDenied(_("只有登记管理员可以编辑知识库。"))


@transaction.atomic
def save_article(*, by, slug: str, title: str, body: str, position: int = 0, active: bool = True,
                 article_id: int | None = None) -> Article:
    """Add an article or change one (``article_id``); the next question uses it."""
    _may_edit(by)
    slug, title = slug.strip(), title.strip()
    errors = {}
    if not slug:
        errors["slug"] = [_("请填写标识。")]
    if not title:
        errors["title"] = [_("请填写标题。")]
    if not body.strip():
        errors["body"] = [_("请填写正文。")]
    elif "\n## " not in f"\n{body}":
        errors["body"] = [_("正文至少要有一个以“## ”开头的小节标题：回答按小节引用出处。")]
    if Article.objects.filter(slug=slug).exclude(pk=article_id or 0).exists():
        errors["slug"] = [_("标识“%(slug)s”已被使用。") % {"slug": slug}]
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    digest = shipped.digest(slug=slug, title=title, body=body, active=active)
    actor = by if getattr(by, "pk", None) else None
    if article_id is None:
        article = Article.objects.create(slug=slug, title=title, body=body, position=position, active=active,
                                         digest=digest, updated_at=now, updated_by=actor)
        action = "article_add"
    else:
        found = Article.objects.select_for_update().filter(pk=article_id).first()
        if found is None:
            raise NotFound(_("文章不存在。"))
        article = found
        if article.digest == digest and article.position == position:
            return article
        article.slug, article.title, article.body, article.position, article.active = slug, title, body, position, active
        article.digest, article.revision, article.updated_at, article.updated_by = (
            digest, article.revision + 1, now, actor)
        article.save()
        action = "article_edit"
    ledger.record(actor=actor, subject=KNOWLEDGE_SUBJECT, action=action, to_state=str(article.revision),
                  reason=f"{article.slug}：{article.title}", data={"article": article.pk})
    return article
