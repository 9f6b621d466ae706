"""智能客服: the knowledge base the assistant answers from, and conversations with applicants
(the assistant's answers, the hand-over to a person, the agent's replies). Written only by
``assistant.services``."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Article(models.Model):
    """One knowledge article in Markdown (``# title``, ``## sections``). Shipped articles come
    from ``assistant/knowledge/*.md``; staff edit them in the back office."""

    slug = models.SlugField(_("标识"), max_length=64, unique=True)
    title = models.CharField(_("标题"), max_length=120)
    body = models.TextField(_("正文（Markdown）"))
    position = models.PositiveSmallIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("启用"), default=True)
    # sha256 of slug, title, body and active: the retrieval index is keyed on these (see index.py).
    digest = models.CharField(max_length=64, editable=False)
    revision = models.PositiveIntegerField(_("修订次数"), default=1, editable=False)
    updated_at = models.DateTimeField(_("更新时间"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("更新人"))

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("知识库文章")
        verbose_name_plural = _("知识库文章")

    def __str__(self) -> str:
        return self.title


def new_key() -> str:
    return secrets.token_urlsafe(24)


class Conversation(models.Model):
    class State(models.TextChoices):
        ASSISTANT = "assistant", _("智能客服应答中")
        WAITING = "waiting", _("等待人工")
        AGENT = "agent", _("人工客服处理中")
        CLOSED = "closed", _("已结束")

    # A signed-in user's conversation is theirs; an anonymous visitor's is reached with ``key``
    # (kept in their session, or returned by the API), which is secret like a password.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="assistant_conversations", verbose_name=_("用户"))
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.ASSISTANT,
                             db_index=True)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("客服人员"))
    handover_reason = models.CharField(_("转人工原因"), max_length=200, blank=True)
    handed_over_at = models.DateTimeField(_("转人工时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"))
    updated_at = models.DateTimeField(_("更新时间"))

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("客服对话")
        verbose_name_plural = _("客服对话")

    def __str__(self) -> str:
        return f"#{self.pk}"


class Message(models.Model):
    class Role(models.TextChoices):
        USER = "user", _("用户")
        ASSISTANT = "assistant", _("智能客服")
        AGENT = "agent", _("人工客服")
        SYSTEM = "system", _("系统")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    role = models.CharField(max_length=16, choices=Role.choices)
    text = models.TextField()
    # [{"slug", "title", "heading", "anchor"}] for an assistant answer.
    sources = models.JSONField(default=list, blank=True)
    confident = models.BooleanField(default=True)
    via = models.CharField(max_length=16, blank=True)  # "retrieval" | "model" for answers
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
