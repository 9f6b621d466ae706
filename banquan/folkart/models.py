"""民间文艺: folk-art items (pre-registrations and library entries), their inheritors and
media, offline service stations and policy articles."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application
from banquan.core import clock
from banquan.folkart import categories, states


class FolkItem(models.Model):
    """A folk-art item. Filed by an applicant it is a pre-registration (预登记) with a number,
    reviewed by the office; accepted, it is in the public resource library. Staff may also
    enter library items directly (no applicant, no number)."""

    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="folk_items")
    number = models.CharField(_("预登记号"), max_length=32, unique=True, null=True, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=[(k, _(v)) for k, v in states.CHOICES],
                              default=states.FILED, db_index=True)
    name = models.CharField(_("项目名称"), max_length=200)
    category = models.CharField(_("民间文艺类别"), max_length=32,
                                choices=[(k, _(v)) for k, v in categories.CHOICES], db_index=True)
    province = models.CharField(_("省份"), max_length=32)
    city = models.CharField(_("城市"), max_length=32, blank=True)
    district = models.CharField(_("区县"), max_length=32, blank=True, db_index=True)
    community = models.CharField(_("所属社区或群体"), max_length=200, blank=True)
    filer_name = models.CharField(_("申报主体"), max_length=200, blank=True)
    description = models.TextField(_("项目简介"))
    history = models.TextField(_("历史渊源"), blank=True)

    created_at = models.DateTimeField(default=clock.now, editable=False)
    filed_at = models.DateTimeField(_("申报时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decision_reason = models.TextField(_("审核意见"), blank=True)
    # The formal work registration application it was converted into (once only).
    application = models.OneToOneField(Application, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="folk_item", verbose_name=_("正式登记申请"))
    converted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("民间文艺项目")
        verbose_name_plural = _("民间文艺项目")

    @property
    def subject(self) -> str:
        return f"folkitem:{self.pk}"

    @property
    def region(self) -> str:
        return f"{self.province}{self.city}{self.district}"

    @property
    def category_zh(self) -> str:
        return categories.BY_CODE[self.category].zh

    def __str__(self) -> str:
        return f"{self.number or ''} {self.name}".strip()


class Inheritor(models.Model):
    """传承人: a bearer of the tradition, with the level of recognition and generation."""

    item = models.ForeignKey(FolkItem, on_delete=models.CASCADE, related_name="inheritors")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("传承人姓名"), max_length=100)
    level = models.CharField(_("认定级别"), max_length=16,
                             choices=[(k, _(v)) for k, v in categories.INHERITOR_LEVELS], default="none")
    generation = models.PositiveSmallIntegerField(_("传承代数"), null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]


class Media(models.Model):
    """An image, audio or video of the item, in the blob store."""

    item = models.ForeignKey(FolkItem, on_delete=models.CASCADE, related_name="media")
    media_type = models.CharField(_("类型"), max_length=8)
    content_type = models.CharField(max_length=100)
    original_name = models.CharField(_("文件名"), max_length=255)
    caption = models.CharField(_("说明"), max_length=200, blank=True)
    blob_key = models.CharField(max_length=300, unique=True)
    size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    uploaded_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        ordering = ["id"]


class PreregCounter(models.Model):
    """The last pre-registration serial issued per year, incremented in the filing
    transaction (no gaps: a rollback gives the number back)."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)


class ServiceStation(models.Model):
    """A 线下服务站 where people get help with folk-art filings."""

    name = models.CharField(_("服务站名称"), max_length=200)
    address = models.CharField(_("地址"), max_length=300)
    phone = models.CharField(_("电话"), max_length=64, blank=True)
    hours = models.CharField(_("开放时间"), max_length=200, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6)
    services = models.TextField(_("服务内容"), blank=True, help_text=_("每行一项"))
    active = models.BooleanField(_("对外公布"), default=True)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("线下服务站")
        verbose_name_plural = _("线下服务站")
        constraints = [
            models.CheckConstraint(condition=models.Q(latitude__gte=-90, latitude__lte=90), name="station_lat_range"),
            models.CheckConstraint(condition=models.Q(longitude__gte=-180, longitude__lte=180),
                                   name="station_lon_range"),
        ]

    @property
    def subject(self) -> str:
        return f"station:{self.pk}"

    def service_list(self) -> list[str]:
        return [s.strip() for s in self.services.splitlines() if s.strip()]

    def __str__(self) -> str:
        return self.name


class PolicyArticle(models.Model):
    """政策法规 / 政策解读: shown publicly once published (``published_on`` set)."""

    class Kind(models.TextChoices):
        LAW = "law", _("政策法规")
        READING = "reading", _("政策解读")

    kind = models.CharField(_("栏目"), max_length=16, choices=Kind.choices, default=Kind.READING)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), help_text=_("纯文本；空行分段。"))
    source = models.CharField(_("来源"), max_length=200, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True, db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("政策文章")
        verbose_name_plural = _("政策文章")

    @property
    def subject(self) -> str:
        return f"policy:{self.pk}"

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]

    def __str__(self) -> str:
        return self.title
