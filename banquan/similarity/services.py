"""Content codes of registered works, and the search for prior registrations like a new work."""

from collections.abc import Callable

from django.db import transaction
from django.db.models import QuerySet

from banquan.applications.models import Application, Sample
from banquan.core import clock
from banquan.core.storage import store
from banquan.records.models import Registration
from banquan.screening import extract
from banquan.similarity import fingerprints, index, iscc
from banquan.similarity.models import (
    ContentCode,
    MatchKind,
    PriorMatch,
    PriorSearch,
    SearchStatus,
    WorkFingerprint,
)


def work_sample(reg: Registration):
    """The work's own first sample (not a creation-process video), or None."""
    return reg.application.samples.filter(role="sample").order_by("id").first()


def description(reg: Registration) -> str:
    app = reg.application
    return "\n".join(part for part in (app.purpose, app.process, app.originality) if part)


def _registered(registration_id: int) -> tuple[Registration, Sample | None, bytes]:
    """A registration, its work sample and the sample's bytes (b"" when it has none)."""
    reg = Registration.objects.select_related("application").get(pk=registration_id)
    sample = work_sample(reg)
    return reg, sample, store().read(sample.blob_key) if sample else b""


@transaction.atomic
def _save_iscc(reg: Registration, sample: Sample, data: bytes) -> ContentCode:
    codes = iscc.codes(title=reg.title, description=description(reg), media_type=sample.media_type,
                       name=sample.original_name, content_type=sample.content_type, data=data)
    row, _ = ContentCode.objects.update_or_create(registration=reg, defaults={
        "sample": sample, "iscc": codes.iscc, "meta_code": codes.meta, "content_code": codes.content,
        "data_code": codes.data, "instance_code": codes.instance, "computed_at": clock.now(),
    })
    return row


def compute(*, registration_id: int) -> ContentCode | None:
    """Compute (again) the ISCC of a registration; None when it has no sample to hash."""
    reg, sample, data = _registered(registration_id)
    return _save_iscc(reg, sample, data) if sample else None


def index_work(*, registration_id: int) -> None:
    """After a registration: its ISCC and its fingerprints, from one read of its sample."""
    reg, sample, data = _registered(registration_id)
    if sample is not None:
        _save_iscc(reg, sample, data)
        _save_fingerprint(reg, sample, data, add_to_index=True)


def missing() -> list[int]:
    """Registrations without an ISCC yet, oldest first."""
    return list(Registration.objects.filter(content_code__isnull=True).order_by("id").values_list("id", flat=True))


# --- Prior registrations: near-duplicate search over every registered work ---------------
#
# Each registered work's first sample gets a 256-bit perceptual code (``fingerprints``); the
# codes live in the WorkFingerprint rows (the truth) and in one persistent index per kind
# (``index``, rebuilt from the rows when lost). At acceptance the new application's samples are
# searched against them and the nearest registered works are kept as PriorMatch rows.

# How far (Hamming distance out of 256 bits) a registered work may be and still be shown to
# the reviewer. A half-size PNG copy of a JPEG lands ~22 bits away and an unrelated picture
# ~130 (tests/test_prior.py); PDQ's authors treat ≤ 31 as a match and 32–63 as grey, and the
# demo's distinct generated pictures lie 50–60 apart, so 40 (84 % similar) keeps edited copies
# without flooding the list. Three small edits in 200 characters move a text's SimHash ~40
# bits, an unrelated text lies ~125 away, and 80 (about 69 %) lets through reworded passages.
# Tune both here only.
MAX_DISTANCE: dict[str, int] = {MatchKind.IMAGE: 40, MatchKind.TEXT: 80}
CANDIDATES = 10  # nearest registered works kept per sample and kind
MAX_SAMPLES = 20  # work samples of one application that are compared
TEXT_KINDS = ("text", "subtitle", "docx", "pdf")


def sample_codes(sample: Sample, data: bytes | None = None) -> dict[str, bytes]:
    """The perceptual codes of one sample (``data``: its bytes, read if not given), by kind
    ("image" or "text"); empty for audio, video and samples that cannot be decoded or hold
    too little text."""
    if data is None:
        data = store().read(sample.blob_key)
    if sample.media_type == "image":
        code = fingerprints.image_code(data)
        return {MatchKind.IMAGE: code} if code else {}
    kind = extract.kind_of(name=sample.original_name, media_type=sample.media_type,
                           content_type=sample.content_type)
    if kind in TEXT_KINDS:
        code = fingerprints.text_code(iscc.sample_text(kind, data, sample.original_name))
        return {MatchKind.TEXT: code} if code else {}
    return {}


def fingerprint(*, registration_id: int, add_to_index: bool = True) -> WorkFingerprint | None:
    """Compute (again) the codes of a registered work's first sample and put them into the
    indexes; None when it has no work sample."""
    reg, sample, data = _registered(registration_id)
    return _save_fingerprint(reg, sample, data, add_to_index=add_to_index) if sample else None


