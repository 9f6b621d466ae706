"""Pre-aggregated tallies for the public statistics (统计), kept up to date by ``stats.services``
in the same transaction as the change they count, and rebuilt from the raw rows by
``stats.services.rebuild``. The dashboard reads only these tables, so its cost depends on the
number of (month, category, region) combinations, not on the number of registrations."""

from django.db import models


class Tally(models.Model):
    """One counter: how many events of ``metric`` happened in (year, month) for (category,
    region, detail), and for pledges the principal in cents (exact; sums of 10^7 amounts)."""

    metric = models.CharField(max_length=24)  # see ``stats.metrics``
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    category = models.CharField(max_length=32, default="")  # work category code, "software" or ""
    region = models.CharField(max_length=64, default="")  # ``records.regions`` name or ""
    detail = models.CharField(max_length=24, default="")  # status, ground, currency…
    count = models.BigIntegerField(default=0)
    amount_cents = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["metric", "year", "month", "category", "region", "detail"],
                                               name="stats_tally_key")]
        indexes = [models.Index(fields=["metric", "year"], name="stats_tally_metric_year"),
                   models.Index(fields=["metric", "category", "region"], name="stats_tally_metric_cat"),
                   models.Index(fields=["metric", "region"], name="stats_tally_metric_region")]


class DecisionTally(models.Model):
    """A histogram of processing times: how many decisions of ``outcome`` in (year, month) took
    ``days`` working days on the review clock from acceptance (受理), and whether that was within
    the time limit in force then. Medians and percentiles are read off the histogram."""

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    procedure = models.CharField(max_length=16)  # "work" or "software" (``BANQUAN_TIME_LIMITS``)
    category = models.CharField(max_length=32)
    outcome = models.CharField(max_length=16)  # "registered" or "rejected"
    days = models.PositiveIntegerField()
    within = models.BooleanField()
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["year", "month", "procedure", "category", "outcome", "days", "within"], name="stats_decision_key")]
        indexes = [models.Index(fields=["procedure", "year"], name="stats_decision_proc_year")]
