"""Registered works (登记记录) and their rights status."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application


class RightsStatus(models.TextChoices):
    VALID = "valid", _("有效")
    PLEDGED = "pledged", _("已质押")
    SEIZED = "seized", _("已查封")
    REVOKED = "revoked", _("已撤销")
    SUPERSEDED = "superseded", _("已被替代")


class Registration(models.Model):
    number = models.CharField(_("登记号"), max_length=32, unique=True)
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="registration")
    year = models.PositiveSmallIntegerField()
    letter = models.CharField(max_length=1)
    serial = models.PositiveIntegerField()
    registered_on = models.DateField(_("登记日期"), db_index=True)
    registered_at = models.DateTimeField()
    title = models.CharField(_("作品名称"), max_length=200)
    category = models.CharField(_("作品类别"), max_length=32)
    # The first owner's province, 香港/澳门/台湾 or country (``regions``), for statistics and search.
    region = models.CharField(_("地区"), max_length=64, blank=True, db_index=True)
    # Registered facts as they stood when entered (authors, owners, dates); later changes
    # make a new certificate version and leave this row's history readable.
    data = models.JSONField(default=dict)
    rights_status = models.CharField(
        _("权利状态"), max_length=16, choices=RightsStatus.choices, default=RightsStatus.VALID, db_index=True
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes"
    )

    class Meta:
        ordering = ["-registered_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "letter", "serial"], name="registration_serial_unique")
        ]
        # The public search's filters, newest first (``search._filtered``): each serves its
        # filter's count and page from the index alone (bench/search_filters.py).
        indexes = [
            models.Index(fields=["category", "registered_on", "id"], name="registration_category_day"),
            models.Index(fields=["region", "registered_on", "id"], name="registration_region_day"),
            models.Index(fields=["region", "category", "registered_on", "id"], name="registration_region_cat_day"),
        ]
        verbose_name = _("登记记录")
        verbose_name_plural = _("登记记录")

    @property
    def subject(self) -> str:
        return f"registration:{self.pk}"

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class SerialCounter(models.Model):
    """The last serial issued per (year, letter); incremented inside the registering
    transaction, so a rollback gives the number back and the sequence has no gaps."""

    year = models.PositiveSmallIntegerField()
    letter = models.CharField(max_length=1)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "letter"], name="serial_counter_unique")]


class SearchGram(models.Model):
    """One character bigram of a registration's number, title or owner names."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    gram = models.CharField(max_length=2)

    class Meta:
        indexes = [models.Index(fields=["gram", "registration"], name="searchgram_gram_reg")]
