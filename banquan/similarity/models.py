from django.db import models
from django.utils.translation import gettext_lazy as _

from banquan.applications.models import Application, Sample
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


class WorkFingerprint(models.Model):
    """The perceptual codes of a registered work's first sample, which the near-duplicate
    indexes are built from: a 256-bit image hash or a 256-bit SimHash of its text
    (``similarity.index``), or an audio and/or video print (``similarity.media``, searched
    through ``similarity.media_index``); none for unreadable samples."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="fingerprint")
    sample = models.ForeignKey(Sample, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    image_code = models.BinaryField(null=True, blank=True)
    text_code = models.BinaryField(null=True, blank=True)
    # Raw Chromaprint fingerprint of the audio, or of a video's soundtrack: little-endian
    # uint32 sub-fingerprints, ~8 a second (about 19 KB for the 600 s read at most).
    audio_code = models.BinaryField(null=True, blank=True)
    # PDQ hashes of a video's frames at one a second: 32 bytes each, in time order (600 at most).
    video_code = models.BinaryField(null=True, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("作品指纹")
        verbose_name_plural = _("作品指纹")

    def __str__(self) -> str:
        return str(self.registration)


class MatchKind(models.TextChoices):
    IMAGE = "image", _("图片")
    TEXT = "text", _("文字")
    AUDIO = "audio", _("音频")
    VIDEO = "video", _("视频")


class SearchStatus(models.TextChoices):
    QUEUED = "queued", _("等待比对")
    RUNNING = "running", _("正在比对")
    DONE = "done", _("比对完成")
    FAILED = "failed", _("比对失败")


class PriorSearch(models.Model):
    """The comparison of an application with the registered works (one per application;
    running it again replaces its matches)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="prior_search")
    status = models.CharField(max_length=8, choices=SearchStatus.choices, default=SearchStatus.QUEUED)
    queued_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    image_compared = models.PositiveIntegerField(default=0)  # registered works in the image index searched
    text_compared = models.PositiveIntegerField(default=0)
    audio_compared = models.PositiveIntegerField(default=0)
    video_compared = models.PositiveIntegerField(default=0)
    # What could not be compared and why (e.g. fpcalc missing), shown to the reviewer
    not_compared = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("已登记作品比对")
        verbose_name_plural = _("已登记作品比对")

    def __str__(self) -> str:
        return f"{self.application} · {self.status}"

    @property
    def compared(self) -> int:
        return self.image_compared + self.text_compared + self.audio_compared + self.video_compared

    @property
    def active(self) -> bool:
        return self.status in (SearchStatus.QUEUED, SearchStatus.RUNNING)


class PriorMatch(models.Model):
    """A registered work whose codes are near one of the application's samples."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="prior_matches")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=MatchKind.choices)
    # On one scale for every kind, round((1 - similarity) × 256): for images and text the
    # Hamming distance of the 256-bit codes; for audio the bit-error rate × 256 (bit errors
    # per 256 bits at the best alignment); for video the share of unmatched frames × 256.
    distance = models.PositiveSmallIntegerField()
    # In [0, 1]: 1 - distance / 256 for images and text, 1 - bit-error rate for audio, the
    # vPDQ matched-frame fraction (the smaller of both directions) for video.
    similarity = models.FloatField()
    found_at = models.DateTimeField()

    class Meta:
        verbose_name = _("相似的已登记作品")
        verbose_name_plural = _("相似的已登记作品")
        ordering = ["distance", "id"]
        constraints = [models.UniqueConstraint(fields=["application", "registration", "kind"],
                                               name="similarity_prior_match_unique")]

    def __str__(self) -> str:
        return f"{self.application} ~ {self.registration} ({self.kind} {self.distance})"
