"""The assistant's JSON API: ask (anonymous callers too — they get the conversation's key to
continue it), read a conversation, hand it over to a person; and for the office's agents
(registrars) the inbox, claim, reply and close."""

from django.http import HttpRequest
from ninja import Router, Status

from banquan.api import SessionAuth, TokenAuth
from banquan.applications.api import current_user
from banquan.assistant import services
from banquan.assistant.models import Conversation
from banquan.assistant.schemas import (
    AskIn,
    ConversationOut,
    HandOverIn,
    InboxRowOut,
    KeyIn,
    MessageOut,
    ReplyIn,
)
from banquan.core.errors import PermissionDenied

router = Router(tags=["assistant"])


def _anyone(request: HttpRequest):
    return True  # no credentials: an anonymous visitor (request.user is AnonymousUser)


OPTIONAL = [TokenAuth(), SessionAuth(), _anyone]


def _anonymous(request: HttpRequest) -> bool:
    return not request.user.is_authenticated


def _out(request: HttpRequest, c: Conversation, messages=None) -> ConversationOut:
    return ConversationOut.of(c, show_key=_anonymous(request) and c.user_id is None, messages=messages)


@router.post("/ask", auth=OPTIONAL, response=ConversationOut,
             summary="Ask the assistant; the reply holds this question's messages (answer with sources, hand-over)")
def ask(request: HttpRequest, payload: AskIn):
    conversation, added = services.ask(question=payload.question, conversation_id=payload.conversation_id,
                                       user=request.user, key=payload.key)
    return _out(request, conversation, added)


@router.get("/conversations/{conversation_id}", auth=OPTIONAL, response=ConversationOut,
            summary="A conversation with all its messages (anonymous callers pass ?key=)")
def conversation(request: HttpRequest, conversation_id: int, key: str = ""):
    return _out(request, services.reach(conversation_id=conversation_id, user=request.user, key=key))


@router.post("/conversations/{conversation_id}/handover", auth=OPTIONAL, response=ConversationOut,
             summary="Hand the conversation over to a person (转人工)")
def hand_over(request: HttpRequest, conversation_id: int, payload: HandOverIn):
    c = services.hand_over(conversation_id=conversation_id, user=request.user, key=payload.key,
                           reason=payload.reason)
    return _out(request, c)


@router.post("/conversations/{conversation_id}/close", auth=OPTIONAL, response=ConversationOut,
             summary="End the conversation (its user or an agent)")
def close(request: HttpRequest, conversation_id: int, payload: KeyIn):
    return _out(request, services.close(conversation_id=conversation_id, user=request.user, key=payload.key))


@router.get("/inbox", response=list[InboxRowOut], summary="Agents: the conversations handed over, waiting first")
def inbox(request: HttpRequest):
    user = current_user(request)
    if not services.is_agent(user):
        raise PermissionDenied("只有登记机构的客服人员可以查看转人工的对话。")
    return [InboxRowOut(id=c.pk, state=Conversation.State(c.state), user=str(c.user) if c.user_id else None,
                        agent=str(c.agent) if c.agent_id else None, handover_reason=c.handover_reason,
                        handed_over_at=c.handed_over_at, updated_at=c.updated_at) for c in services.inbox()]


@router.post("/conversations/{conversation_id}/claim", response=ConversationOut,
             summary="Agents: take the conversation (接待)")
def claim(request: HttpRequest, conversation_id: int):
    return _out(request, services.claim(agent=current_user(request), conversation_id=conversation_id))


@router.post("/conversations/{conversation_id}/reply", response={201: MessageOut},
             summary="Agents: reply in the conversation (claims it if nobody has)")
def reply(request: HttpRequest, conversation_id: int, payload: ReplyIn):
    message = services.reply(agent=current_user(request), conversation_id=conversation_id, text=payload.text)
    return Status(201, MessageOut.of(message))
