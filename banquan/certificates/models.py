"""Certificates (登记证书): each version of a registration's certificate, signed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.records.models import Registration


class Certificate(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="certificates")
    version = models.PositiveSmallIntegerField(default=1)
    issued_at = models.DateTimeField(_("发证时间"))
    # The signed facts, exactly as signed (canonical JSON is rebuilt from this dict).
    payload = models.JSONField()
    signature = models.CharField(max_length=128)
    key_id = models.CharField(max_length=32)
    verify_url = models.URLField(max_length=500)
    pdf_key = models.CharField(max_length=300, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["registration", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "version"], name="certificate_version_unique")
        ]
        verbose_name = _("登记证书")
        verbose_name_plural = _("登记证书")

    def __str__(self) -> str:
        return f"{self.registration.number} v{self.version}"
