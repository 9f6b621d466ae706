"""The chat page (/assistant/, anonymous visitors through their session, signed-in users by
account), the knowledge articles, and the agents' inbox (registrars). htmx posts a question
and swaps in the new messages; the page polls for an agent's replies."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from banquan.assistant import pages, services
from banquan.assistant.models import Article, Conversation
from banquan.core.errors import DomainError, NotFound

SESSION_KEY = "assistant_conversation"  # {"id": …, "key": …} of the visitor's conversation


def _current(request) -> Conversation | None:
    """The visitor's open conversation: from the session, else a signed-in user's latest."""
    saved = request.session.get(SESSION_KEY) or {}
    if saved.get("id"):
        try:
            c = services.reach(conversation_id=saved["id"], user=request.user, key=saved.get("key", ""))
        except NotFound:
            c = None
        if c is not None and c.state != Conversation.State.CLOSED:
            return c
    if request.user.is_authenticated:
        return (Conversation.objects.filter(user=request.user).exclude(state=Conversation.State.CLOSED)
                .order_by("-updated_at").first())
    return None


def _remember(request, c: Conversation) -> None:
    request.session[SESSION_KEY] = {"id": c.pk, "key": c.key}


def _conversation_context(c: Conversation | None) -> dict:
    messages = list(c.messages.all()) if c else []
    # Not "messages": base.html lists the messages framework's notices under that name.
    return {"conversation": c, "chat_messages": messages, "last_id": messages[-1].pk if messages else 0}


@require_GET
def chat(request):
    return render(request, "assistant/chat.html", _conversation_context(_current(request)))


@require_POST
def ask(request):
    c = _current(request)
    question = request.POST.get("question", "")
    try:
        c, added = services.ask(question=question, conversation_id=c.pk if c else None, user=request.user,
                                key=c.key if c else "")
    except DomainError as e:
        return render(request, "assistant/_error.html", {"error": e.message}, status=422)
    _remember(request, c)
    if not request.headers.get("HX-Request"):
        return redirect("assistant:chat")
    return render(request, "assistant/_messages.html", {"chat_messages": added, "conversation": c,
                                                        "last_id": added[-1].pk, "oob": True})


@require_GET
def poll(request):
    """Messages after ``after`` (an agent's replies), for the page's htmx polling."""
    c = _current(request)
    after = int(request.GET.get("after") or 0) if (request.GET.get("after") or "0").isdigit() else 0
    new = list(c.messages.filter(pk__gt=after)) if c else []
    return render(request, "assistant/_messages.html", {"chat_messages": new, "conversation": c,
                                                        "last_id": new[-1].pk if new else after, "oob": True})


@require_POST
def hand_over(request):
    c = _current(request)
    if c is None:
        c = services.start(user=request.user)
        _remember(request, c)
    try:
        services.hand_over(conversation_id=c.pk, user=request.user, key=c.key)
    except DomainError:
        pass  # a conversation closed meanwhile: the page shows the state it is in
    return redirect("assistant:chat")


@require_POST
def new_conversation(request):
    c = _current(request)
    if c is not None:
        services.close(conversation_id=c.pk, user=request.user, key=c.key)
    request.session.pop(SESSION_KEY, None)
    return redirect("assistant:chat")


@require_GET
def articles(request):
    return render(request, "assistant/articles.html", {"articles": Article.objects.filter(active=True)})


@require_GET
def article(request, slug: str):
    found = get_object_or_404(Article, slug=slug, active=True)
    return render(request, "assistant/article.html", {"article": found, **pages.article_blocks(found.body)})


# --- the agents' inbox ----------------------------------------------------------------------

def agents_only(view):
    @login_required
    def wrapper(request, *args, **kwargs):
        if not services.is_agent(request.user):
            raise Forbidden
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@agents_only
@require_GET
def inbox(request):
    return render(request, "assistant/inbox.html", {"rows": services.inbox()})


@agents_only
@require_GET
def inbox_conversation(request, conversation_id: int, error: str = "", status: int = 200):
    try:
        c = services.reach(conversation_id=conversation_id, user=request.user)
    except NotFound:
        raise Http404 from None
    return render(request, "assistant/inbox_conversation.html",
                  {**_conversation_context(c), "error": error, "agent_view": True}, status=status)


def _agent_action(request, conversation_id: int, action):
    try:
        action()
    except NotFound:
        raise Http404 from None
    except DomainError as e:
        return inbox_conversation(request, conversation_id, error=e.message, status=422)
    return redirect("assistant:inbox_conversation", conversation_id)


@agents_only
@require_POST
def claim(request, conversation_id: int):
    return _agent_action(request, conversation_id,
                         lambda: services.claim(agent=request.user, conversation_id=conversation_id))


@agents_only
@require_POST
def reply(request, conversation_id: int):
    return _agent_action(request, conversation_id, lambda: services.reply(
        agent=request.user, conversation_id=conversation_id, text=request.POST.get("text", "")))


@agents_only
@require_POST
def close(request, conversation_id: int):
    return _agent_action(request, conversation_id,
                         lambda: services.close(conversation_id=conversation_id, user=request.user))
