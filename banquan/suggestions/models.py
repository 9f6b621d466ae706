"""Suggestions (智能辅助): what the language model or the office's consistency rules offer at a
registration step, and what a person decided. A suggestion never changes the application by
itself: only ``services.accept`` does, for a person who may make that change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application
from banquan.core import clock


class Kind(models.TextChoices):
    CATEGORY = "category", _("作品类别建议")
    INCONSISTENCY = "inconsistency", _("填写问题提示")
    SUMMARY = "summary", _("申请摘要")


class State(models.TextChoices):
    OFFERED = "offered", _("待处理")
    ACCEPTED = "accepted", _("已采纳")
    DISMISSED = "dismissed", _("已忽略")


class Source(models.TextChoices):
    RULES = "rules", _("规则检查")
    MODEL = "model", _("语言模型")


class Suggestion(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    source = models.CharField(_("来源"), max_length=8, choices=Source.choices)
    # Rules: "rule:<code>:<field>", so a dismissed remark stays dismissed while it still applies;
    # model answers: "model:<uuid>".
    key = models.CharField(max_length=120)
    # category: {"category", "reason", "previous"}; inconsistency: {"field", "message"} or, from
    # the rules, {"field", "code", "template", "params"}; summary: {"text", "flags"}.
    payload = models.JSONField(default=dict)
    model_name = models.CharField(_("模型"), max_length=100, blank=True)
    state = models.CharField(_("状态"), max_length=12, choices=State.choices, default=State.OFFERED)
    created_at = models.DateTimeField(default=clock.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("处理人"))
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("智能辅助建议")
        verbose_name_plural = _("智能辅助建议")
        constraints = [models.UniqueConstraint(fields=["application", "key"], name="suggestion_key_unique")]
        # the panels ask for an application's suggestions by kind and state on every view
        indexes = [models.Index(fields=["application", "kind", "state"], name="suggestion_panel_idx")]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.kind} · {self.state}"


class Purpose(models.TextChoices):
    ASSIST = "assist", _("类别建议与填写检查")
    SUMMARY = "summary", _("申请摘要")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("正在生成")
    DONE = "done", _("已完成")
    FAILED = "failed", _("未能生成")


class Job(models.Model):
    """One request to the model (in the job queue): the page polls it while it runs."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="suggestion_jobs")
    purpose = models.CharField(max_length=8, choices=Purpose.choices)
    status = models.CharField(max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Why nothing was offered (the model failed, answered outside the category table, …):
    # logged and shown as a plain line, never as an error page.
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    @property
    def active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)
