"""What the public may see: published features whose owner's consent stands and whose
registration is still valid. Checked in every query rather than kept in a flag, so a withdrawal
or a revocation hides a work on the very next request."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from banquan.applications.choices import MediaType, SampleRole
from banquan.applications.models import Sample
from banquan.records.models import Registration
from banquan.showcase import rules
from banquan.showcase.models import Consent, Feature, FeatureImage


def visible() -> QuerySet[Feature]:
    standing = Consent.objects.filter(registration=OuterRef("registration"), withdrawn_at__isnull=True)
    return (Feature.objects.filter(Exists(standing), published=True)
            .exclude(registration__rights_status__in=rules.HIDDEN_STATUSES)
            .select_related("registration")
            .prefetch_related(Prefetch("images", queryset=FeatureImage.objects.select_related("sample"))))


def listing(category: str | None = None) -> QuerySet[Feature]:
    features = visible()
    return features.filter(registration__category=category) if category else features


def shown(number: str) -> Feature | None:
    return visible().filter(registration__number=number).first()


def shown_sample(sample_uuid) -> Sample | None:
    """An image sample chosen for a feature the public may see; None for every other sample."""
    return Sample.objects.filter(
        uuid=sample_uuid, role=SampleRole.SAMPLE, media_type=MediaType.IMAGE,
        pk__in=FeatureImage.objects.filter(feature__in=visible().values("pk")).values("sample_id"),
    ).first()


def image_samples(reg: Registration) -> QuerySet[Sample]:
    """The work's image samples, the only ones a feature may show."""
    return Sample.objects.filter(application_id=reg.application_id, role=SampleRole.SAMPLE,
                                 media_type=MediaType.IMAGE).order_by("id")


def consented(reg: Registration) -> bool:
    return Consent.objects.filter(registration=reg, withdrawn_at__isnull=True).exists()
