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
