from __future__ import annotations

import datetime as dt

from django.urls import reverse
from ninja import Schema

from banquan.assistant.models import Conversation, Message


class AskIn(Schema):
    question: str
    conversation_id: int | None = None
    key: str = ""  # an anonymous caller's conversation key, from an earlier answer


class SourceOut(Schema):
    title: str
    heading: str
    url: str

    @classmethod
    def of(cls, s: dict) -> SourceOut:
        url = reverse("assistant:article", args=[s["slug"]]) + (f"#{s['anchor']}" if s.get("anchor") else "")
        return cls(title=s["title"], heading=s["heading"], url=url)


class MessageOut(Schema):
    id: int
    role: Message.Role
    text: str
    sources: list[SourceOut]
    confident: bool
    via: str
    created_at: dt.datetime

    @classmethod
    def of(cls, m: Message) -> MessageOut:
        return cls(id=m.pk, role=Message.Role(m.role), text=m.text, sources=[SourceOut.of(s) for s in m.sources],
                   confident=m.confident, via=m.via, created_at=m.created_at)


class ConversationOut(Schema):
    id: int
    state: Conversation.State
    key: str | None  # only to an anonymous caller: keep it to continue the conversation
    agent: str | None
    handover_reason: str
    messages: list[MessageOut]

    @classmethod
    def of(cls, c: Conversation, *, show_key: bool, messages: list[Message] | None = None) -> ConversationOut:
        shown = messages if messages is not None else list(c.messages.all())
        return cls(id=c.pk, state=Conversation.State(c.state), key=c.key if show_key else None,
                   agent=str(c.agent) if c.agent_id else None, handover_reason=c.handover_reason,
                   messages=[MessageOut.of(m) for m in shown])


class KeyIn(Schema):
    key: str = ""


class HandOverIn(KeyIn):
    reason: str = ""


class ReplyIn(Schema):
    text: str


class InboxRowOut(Schema):
    id: int
    state: Conversation.State
    user: str | None
    agent: str | None
    handover_reason: str
    handed_over_at: dt.datetime | None
    updated_at: dt.datetime
