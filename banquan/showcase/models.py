"""精选作品: owners' consent to be shown, and the works registrars feature with a short text
and chosen image samples. What the public sees is decided at query time (``queries``), so a
withdrawn consent or a revoked registration hides a work at once, whatever these rows say."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Sample
from banquan.records.models import Registration


class Consent(models.Model):
    """The owner's consent to show a registered work; withdrawn when ``withdrawn_at`` is set.
    One row per registration, reused when consent is given again (the history is in the ledger)."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="showcase_consent")
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(_("同意时间"))
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("展示授权")
        verbose_name_plural = _("展示授权")

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Feature(models.Model):
    """A registered work chosen by the office for the showcase."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="showcase_feature")
    blurb = models.CharField(_("简介"), max_length=300)
    position = models.PositiveIntegerField(_("排序"), default=100)
    published = models.BooleanField(_("已发布"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "-published_at", "-id"]
        indexes = [models.Index(fields=["published", "position"], name="showcase_feature_order")]
        verbose_name = _("精选作品")
        verbose_name_plural = _("精选作品")

    def __str__(self) -> str:
        return str(self.registration)


class FeatureImage(models.Model):
    """An image sample shown for a feature, in ``position`` order; never any other sample."""

    feature = models.ForeignKey(Feature, on_delete=models.CASCADE, related_name="images")
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["feature", "sample"], name="showcase_image_unique")]
