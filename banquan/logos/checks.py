"""The brand-logo check of an application (after acceptance and after each correction) and
the registrar's decision on an intercepted one.

Every image sample, and key frames of every video sample, is compared with the protected
marks. A suspected copy stops the application (``intercepted``, by the system) with its
findings as evidence; only a registrar releases it back to the review, with a reason, or
rejects it. Both are in the application's audit history.
"""

import io
import logging

import cv2
import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from banquan.accounts.models import Role, User
from banquan.applications import states
from banquan.applications.models import Application, Sample
from banquan.applications.services import locked, transition
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.core.storage import store
from banquan.logos import library
from banquan.logos.images import LogoError
from banquan.logos.matcher import LogoIndex, Match
from banquan.logos.models import Check, CheckStatus, Finding, Mark

log = logging.getLogger(__name__)

MEDIA = ("image", "video")
FRAME_EVERY = 2.0  # seconds between the key frames of a video that are compared
MAX_FRAMES = 150  # ... at most (the first five minutes at one frame every two seconds)
MAX_FINDINGS_PER_VIDEO = 5
INTERCEPT_FROM = {s for s in states.State if s in states.ACTIONS["intercept"].sources}


def latest_check(app_id: int, *, finished: bool = False) -> Check | None:
    found = Check.objects.filter(application_id=app_id)
    if finished:
        found = found.filter(status__in=(CheckStatus.DONE, CheckStatus.FAILED))
    return found.order_by("-created_at", "-id").first()


def _samples(app: Application) -> list[Sample]:
    return list(app.samples.filter(role="sample", media_type__in=MEDIA).order_by("id"))


@transaction.atomic
def queue_check(*, app_id: int, trigger: str) -> Check:
    """A new queued check of the application as it is now; the caller schedules the job."""
    app = Application.objects.get(pk=app_id)
    return Check.objects.create(application=app, trigger=trigger, created_at=clock.now(),
                                images_total=len(_samples(app)))


def _jpeg(rgb) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _finding(check: Check, sample: Sample, match: Match, **frame) -> Finding:
    assert match.mark is not None and match.region is not None
    x, y, w, h = (max(0, int(v)) for v in match.region)
    return Finding(check_run=check, sample=sample, mark_id=int(match.mark), score=match.score, x=x, y=y, w=w, h=h,
                   **frame)


def _video_findings(index: LogoIndex, check: Check, sample: Sample, data: bytes) -> list[Finding]:
    from banquan.similarity.media import video_frames  # PyAV decodes the video

    best: dict[str, tuple[Match, float, np.ndarray]] = {}  # mark -> its best frame
    for at, rgb in video_frames(data, every=FRAME_EVERY, limit=MAX_FRAMES):
        match = index.match_rgb(rgb)
        if match.decision != "intercept" or match.mark is None:
            continue
        if match.mark not in best or match.score > best[match.mark][0].score:
            best[match.mark] = (match, at, rgb)
    found = []
    for match, at, rgb in sorted(best.values(), key=lambda t: -t[0].score)[:MAX_FINDINGS_PER_VIDEO]:
        key = f"logos/frames/{sample.uuid}-{int(at * 1000)}.jpg"
        store().put(key, _jpeg(rgb))
        found.append(_finding(check, sample, match, frame_at=round(at, 2), frame_key=key))
    return found


def _findings(index: LogoIndex, check: Check, sample: Sample) -> list[Finding]:
    data = store().read(sample.blob_key)
    if sample.media_type == "video":
        return _video_findings(index, check, sample, data)
    match = index.match(data, sample.original_name)
    return [_finding(check, sample, match)] if match.decision == "intercept" else []


def run_check(check_id: int) -> Check:
    """The check job: compare each sample (one short transaction per sample, so progress
    shows), then intercept the application if anything matched."""
    check = Check.objects.select_related("application").get(pk=check_id)
    Check.objects.filter(pk=check.pk).update(status=CheckStatus.RUNNING)
    cv2.setNumThreads(1)  # one core a check: with two, a busy worker's checks ran 5× slower
    index = library.current_index()
    check.marks_compared = len(index)
    found: list[Finding] = []
    for sample in _samples(check.application) if len(index) else []:
        try:
            new = _findings(index, check, sample)
        except (LogoError, ValueError) as e:  # LogoError and the video decoder's MediaError
            check.unreadable.append({"file": sample.original_name, "reason": getattr(e, "reason", str(e))})
            new = []
        Finding.objects.bulk_create(new)
        found += new
        check.images_done += 1
        check.save(update_fields=["images_done", "unreadable", "marks_compared"])
    return _finish(check, found)


@transaction.atomic
def _finish(check: Check, found: list[Finding]) -> Check:
    app = locked(check.application_id)
    newest = latest_check(app.pk)
    if found and app.status in INTERCEPT_FROM and newest is not None and newest.pk == check.pk:
        best = max(found, key=lambda f: f.score)
        brands = sorted({m.brand for m in Mark.objects.filter(pk__in={f.mark_id for f in found})})
        transition(app, "intercept", by=None, actor=states.Actor.SYSTEM,
                   reason=_("疑似复制知名商标标志：%(brands)s（最高相似度 %(score).0f%%）")
                   % {"brands": "、".join(brands), "score": best.score * 100},
                   data={"check": check.pk, "findings": len(found), "best_score": best.score})
        check.intercepted = True
    check.status, check.finished_at = CheckStatus.DONE, clock.now()
    check.save()
    return check


def check_failed(check_id: int, error: str) -> None:
    Check.objects.filter(pk=check_id).update(status=CheckStatus.FAILED, error=error[:500], finished_at=clock.now())


def require_finished(app_id: int) -> None:
    """No approval while the logo check is still running: it may yet stop the application."""
    check = latest_check(app_id)
    if check is not None and check.active:
        raise DomainError(_("商标标志比对尚未完成，请在比对结束后再作出审查结论。"))


# --- the registrar's decision -----------------------------------------------------------------

def may_decide(user: User) -> bool:
    return user.is_superuser or user.role == Role.REGISTRAR


@transaction.atomic
def release(*, registrar: User, app_id: int, reason: str) -> Application:
    """解除拦截: the registrar finds no copy of a protected mark; the application goes back to
    the review (``accepted``) and the reason is kept in its history."""
    if not may_decide(registrar):
        raise PermissionDenied(_("只有登记管理员可以解除拦截。"))
    app = Application.objects.filter(pk=app_id).first()
    if app is None:
        raise NotFound(_("申请不存在。"))
    app = locked(app_id)
    check = latest_check(app_id)
    return transition(app, "release_interception", by=registrar, actor=states.Actor.REVIEWER, reason=reason,
                      data={"check": check.pk if check else None})
