"""What happens to a registered work afterwards: seizures by courts and agencies, and pledges
for bank financing. ``records.Registration.rights_status`` is derived from these rows
(``status.refresh``) in the same transaction that changes them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.core import clock
from banquan.records.models import Registration


class Seizure(models.Model):
    """查封 of one registered work by one legal document. The first is effective the moment it is
    committed; later ones wait in line (轮候查封) and take effect, in order, when it is released."""

    class State(models.TextChoices):
        ACTIVE = "active", _("查封中")
        WAITING = "waiting", _("轮候中")
        RELEASED = "released", _("已解除")
        EXPIRED = "expired", _("期限届满")

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="seizures")
    authority = models.CharField(_("查封机关"), max_length=200)
    document_number = models.CharField(_("法律文书号"), max_length=100)
    scope = models.TextField(_("查封范围"))
    term_months = models.PositiveSmallIntegerField(_("查封期限（月）"))
    state = models.CharField(_("状态"), max_length=16, choices=State.choices)
    position = models.PositiveIntegerField(_("轮候顺序"))  # 1 = the first seizure of this work
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField(_("送达时间"), default=clock.now)
    effective_at = models.DateTimeField(_("生效时间"), null=True, blank=True)
    expires_at = models.DateTimeField(_("到期时间"), null=True, blank=True)
    released_at = models.DateTimeField(_("解除时间"), null=True, blank=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    release_document = models.CharField(_("解除文书号"), max_length=100, blank=True)

    class Meta:
        ordering = ["registration", "position"]
        constraints = [models.UniqueConstraint(fields=["registration", "position"], name="seizure_position_unique")]
        verbose_name = _("查封")
        verbose_name_plural = _("查封")

    @property
    def subject(self) -> str:
        return f"seizure:{self.pk}"


class Pledge(models.Model):
    """质权登记: one pledge contract over one or more registered works, filed by the pledgee
    (a bank officer), reviewed by the office and effective when entered."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("待审查")
        REGISTERED = "registered", _("已登记")
        REJECTED = "rejected", _("不予登记")
        RELEASED = "released", _("已注销")

    number = models.CharField(_("质权登记号"), max_length=32, unique=True, null=True, blank=True)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.SUBMITTED,
                             db_index=True)
    works = models.ManyToManyField(Registration, related_name="pledges", verbose_name=_("出质作品"))
    pledgee = models.CharField(_("质权人"), max_length=200)
    pledgor_name = models.CharField(_("出质人"), max_length=200)
    pledgor_id_type = models.CharField(_("出质人证件类型"), max_length=16)
    pledgor_id_number = models.CharField(_("出质人证件号码"), max_length=64)
    principal = models.DecimalField(_("主债权金额"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("币种"), max_length=3, default="CNY")
    term_start = models.DateField(_("债务履行期限起"))
    term_end = models.DateField(_("债务履行期限止"))
    contract_key = models.CharField(max_length=300)
    contract_name = models.CharField(_("质押合同"), max_length=255)
    contract_sha256 = models.CharField(max_length=64)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="filed_pledges")
    filed_at = models.DateTimeField(default=clock.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    registered_at = models.DateTimeField(_("登记时间"), null=True, blank=True)
    released_at = models.DateTimeField(_("注销时间"), null=True, blank=True)
    release_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("质权登记")
        verbose_name_plural = _("质权登记")

    @property
    def subject(self) -> str:
        return f"pledge:{self.pk}"


class Recordation(models.Model):
    """合同备案: a transfer (转让) or exclusive licence (专有许可) contract over registered works."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("著作权转让合同")
        EXCLUSIVE_LICENCE = "exclusive_licence", _("著作权专有许可合同")

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("待审查")
        RECORDED = "recorded", _("已备案")
        REJECTED = "rejected", _("不予备案")

    number = models.CharField(_("备案号"), max_length=32, unique=True, null=True, blank=True)
    kind = models.CharField(_("合同类型"), max_length=24, choices=Kind.choices)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.SUBMITTED)
    works = models.ManyToManyField(Registration, related_name="recordations", verbose_name=_("作品"))
    grantor_name = models.CharField(_("转让方/许可方"), max_length=200)
    grantor_id_number = models.CharField(_("转让方/许可方证件号码"), max_length=64)
    grantee_name = models.CharField(_("受让方/被许可方"), max_length=200)
    grantee_id_number = models.CharField(_("受让方/被许可方证件号码"), max_length=64)
    rights = models.JSONField(_("涉及的权利"), default=list)
    territory = models.CharField(_("地域范围"), max_length=200)
    term_start = models.DateField(_("期限起"), null=True, blank=True)
    term_end = models.DateField(_("期限止"), null=True, blank=True)
    contract_key = models.CharField(max_length=300)
    contract_name = models.CharField(_("合同文件"), max_length=255)
    contract_sha256 = models.CharField(max_length=64)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField(default=clock.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("合同备案")
        verbose_name_plural = _("合同备案")

    @property
    def subject(self) -> str:
        return f"recordation:{self.pk}"


class ChangeRequest(models.Model):
    """变更 or 补充 of a registration's facts; approved, it makes a new certificate version."""

    class Kind(models.TextChoices):
        CHANGE = "change", _("变更")
        SUPPLEMENT = "supplement", _("补充")

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("待审查")
        APPROVED = "approved", _("已核准")
        REJECTED = "rejected", _("不予核准")

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="change_requests")
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.SUBMITTED)
    changes = models.JSONField(_("变更内容"))  # {"title": new title, "owners": [...]} as in Registration.data
    reason = models.TextField(_("变更理由"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField(default=clock.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    certificate_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("变更或补充登记")
        verbose_name_plural = _("变更或补充登记")

    @property
    def subject(self) -> str:
        return f"change:{self.pk}"


class Revocation(models.Model):
    """撤销登记, decided by a registrar on one of the grounds of the rules."""

    class Ground(models.TextChoices):
        ON_REQUEST = "on_request", _("著作权人申请撤销")
        FALSE_FACTS = "false_facts", _("登记事项不真实")
        DUPLICATE = "duplicate", _("重复登记")
        COURT = "court", _("人民法院生效裁判")
        ADMINISTRATIVE = "administrative", _("著作权行政管理部门决定")

    registration = models.OneToOneField(Registration, on_delete=models.PROTECT, related_name="revocation")
    ground = models.CharField(_("撤销事由"), max_length=16, choices=Ground.choices)
    document = models.CharField(_("依据文书"), max_length=200, blank=True)
    reason = models.TextField(_("撤销理由"))
    kept = models.ForeignKey(Registration, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("保留的登记"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("撤销登记")
        verbose_name_plural = _("撤销登记")


class ReissueRequest(models.Model):
    """补发 (a lost certificate) or 换发 (a damaged one): a fast procedure of its own, done within
    ``BANQUAN_TIME_LIMITS["reissue"]`` working days."""

    class Kind(models.TextChoices):
        REISSUE = "reissue", _("补发")
        REPLACEMENT = "replacement", _("换发")

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("办理中")
        DONE = "done", _("已办结")
        REJECTED = "rejected", _("不予办理")

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="reissue_requests")
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.SUBMITTED, db_index=True)
    reason = models.TextField(_("申请理由"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField(default=clock.now)
    deadline = models.DateField(_("办理期限"), db_index=True)
    deadline_provisional = models.BooleanField(default=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    certificate_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("证书补发或换发")
        verbose_name_plural = _("证书补发或换发")

    @property
    def subject(self) -> str:
        return f"reissue:{self.pk}"