def _save_fingerprint(reg: Registration, sample: Sample, data: bytes, *, add_to_index: bool) -> WorkFingerprint:
    codes = sample_codes(sample, data)
    with transaction.atomic():
        row, _ = WorkFingerprint.objects.update_or_create(registration=reg, defaults={
            "sample": sample, "image_code": codes.get(MatchKind.IMAGE), "text_code": codes.get(MatchKind.TEXT),
            "computed_at": clock.now(),
        })
    if add_to_index:
        for kind in MatchKind.values:
            # update() holds the index's lock file, so a job in another process cannot
            # overwrite this change (it saves on leaving the block).
            with index.open_index(kind).update() as idx:
                if kind in codes:
                    idx.add([reg.pk], [codes[kind]])  # replaces the code a recomputed work had
                else:
                    idx.remove([reg.pk])
    return row


def missing_fingerprints() -> list[int]:
    """Registrations without a fingerprint yet, oldest first."""
    return list(Registration.objects.filter(fingerprint__isnull=True).order_by("id").values_list("id", flat=True))


def _indexed(kind: str) -> QuerySet[WorkFingerprint]:
    return WorkFingerprint.objects.filter(**{f"{kind}_code__isnull": False})


def rebuild_indexes(progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Rebuild both indexes from the WorkFingerprint rows (a new machine, a lost or stale
    index file); ``progress(kind, done, total)``. Returns how many works each index holds."""
    sizes = {}
    for kind in MatchKind.values:
        rows = _indexed(kind).order_by("registration_id").values_list("registration_id", f"{kind}_code")
        total = rows.count()
        report = (lambda done, of, kind=kind: progress(kind, done, of)) if progress else None
        idx = index.rebuild(kind, ((reg_id, bytes(code)) for reg_id, code in rows.iterator(chunk_size=2000)),
                            total=total, progress=report)  # saved and cached
        sizes[kind] = len(idx)
    return sizes


def _open_current(kind: str) -> index.CodeIndex:
    """The index of a kind, rebuilt first when it does not hold as many works as the database
    (a fresh machine, a lost or stale file, a fingerprint job whose save was lost)."""
    idx = index.open_index(kind)
    if len(idx) != _indexed(kind).count():
        rows = _indexed(kind).values_list("registration_id", f"{kind}_code")
        idx = index.rebuild(kind, ((reg_id, bytes(code)) for reg_id, code in rows.iterator(chunk_size=2000)))
    return idx


def queue_prior(*, app_id: int) -> PriorSearch:
    """Mark the comparison as queued (the reviewer's page says 正在比对 at once) and forget
    earlier matches."""
    with transaction.atomic():
        search, _ = PriorSearch.objects.update_or_create(application_id=app_id, defaults={
            "status": SearchStatus.QUEUED, "queued_at": clock.now(), "finished_at": None, "error": "",
        })
    return search


def find_prior(*, app_id: int) -> PriorSearch:
    """Compare an application's work samples with every registered work of their kind and
    keep the nearest as PriorMatch rows (its own registration, if any, excepted)."""
    app = Application.objects.get(pk=app_id)
    search, _ = PriorSearch.objects.update_or_create(application=app, defaults={"status": SearchStatus.RUNNING},
                                                     create_defaults={"status": SearchStatus.RUNNING,
                                                                      "queued_at": clock.now()})
    own = Registration.objects.filter(application=app).values_list("pk", flat=True).first()
    best: dict[tuple[int, str], int] = {}  # (registration id, kind) -> smallest distance
    compared = dict.fromkeys(MatchKind.values, 0)
    samples = list(app.samples.filter(role="sample").order_by("id")[:MAX_SAMPLES])
    for sample in samples:
        for kind, code in sample_codes(sample).items():
            idx = _open_current(kind)
            compared[kind] = len(idx)
            for reg_id, dist in idx.search(code, k=CANDIDATES + 1, max_distance=MAX_DISTANCE[kind]):
                if reg_id != own and dist < best.get((reg_id, kind), dist + 1):
                    best[(reg_id, kind)] = dist
    # The index may name a work that is gone (a stale file): only registered works are shown.
    existing = set(WorkFingerprint.objects.filter(registration_id__in={r for r, _ in best})
                   .values_list("registration_id", flat=True))
    now = clock.now()
    with transaction.atomic():
        PriorMatch.objects.filter(application=app).delete()
        PriorMatch.objects.bulk_create([
            PriorMatch(application=app, registration_id=reg_id, kind=kind, distance=dist,
                       similarity=1 - dist / fingerprints.CODE_BITS, found_at=now)
            for (reg_id, kind), dist in sorted(best.items(), key=lambda item: item[1]) if reg_id in existing
        ])
        search.status = SearchStatus.DONE
        search.finished_at = now
        search.image_compared = compared[MatchKind.IMAGE]
        search.text_compared = compared[MatchKind.TEXT]
        search.error = ""
        search.save()
    return search


def prior_failed(*, app_id: int, error: str) -> None:
    PriorSearch.objects.filter(application_id=app_id).update(
        status=SearchStatus.FAILED, finished_at=clock.now(), error=error[:500])


def prior_results(app: Application) -> tuple[PriorSearch | None, list[PriorMatch]]:
    """The comparison of an application and its matches, nearest first."""
    search = PriorSearch.objects.filter(application=app).first()
    matches = list(PriorMatch.objects.filter(application=app)
                   .select_related("registration__fingerprint__sample").order_by("distance", "id"))
    return search, matches
