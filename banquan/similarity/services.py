"""Content codes of registered works, and the search for prior registrations like a new work."""

import threading
from collections.abc import Callable

import numpy as np
from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet

from banquan.applications.models import Application, Sample
from banquan.core import clock
from banquan.core.storage import store
from banquan.records.models import Registration
from banquan.screening import extract
from banquan.similarity import fingerprints, index, iscc, media, media_index
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
CODE_KINDS = index.KINDS  # kinds searched through the persistent 256-bit code indexes

# Audio and video are compared by their own rules (``media``), on candidates named by the
# in-memory indexes (``media_index``). Measured on generated music and video
# (tests/test_media.py, docs/similarity.md): re-encoded (MP3 64 kbit/s, Opus 32 kbit/s),
# resampled, noisy, trimmed or quieter copies of a track lie at a bit-error rate of
# 0.001–0.06 at their best alignment, and unrelated tracks at 0.33–0.39 even at their best
# one; AcoustID's experience puts copies of one recording below ~0.15–0.2 and covers above,
# so 0.2 keeps badly encoded copies without admitting other performances. Rescaled and
# re-encoded copies of a video match 0.83–1.0 of the frames both ways (vPDQ: frames ≤ 31 bits
# apart), unrelated videos 0; vPDQ's 80 % is kept.
MAX_AUDIO_BER = 0.2
MIN_VIDEO_MATCH = 0.8
MEDIA_CANDIDATES = 32  # registered works compared exactly per sample, from the candidate index


def _audio_bytes(prints: np.ndarray) -> bytes:
    return np.asarray(prints, dtype="<u4").tobytes()


def _audio_array(code: bytes) -> np.ndarray:
    return np.frombuffer(bytes(code), dtype="<u4").astype(np.uint32)


def _media_codes(sample: Sample, data: bytes, problems: list[str]) -> dict[str, bytes]:
    """The audio print of an audio sample, and the frame hashes and soundtrack print of a
    video; what cannot be read is left out, and said in ``problems``."""
    codes: dict[str, bytes] = {}
    if sample.media_type == "video":
        try:
            hashes = media.frame_hashes(media.video_frames(data))
            if hashes:
                codes[MatchKind.VIDEO] = hashes
        except media.MediaError as exc:
            problems.append(f"{sample.original_name}：{exc.reason}")
    try:
        codes[MatchKind.AUDIO] = _audio_bytes(media.audio_print(data, sample.original_name))
    except media.MediaError as exc:
        if sample.media_type == "audio" or "fpcalc" in exc.reason:  # a silent video is no problem
            problems.append(f"{sample.original_name}：{exc.reason}")
    return codes


def sample_codes(sample: Sample, data: bytes | None = None, *, problems: list[str] | None = None) -> dict[str, bytes]:
    """The perceptual codes of one sample (``data``: its bytes, read if not given), by kind
    ("image", "text", "audio", "video"); empty for samples that cannot be decoded or hold
    too little text. Why an audio or video sample could not be fingerprinted is appended to
    ``problems`` when given."""
    if data is None:
        data = store().read(sample.blob_key)
    if sample.media_type == "image":
        code = fingerprints.image_code(data)
        return {MatchKind.IMAGE: code} if code else {}
    if sample.media_type in ("audio", "video"):
        return _media_codes(sample, data, problems if problems is not None else [])
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
            "sample": sample, **{f"{kind}_code": codes.get(kind) for kind in MatchKind.values},
            "computed_at": clock.now(),
        })
    if add_to_index:  # the audio and video indexes follow the rows by themselves (_media_index)
        for kind in CODE_KINDS:
            # update() holds the index's lock file, so a job in another process cannot
            # overwrite this change (it saves on leaving the block).
            with index.open_index(kind).update() as idx:
                if kind in codes:
                    idx.add([reg.pk], [codes[kind]])  # replaces the code a recomputed work had
                else:
                    idx.remove([reg.pk])
    return row


def missing_fingerprints() -> list[int]:
    """Registrations without a fingerprint yet, oldest first, and audio or video works whose
    fingerprint has no print (made before they were compared, or while fpcalc was missing)."""
    no_print = Q(fingerprint__sample__media_type__in=("audio", "video"), fingerprint__audio_code__isnull=True,
                 fingerprint__video_code__isnull=True)
    return list(Registration.objects.filter(Q(fingerprint__isnull=True) | no_print)
                .order_by("id").values_list("id", flat=True))


def _indexed(kind: str) -> QuerySet[WorkFingerprint]:
    return WorkFingerprint.objects.filter(**{f"{kind}_code__isnull": False})


