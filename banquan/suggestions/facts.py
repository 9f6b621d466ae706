"""An application as plain data: in full for the local consistency rules, and masked for the
language model (no ID numbers; see ``masking``). Sample text is taken only where it is cheap:
text, subtitles, Word and the text layer of a PDF, never OCR."""

import logging
from typing import Any, cast

from django.db import models

from banquan.applications import categories
from banquan.applications.models import Application
from banquan.applications.services import APPLICATION_FIELDS
from banquan.core.storage import store
from banquan.suggestions.masking import mask

log = logging.getLogger(__name__)

CHEAP_KINDS = ("text", "subtitle", "docx", "pdf")
MAX_SAMPLE_BYTES = 5 * 1024 * 1024
SNIPPET = 600
MAX_SAMPLES = 4
SOFTWARE_FIELDS = ("short_name", "version", "classification", "nature", "modification_note", "development_mode",
                   "languages", "dev_purpose", "domain", "main_functions", "tech_features")


def _software(app: Application) -> dict[str, Any] | None:
    if app.procedure != "software":
        return None
    details = getattr(app, "software", None)
    return {name: getattr(details, name) for name in SOFTWARE_FIELDS} if details else {}


def for_rules(app: Application) -> dict[str, Any]:
    """Keyword arguments of ``consistency.remarks`` (ID numbers included: they stay here)."""
    return {
        "fields": {name: getattr(app, name) for name in APPLICATION_FIELDS},
        "authors": list(app.authors.values("name", "signature")),
        "owners": list(app.owners.values("kind", "name", "id_type", "id_number")),
        "samples": list(app.samples.values("media_type", "role")),
        "software": _software(app),
    }


def label(name: str) -> str:
    """The form's own label of an application field (作品名称, …)."""
    return str(cast(models.Field, Application._meta.get_field(name)).verbose_name)


def _display(app: Application, name: str) -> str:
    value = getattr(app, name)
    method = getattr(app, f"get_{name}_display", None)
    return str(method()) if method and value else ("" if value in (None, "") else str(value))


def sample_text(sample: Any) -> str:
    """The first words of a sample, or "" (unreadable, too big, no text, OCR needed)."""
    from banquan.screening import extract

    kind = extract.kind_of(name=sample.original_name, media_type=sample.media_type,
                           content_type=sample.content_type)
    if kind not in CHEAP_KINDS or sample.size > MAX_SAMPLE_BYTES:
        return ""
    try:
        found = extract.extract(kind, store().read(sample.blob_key), name=sample.original_name, ocr=None)
    except Exception as exc:  # a broken file is the screening's business, not a reason to fail here
        log.info("no text from sample %s for suggestions: %s", sample.pk, exc)
        return ""
    text = " ".join(" ".join(p.text.split()) for p in found.pieces)
    return text[:SNIPPET]


def for_model(app: Application, *, with_sample_text: bool = True) -> dict[str, Any]:
    """What the model may read: the form in words, people without their ID numbers."""
    owners = list(app.owners.all())
    known = [o.id_number for o in owners]
    form = {}
    for name in APPLICATION_FIELDS:
        value = _display(app, name)
        if value and name != "rights":
            form[label(name)] = mask(value, known)
    view: dict[str, Any] = {
        "form": form,
        "authors": [{"name": mask(a.name, known), "signature": mask(a.signature, known)} for a in app.authors.all()],
        "owners": [{"kind": o.get_kind_display(), "name": mask(o.name, known), "nationality": o.nationality,
                    "province": o.province} for o in owners],
        "samples": [],
    }
    for s in list(app.samples.all())[:MAX_SAMPLES]:
        entry = {"file": mask(s.original_name, known), "type": s.get_media_type_display(), "role": s.get_role_display()}
        text = sample_text(s) if with_sample_text else ""
        if text:
            entry["text"] = mask(text, known)
        view["samples"].append(entry)
    software = _software(app)
    if software is not None:
        view["software"] = {k: mask(str(v), known) for k, v in software.items() if v}
    return view


def category_table() -> list[dict[str, str]]:
    return [{"code": c.code, "name": c.zh} for c in categories.CATEGORIES]
