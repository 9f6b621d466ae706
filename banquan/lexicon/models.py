"""The office's sensitive-word library (敏感词库): categories, terms, the whitelist, and a
numbered version for every change, each holding a full snapshot so any old state can be
exported or restored. Written only by ``lexicon.services``."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.screening.text import lexicon as files

LEVELS = [(n, str(n)) for n in range(1, files.MAX_LEVEL + 1)]


class Category(models.Model):
    name = models.CharField(_("类别名称"), max_length=32, unique=True)
    # Hits in a major-topic category (重大题材) send the application to the special review group.
    major_topic = models.BooleanField(_("重大题材"), default=False,
                                      help_text=_("命中该类别词条的申请转专项审查组审查。"))
    description = models.TextField(_("说明"), blank=True)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("词条类别")
        verbose_name_plural = _("词条类别")

    def __str__(self) -> str:
        return self.name


class Term(models.Model):
    text = models.CharField(_("词条"), max_length=files.MAX_TERM_LENGTH, unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="terms",
                                 verbose_name=_("类别"))
    level = models.PositiveSmallIntegerField(
        _("级别"), choices=LEVELS, default=files.DEFAULT_LEVEL,
        validators=[MinValueValidator(1), MaxValueValidator(files.MAX_LEVEL)],
    )
    active = models.BooleanField(_("启用"), default=True, db_index=True)
    note = models.TextField(_("备注"), blank=True)
    created_at = models.DateTimeField(_("创建时间"))
    updated_at = models.DateTimeField(_("更新时间"))

    class Meta:
        ordering = ["text"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=files.MAX_LEVEL),
                                   name="lexicon_term_level_range"),
        ]
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")

    def __str__(self) -> str:
        return self.text


class WhitelistTerm(models.Model):
    """A harmless word that contains a sensitive term (e.g. 包过滤 contains 包过)."""

    text = models.CharField(_("词条"), max_length=files.MAX_TERM_LENGTH, unique=True)
    note = models.TextField(_("备注"), blank=True)
    created_at = models.DateTimeField(_("创建时间"))

    class Meta:
        ordering = ["text"]
        verbose_name = _("白名单词条")
        verbose_name_plural = _("白名单")

    def __str__(self) -> str:
        return self.text


class LexiconVersion(models.Model):
    """The lexicon as it stood after one change: active terms in the plain-text file format,
    the whitelist one term a line, and the categories (so a restore can recreate them)."""

    number = models.PositiveIntegerField(_("版本号"), unique=True)
    created_at = models.DateTimeField(_("时间"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("操作人"))
    summary = models.CharField(_("变更摘要"), max_length=200)
    term_count = models.PositiveIntegerField(_("启用词条数"))
    whitelist_count = models.PositiveIntegerField(_("白名单词条数"))
    terms_text = models.TextField(_("词条快照"))
    whitelist_text = models.TextField(_("白名单快照"))
    categories = models.JSONField(_("类别快照"), default=list)
    # sha256 of the three snapshots: with the number, it tells a cached screener is current.
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("词库版本")
        verbose_name_plural = _("词库版本")

    def __str__(self) -> str:
        return f"#{self.number} {self.summary}"


class VersionCounter(models.Model):
    """One row holding the last version number. Every change increments it first, so
    concurrent changes to the lexicon queue one behind the other (see ``versions.begin``)."""

    last = models.PositiveIntegerField(default=0)