def rebuild_indexes(progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Rebuild every index from the WorkFingerprint rows (a new machine, a lost or stale
    index file; the in-memory audio and video ones are rebuilt too);
    ``progress(kind, done, total)``. Returns how many works each index holds."""
    sizes: dict[str, int] = {}
    for kind in CODE_KINDS:
        rows = _indexed(kind).order_by("registration_id").values_list("registration_id", f"{kind}_code")
        total = rows.count()
        report = (lambda done, of, kind=kind: progress(kind, done, of)) if progress else None
        idx = index.rebuild(kind, ((reg_id, bytes(code)) for reg_id, code in rows.iterator(chunk_size=2000)),
                            total=total, progress=report)  # saved and cached
        sizes[kind] = len(idx)
    for media_kind in (MatchKind.AUDIO.value, MatchKind.VIDEO.value):
        with _media_lock:
            _media_cache.pop(media_kind, None)
        sizes[media_kind] = len(_media_index(media_kind))
        if progress:
            progress(media_kind, sizes[media_kind], sizes[media_kind])
    return sizes


def _open_current(kind: str) -> index.CodeIndex:
    """The index of a kind, rebuilt first when it does not hold as many works as the database
    (a fresh machine, a lost or stale file, a fingerprint job whose save was lost)."""
    idx = index.open_index(kind)
    if len(idx) != _indexed(kind).count():
        rows = _indexed(kind).values_list("registration_id", f"{kind}_code")
        idx = index.rebuild(kind, ((reg_id, bytes(code)) for reg_id, code in rows.iterator(chunk_size=2000)))
    return idx


_media_cache: dict[str, tuple[tuple[object, ...], media_index.AudioIndex | media_index.VideoIndex]] = {}
_media_lock = threading.Lock()


def _media_index(kind: str) -> media_index.AudioIndex | media_index.VideoIndex:
    """The in-memory candidate index of audio or video prints, built from the database and
    rebuilt when its rows have changed (their count, last row or latest computation time)."""
    rows = _indexed(kind)
    state = tuple(rows.aggregate(n=Count("pk"), last=Max("pk"), latest=Max("computed_at")).values())
    with _media_lock:
        cached = _media_cache.get(kind)
        if cached is None or cached[0] != state:
            items = ((reg_id, bytes(code)) for reg_id, code in
                     rows.order_by("registration_id").values_list("registration_id", f"{kind}_code")
                     .iterator(chunk_size=500))
            built = media_index.AudioIndex(items) if kind == MatchKind.AUDIO else media_index.VideoIndex(items)
            cached = _media_cache[kind] = (state, built)
        return cached[1]


def _media_matches(kind: str, code: bytes) -> tuple[int, list[tuple[int, float]]]:
    """Registered works whose audio or video matches a new print by the exact rule, as
    (registration id, similarity), and how many works were searched."""
    idx = _media_index(kind)
    if kind == MatchKind.AUDIO:
        prints = _audio_array(code)
        names = idx.candidates(prints, MEDIA_CANDIDATES)  # type: ignore[arg-type]
    else:
        names = idx.candidates(code, MEDIA_CANDIDATES)  # type: ignore[arg-type]
    found = []
    for reg_id, theirs in _indexed(kind).filter(registration_id__in=names).values_list(
            "registration_id", f"{kind}_code"):
        if kind == MatchKind.AUDIO:
            ber, _offset = media.audio_ber(prints, _audio_array(theirs))
            if ber <= MAX_AUDIO_BER:
                found.append((reg_id, 1 - ber))
        else:
            fraction = media.video_match(code, bytes(theirs))
            if fraction >= MIN_VIDEO_MATCH:
                found.append((reg_id, fraction))
    return len(idx), found


def _distance(similarity: float) -> int:
    """The distance kept for a match on the 256-bit codes' scale (see PriorMatch)."""
    return round((1 - similarity) * fingerprints.CODE_BITS)


def queue_prior(*, app_id: int) -> PriorSearch:
    """Mark the comparison as queued (the reviewer's page says 正在比对 at once) and forget
    earlier matches."""
    with transaction.atomic():
        search, _ = PriorSearch.objects.update_or_create(application_id=app_id, defaults={
            "status": SearchStatus.QUEUED, "queued_at": clock.now(), "finished_at": None, "error": "",
            "not_compared": "",
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
    best: dict[tuple[int, str], float] = {}  # (registration id, kind) -> highest similarity
    compared = dict.fromkeys(MatchKind.values, 0)
    problems: list[str] = []
    samples = list(app.samples.filter(role="sample").order_by("id")[:MAX_SAMPLES])
    for sample in samples:
        for kind, code in sample_codes(sample, problems=problems).items():
            if kind in CODE_KINDS:
                idx = _open_current(kind)
                compared[kind] = len(idx)
                found = [(reg_id, 1 - dist / fingerprints.CODE_BITS) for reg_id, dist in
                         idx.search(code, k=CANDIDATES + 1, max_distance=MAX_DISTANCE[kind])]
            else:
                compared[kind], found = _media_matches(kind, code)
            for reg_id, similar in found:
                if reg_id != own and similar > best.get((reg_id, kind), -1.0):
                    best[(reg_id, kind)] = similar
    # The index may name a work that is gone (a stale file): only registered works are shown.
    existing = set(WorkFingerprint.objects.filter(registration_id__in={r for r, _ in best})
                   .values_list("registration_id", flat=True))
    now = clock.now()
    with transaction.atomic():
        PriorMatch.objects.filter(application=app).delete()
        PriorMatch.objects.bulk_create([
            PriorMatch(application=app, registration_id=reg_id, kind=kind, distance=_distance(similar),
                       similarity=similar, found_at=now)
            for (reg_id, kind), similar in sorted(best.items(), key=lambda item: -item[1]) if reg_id in existing
        ])
        search.status = SearchStatus.DONE
        search.finished_at = now
        search.image_compared = compared[MatchKind.IMAGE]
        search.text_compared = compared[MatchKind.TEXT]
        search.audio_compared = compared[MatchKind.AUDIO]
        search.video_compared = compared[MatchKind.VIDEO]
        search.not_compared = "；".join(dict.fromkeys(problems))[:500]
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
