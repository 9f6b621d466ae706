"""The editable holiday table (节假日安排), seeded from ``chinese-calendar``.

Each year the State Council publishes the next year's holidays and make-up working days;
a registrar enters them here (or re-seeds from a newer chinese-calendar) and marks the year
as covered, which turns that year's provisional deadlines into firm ones.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    DAY_OFF = "off", _("法定节假日（休息）")
    MAKE_UP = "workday", _("调休上班日")


class SpecialDay(models.Model):
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=DayKind.choices)
    name = models.CharField(_("节日"), max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日或调休日")
        verbose_name_plural = _("节假日表")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"


class CalendarYear(models.Model):
    """A year whose official holiday arrangement is entered in full."""

    year = models.PositiveIntegerField(_("年份"), unique=True)
    source = models.CharField(_("来源"), max_length=64, default="chinese-calendar")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("已录入年份")
        verbose_name_plural = _("已录入年份")

    def __str__(self) -> str:
        return str(self.year)
