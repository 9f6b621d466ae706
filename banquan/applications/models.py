"""A work registration application (作品登记申请) and the people and files it names."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications import choices as c
from banquan.core import clock


class Application(models.Model):
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications"
    )
    # Idempotency key from the form: a double-clicked "create" makes one application.
    client_token = models.UUIDField(unique=True, null=True, blank=True)
    status = models.CharField(_("状态"), max_length=32, choices=c.Status.choices, default=c.Status.DRAFT,
                              db_index=True)
    procedure = models.CharField(max_length=16, default="work")  # time-limit key in settings

    title = models.CharField(_("作品名称"), max_length=200, blank=True)
    category = models.CharField(_("作品类别"), max_length=32, choices=c.Category.choices, blank=True)
    category_note = models.CharField(_("类别说明"), max_length=200, blank=True)
    nature = models.CharField(_("作品创作性质"), max_length=16, choices=c.Nature.choices, blank=True)
    nature_note = models.CharField(_("创作性质说明"), max_length=200, blank=True)
    source_work_title = models.CharField(_("原作品名称"), max_length=200, blank=True)
    source_work_author = models.CharField(_("原作品作者"), max_length=200, blank=True)
    completion_date = models.DateField(_("创作完成日期"), null=True, blank=True)
    completion_country = models.CharField(_("创作完成地点（国家）"), max_length=64, blank=True)
    completion_city = models.CharField(_("创作完成地点（省市）"), max_length=100, blank=True)
    publication = models.CharField(_("发表状态"), max_length=16, choices=c.Publication.choices, blank=True)
    first_publication_date = models.DateField(_("首次发表日期"), null=True, blank=True)
    first_publication_country = models.CharField(_("首次发表地点（国家）"), max_length=64, blank=True)
    first_publication_city = models.CharField(_("首次发表地点（省市）"), max_length=100, blank=True)
    creation_mode = models.CharField(_("创作方式"), max_length=16, choices=c.CreationMode.choices, blank=True)
    acquisition = models.CharField(_("权利取得方式"), max_length=16, choices=c.Acquisition.choices, blank=True)
    derived_how = models.CharField(_("继受方式"), max_length=16, choices=c.DerivedHow.choices, blank=True)
    rights_scope = models.CharField(_("权利拥有状况"), max_length=16, choices=c.RightsScope.choices, blank=True)
    rights = models.JSONField(_("拥有的权利"), default=list, blank=True)
    purpose = models.TextField(_("创作目的"), blank=True)
    process = models.TextField(_("创作过程"), blank=True)
    originality = models.TextField(_("作品独创性"), blank=True)
    offline_display = models.BooleanField(_("申请线下展示实物作品"), default=False)
    offline_display_date = models.DateField(_("线下展示日期"), null=True, blank=True)
    offline_display_place = models.CharField(_("线下展示地点"), max_length=200, blank=True)

    # From the clock interface (not auto_now_add), so demo data and tests can set the time.
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    # The review deadline, kept up to date by services; null while the clock is stopped.
    deadline = models.DateField(_("审查期限"), null=True, blank=True, db_index=True)
    deadline_provisional = models.BooleanField(default=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="assigned"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    # Special review (专项复审): set by the automatic screening or by a reviewer (services only);
    # the reasons are appended one per line. The first approval is remembered so that the second
    # decision is taken by someone else.
    special_review_required = models.BooleanField(_("需专项复审"), default=False)
    special_review_reason = models.TextField(_("专项复审原因"), blank=True)
    first_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("初审通过人"),
    )
    first_approved_at = models.DateTimeField(_("初审通过时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("作品登记申请")
        verbose_name_plural = _("作品登记申请")

    @property
    def reference(self) -> str:
        """The application number shown to applicants (申请流水号)."""
        return f"ZP{self.created_at:%Y}{self.pk:08d}" if self.pk and self.created_at else ""

    @property
    def subject(self) -> str:
        return f"application:{self.pk}"

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Author(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="authors")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("作者姓名或名称"), max_length=200)
    # 署名: how the author is named on the work (real name, pen name, or anonymous).
    signature = models.CharField(_("署名"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def display(self) -> str:
        if self.signature and self.signature != self.name:
            return f"{self.name}（署名：{self.signature}）"
        return self.name


class Owner(models.Model):
    """著作权人: a person or entity who holds the copyright being registered."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="owners")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("著作权人类型"), max_length=16, choices=c.OwnerKind.choices)
    name = models.CharField(_("姓名或名称"), max_length=200)
    id_type = models.CharField(_("证件类型"), max_length=16, choices=c.IdType.choices)
    id_number = models.CharField(_("证件号码"), max_length=64)
    nationality = models.CharField(_("国籍"), max_length=64, default="中国")
    province = models.CharField(_("省份"), max_length=64, blank=True)
    city = models.CharField(_("城市"), max_length=64, blank=True)
    address = models.CharField(_("地址"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def display(self) -> str:
        return f"{self.name}（{self.nationality}）" if self.nationality else self.name


class Sample(models.Model):
    """An uploaded file: a work sample, or the optional creation-process video."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="samples")
    role = models.CharField(max_length=16, choices=c.SampleRole.choices, default=c.SampleRole.SAMPLE)
    media_type = models.CharField(_("类型"), max_length=8, choices=c.MediaType.choices)
    content_type = models.CharField(max_length=100)
    original_name = models.CharField(_("文件名"), max_length=255)
    blob_key = models.CharField(max_length=300, unique=True)
    size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    thumbnail_key = models.CharField(max_length=300, blank=True)
    uploaded_at = models.DateTimeField(default=clock.now, editable=False)
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["id"]


class Correction(models.Model):
    """One correction round (补正): the reviewer's request and the applicant's answer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="corrections")
    requested_on = models.DateField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    request = models.TextField(_("补正要求"))
    received_on = models.DateField(null=True, blank=True)
    response = models.TextField(_("补正说明"), blank=True)

    class Meta:
        ordering = ["requested_on", "id"]
