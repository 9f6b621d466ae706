"""Sensitive-content screening (敏感内容筛查) of an application: one run per screening, the
items it read (the form, each sample), the text it extracted, the hits found in that text,
and the reviewers' judgements on the hits. Written only by ``screening.services``."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application, Sample
from banquan.core import clock


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("筛查中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class Trigger(models.TextChoices):
    ACCEPT = "accept", _("受理")
    RESUBMIT = "resubmit", _("补正后")
    MANUAL = "manual", _("重新筛查")


class Run(models.Model):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="screening_runs")
    trigger = models.CharField(_("起因"), max_length=16, choices=Trigger.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("发起人"))
    status = models.CharField(_("状态"), max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    created_at = models.DateTimeField(_("创建时间"), default=clock.now)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    items_total = models.PositiveIntegerField(_("待筛查项"), default=0)
    items_done = models.PositiveIntegerField(_("已筛查项"), default=0)
    lexicon_version = models.PositiveIntegerField(_("词库版本"), null=True, blank=True)
    error = models.TextField(_("错误"), blank=True)
    special_review_requested = models.BooleanField(_("已转专项审查"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        verbose_name = _("筛查")
        verbose_name_plural = _("筛查")

    def __str__(self) -> str:
        return f"{self.application.reference} #{self.pk} {self.get_status_display()}"

    @property
    def subject(self) -> str:
        """Audit subject of screening events: apart from the application's own history,
        which the applicant sees."""
        return f"screening:{self.application_id}"

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("待筛查")
    DONE = "done", _("已筛查")
    UNREADABLE = "unreadable", _("无法读取")
    NOT_TEXT = "not_text", _("不含文字")


class Item(models.Model):
    """One thing a run reads: the application form's text, or one sample."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=16)  # "form", an extraction kind, or "" for audio/video
    sample = models.ForeignKey(Sample, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    label = models.CharField(_("来源"), max_length=255)  # 申请表 or the file name
    status = models.CharField(_("状态"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    reason = models.TextField(_("原因"), blank=True)  # why it is unreadable
    problems = models.JSONField(_("部分内容无法读取"), default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("筛查项")
        verbose_name_plural = _("筛查项")

    def __str__(self) -> str:
        return self.label


class Piece(models.Model):
    """A stretch of extracted text, kept to show hits in context and to screen again."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="pieces")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="pieces")
    position = models.PositiveIntegerField(default=0)
    # field:title, author:<id>:signature, sample:<id>, … (see ``sources``)
    source = models.CharField(max_length=100)
    source_label = models.CharField(_("来源"), max_length=255)
    location = models.CharField(_("位置"), max_length=200, blank=True)
    text = models.TextField()
    segments = models.JSONField(default=list, blank=True)  # [[start, end, label, box], …]

    class Meta:
        ordering = ["item__position", "position", "id"]


class Hit(models.Model):
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="hits")
    piece = models.ForeignKey(Piece, on_delete=models.CASCADE, related_name="hits")
    location = models.CharField(_("位置"), max_length=300, blank=True)
    box = models.JSONField(null=True, blank=True)  # the OCR line's box in the image, if any
    term = models.CharField(_("词条"), max_length=100)
    category = models.CharField(_("类别"), max_length=64)
    level = models.PositiveSmallIntegerField(_("级别"))
    kind = models.CharField(_("匹配方式"), max_length=16)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    matched = models.CharField(_("命中文字"), max_length=300)
    major_topic = models.BooleanField(_("重大题材"), default=False)
    # Same source, term, kind and surrounding text: lets a later run show an earlier judgement.
    fingerprint = models.CharField(max_length=64, db_index=True)

    class Meta:
        ordering = ["piece__item__position", "piece__position", "start", "end", "id"]
        verbose_name = _("命中")
        verbose_name_plural = _("命中")

    def __str__(self) -> str:
        return f"{self.term}（{self.category}）"


class Verdict(models.TextChoices):
    SENSITIVE = "sensitive", _("确认敏感")
    CLEAR = "clear", _("无问题（误报）")
    SPECIAL_REVIEW = "special_review", _("需专项复审")


class Judgement(models.Model):
    """A reviewer's judgement on a hit. Never changed: a new judgement supersedes it."""

    hit = models.ForeignKey(Hit, on_delete=models.PROTECT, related_name="judgements")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("审查员"))
    verdict = models.CharField(_("判断"), max_length=16, choices=Verdict.choices)
    note = models.TextField(_("说明"), blank=True)
    at = models.DateTimeField(_("时间"), default=clock.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("命中判断")
        verbose_name_plural = _("命中判断")

    def __str__(self) -> str:
        return f"{self.hit} {self.get_verdict_display()}"
