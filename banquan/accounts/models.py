"""People who use the office, and the API tokens they hold."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("申请人")
    REVIEWER = "reviewer", _("审查员")
    # 专项审查组: a second, independent review of major-topic works.
    SPECIAL_REVIEWER = "special_reviewer", _("专项审查组成员")
    REGISTRAR = "registrar", _("登记管理员")
    COURT_OFFICER = "court_officer", _("法院/行政机关工作人员")
    BANK_OFFICER = "bank_officer", _("银行工作人员")


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("自然人")
    ORGANIZATION = "organization", _("法人或其他组织")
    # 代理人: files on behalf of the owners, who are named on each application.
    AGENT = "agent", _("代理人")


class User(AbstractUser):
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices, default=Role.APPLICANT)
    applicant_kind = models.CharField(
        _("申请人类型"), max_length=16, choices=ApplicantKind.choices, blank=True
    )
    display_name = models.CharField(_("名称"), max_length=200, blank=True)
    organization = models.CharField(_("单位"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=32, blank=True)

    @property
    def is_reviewer(self) -> bool:
        return self.role in (Role.REVIEWER, Role.SPECIAL_REVIEWER)

    @property
    def is_registrar(self) -> bool:
        return self.role == Role.REGISTRAR or self.is_superuser

    def __str__(self) -> str:
        return self.display_name or self.username


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its SHA-256 is kept; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("名称"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"
