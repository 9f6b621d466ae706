from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Sample
from banquan.records.models import Registration


class ContentCode(models.Model):
    """The ISCC of a registered work (ISO 24138), computed from its title, description and
    first sample after registration."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="content_code")
    sample = models.ForeignKey(Sample, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    iscc = models.CharField(_("ISCC 码"), max_length=80, db_index=True)
    meta_code = models.CharField(max_length=40)
    content_code = models.CharField(max_length=40, blank=True)
    data_code = models.CharField(max_length=40)
    instance_code = models.CharField(max_length=40)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ISCC 码")
        verbose_name_plural = _("ISCC 码")

    def __str__(self) -> str:
        return self.iscc
