"""What a run screens: the free-text fields an applicant filled in (the form, authors and
their signatures, owners, correction answers, file names) and every sample."""

from dataclasses import dataclass
from typing import cast

from django.db import models

from banquan.applications.models import Application, Sample
from banquan.applications.services import APPLICATION_FIELDS
from banquan.screening import extract
from banquan.screening.extract.base import Piece, normalize_newlines

FORM = "form"


@dataclass(frozen=True)
class Source:
    source: str  # field:title, author:12:signature, sample:7, …
    label: str  # what the reviewer reads: 作品名称, 作者 1 署名, the file name
    piece: Piece


def text_fields() -> list[str]:
    """The form's free-text fields (choices and dates are the office's words, not the applicant's)."""
    names = []
    for name in APPLICATION_FIELDS:
        field = Application._meta.get_field(name)
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            names.append(name)
    return names


def _text(source: str, label: str, value: str) -> list[Source]:
    text = normalize_newlines(value or "")
    return [Source(source, label, Piece("", text))] if text.strip() else []


def form_sources(app: Application) -> list[Source]:
    found: list[Source] = []
    for name in text_fields():
        label = str(cast(models.Field, Application._meta.get_field(name)).verbose_name)
        found += _text(f"field:{name}", label, getattr(app, name))
    if app.procedure == "software":  # the software form's own free text (functions, features…)
        found += _software_sources(app)
    for n, a in enumerate(app.authors.all(), 1):
        found += _text(f"author:{a.pk}:name", f"作者 {n} 姓名", a.name)
        found += _text(f"author:{a.pk}:signature", f"作者 {n} 署名", a.signature)
    for n, o in enumerate(app.owners.all(), 1):
        found += _text(f"owner:{o.pk}:name", f"著作权人 {n} 名称", o.name)
        found += _text(f"owner:{o.pk}:address", f"著作权人 {n} 地址", o.address)
    for n, c in enumerate(app.corrections.all(), 1):
        found += _text(f"correction:{c.pk}", f"第 {n} 次补正说明", c.response)
    for s in app.samples.all():
        found += _text(f"sample:{s.pk}:name", "文件名", s.original_name)
    return found


SOFTWARE_TEXT_FIELDS = ("short_name", "dev_purpose", "domain", "main_functions", "tech_features",
                        "modification_note")


def _software_sources(app: Application) -> list[Source]:
    from banquan.software.models import SoftwareDetails  # software depends on screening's lexicon

    details = SoftwareDetails.objects.filter(application=app).first()
    found: list[Source] = []
    for name in SOFTWARE_TEXT_FIELDS if details else ():
        label = str(cast(models.Field, SoftwareDetails._meta.get_field(name)).verbose_name)
        found += _text(f"field:software.{name}", label, getattr(details, name))
    return found


def sample_kind(sample: Sample) -> str | None:
    return extract.kind_of(name=sample.original_name, media_type=sample.media_type,
                           content_type=sample.content_type)


def screening_order(samples: list[Sample]) -> list[tuple[Sample, str | None]]:
    """Samples with their kinds, quick text first and OCR last; audio and video at the end."""
    rank = {kind: i for i, kind in enumerate(extract.KINDS)}
    kinds = [(s, sample_kind(s)) for s in samples]
    return sorted(kinds, key=lambda pair: (rank.get(pair[1] or "", len(rank)), pair[0].pk))
