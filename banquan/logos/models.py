"""The library of protected marks, bulk imports into it, and the brand-logo check of each
application with its findings (the evidence a registrar weighs before releasing one)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application, Sample


class Mark(models.Model):
    """A protected brand mark (知名商标标志). The original file is kept in the blob store; its
    prepared features (``banquan.logos.marks``) are kept here, so every process can rebuild
    the index quickly. Marks are deactivated, never deleted: findings keep pointing at them."""

    brand = models.CharField(_("品牌"), max_length=200)
    owner = models.CharField(_("权利人"), max_length=200)
    original_name = models.CharField(_("文件名"), max_length=255)
    blob_key = models.CharField(max_length=300)
    preview_key = models.CharField(max_length=300)  # PNG rendering (SVGs are never served as-is)
    sha256 = models.CharField(max_length=64, unique=True)
    prepared = models.BinaryField()
    prepared_format = models.PositiveSmallIntegerField()
    active = models.BooleanField(_("启用"), default=True)
    note = models.TextField(_("备注"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(_("添加时间"))
    changed_at = models.DateTimeField(_("修改时间"))  # the in-process index is rebuilt when this moves

    class Meta:
        verbose_name = _("保护标志")
        verbose_name_plural = _("保护标志")
        ordering = ["brand", "id"]

    def __str__(self) -> str:
        return f"{self.brand}（{self.owner}）"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("等待导入")
    RUNNING = "running", _("正在导入")
    DONE = "done", _("导入完成")
    FAILED = "failed", _("导入失败")


class MarkImport(models.Model):
    """A bulk import (an archive, or the files of a folder packed into one at upload),
    processed by a background job; the page shows its progress."""

    original_name = models.CharField(_("文件"), max_length=255)
    archive_key = models.CharField(max_length=300)
    default_owner = models.CharField(_("默认权利人"), max_length=200, blank=True)
    status = models.CharField(_("状态"), max_length=8, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    total = models.PositiveIntegerField(_("文件数"), default=0)
    done = models.PositiveIntegerField(_("已处理"), default=0)
    added = models.PositiveIntegerField(_("新增"), default=0)
    duplicates = models.PositiveIntegerField(_("重复"), default=0)
    errors = models.JSONField(_("错误"), default=list)  # [{"file": ..., "reason": ...}]
    error = models.CharField(max_length=500, blank=True)  # why the whole import failed
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    created_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("批量导入")
        verbose_name_plural = _("批量导入")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.original_name} · {self.get_status_display()}"

    @property
    def active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (0 if self.active else 100)


class CheckStatus(models.TextChoices):
    QUEUED = "queued", _("等待比对")
    RUNNING = "running", _("正在比对")
    DONE = "done", _("比对完成")
    FAILED = "failed", _("比对失败")


class Check(models.Model):
    """One comparison of an application's image samples (and key frames of its video
    samples) with the protected marks; the latest check of an application counts."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="logo_checks")
    trigger = models.CharField(max_length=16)  # accept, resubmit, rerun
    status = models.CharField(max_length=8, choices=CheckStatus.choices, default=CheckStatus.QUEUED)
    marks_compared = models.PositiveIntegerField(default=0)
    images_total = models.PositiveIntegerField(default=0)
    images_done = models.PositiveIntegerField(default=0)
    unreadable = models.JSONField(default=list)  # [{"file": ..., "reason": ...}]
    intercepted = models.BooleanField(default=False)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("商标标志比对")
        verbose_name_plural = _("商标标志比对")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.application} · {self.get_status_display()}"

    @property
    def active(self) -> bool:
        return self.status in (CheckStatus.QUEUED, CheckStatus.RUNNING)


class Finding(models.Model):
    """A sample (or one frame of a video sample) that looks like a protected mark: the
    evidence shown beside the mark. ``x, y, w, h`` is the region in the image's pixels."""

    check_run = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="findings")
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="+")
    frame_at = models.FloatField(null=True, blank=True)  # seconds into a video sample
    frame_key = models.CharField(max_length=300, blank=True)  # the video frame, as JPEG
    mark = models.ForeignKey(Mark, on_delete=models.PROTECT, related_name="findings")
    score = models.FloatField()
    x = models.PositiveIntegerField()
    y = models.PositiveIntegerField()
    w = models.PositiveIntegerField()
    h = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("疑似复制的标志")
        verbose_name_plural = _("疑似复制的标志")
        ordering = ["-score", "id"]

    def __str__(self) -> str:
        return f"{self.sample.original_name} ~ {self.mark.brand} ({self.score:.2f})"
