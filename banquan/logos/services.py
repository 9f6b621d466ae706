"""Changing the library of protected marks: adding one mark, editing, enabling and disabling
marks, and bulk imports (an archive or a folder) run by a background job with progress.

Each change is audited under the subject ``logos:library``. Blobs are written before the
database row and removed again if the row is not committed, so neither is left alone.
The brand-logo check of applications is in ``banquan.logos.checks``.
"""

import hashlib
import io
import uuid
from collections.abc import Callable
from pathlib import PurePath

from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from banquan.accounts.models import Role, User
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.core.storage import store
from banquan.ledger import services as ledger
from banquan.logos import archive, marks
from banquan.logos.images import MAX_BYTES, LogoError, load_rgb
from banquan.logos.models import ImportStatus, Mark, MarkImport

SUBJECT = "logos:library"
MAX_NAME = 200
PREVIEW_SIDE = 512


def may_manage(user: User | None) -> bool:
    return user is None or user.is_superuser or user.role == Role.REGISTRAR


def _registrar(user: User | None) -> None:
    if not may_manage(user):
        raise PermissionDenied(_("只有登记管理员可以管理商标标志库。"))


def _text(value: str, label: str, *, required: bool = True) -> str:
    value = " ".join((value or "").split())
    if required and not value:
        raise DomainError(_("请填写%(label)s。") % {"label": label})
    if len(value) > MAX_NAME:
        raise DomainError(_("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": MAX_NAME})
    return value


def _preview(rgb) -> bytes:
    im = Image.fromarray(rgb)
    im.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _suffix(filename: str) -> str:
    ext = PurePath(filename).suffix.lower()
    return ext if ext in archive.EXTENSIONS else ""


def add_mark(*, by: User | None, data: bytes, filename: str, brand: str, owner: str, note: str = "") -> Mark:
    """Add one protected mark (PNG, JPEG or SVG); refuses unreadable or unsafe files and a
    file that is already in the library."""
    _registrar(by)
    brand, owner = _text(brand, _("品牌")), _text(owner, _("权利人"))
    if not data:
        raise DomainError(_("文件“%(name)s”是空文件。") % {"name": filename})
    if len(data) > MAX_BYTES:
        raise DomainError(_("文件“%(name)s”超过 20 MB。") % {"name": filename})
    if not _suffix(filename):
        raise DomainError(_("标志文件须为 PNG、JPEG 或 SVG：“%(name)s”。") % {"name": filename})
    digest = hashlib.sha256(data).hexdigest()
    existing = Mark.objects.filter(sha256=digest).first()
    if existing is not None:
        raise DomainError(_("该文件已在标志库中：%(mark)s。") % {"mark": existing})
    try:
        rgb = load_rgb(data, filename)
        prepared = marks.prepare(brand, data, filename)
    except LogoError as e:
        raise DomainError(_("文件“%(name)s”不能作为标志：%(reason)s") % {"name": filename, "reason": e.reason}) from None
    key = f"logos/{uuid.uuid4().hex}"
    blob_key, preview_key = key + _suffix(filename), key + ".preview.png"
    store().put(blob_key, data)
    store().put(preview_key, _preview(rgb))
    try:
        with transaction.atomic():
            now = clock.now()
            mark = Mark.objects.create(
                brand=brand, owner=owner, note=(note or "").strip(), original_name=filename[:255], blob_key=blob_key,
                preview_key=preview_key, sha256=digest, prepared=marks.to_bytes(prepared),
                prepared_format=marks.FORMAT, created_by=by, created_at=now, changed_at=now)
            ledger.record(actor=by, subject=SUBJECT, action="logo_mark_add",
                          data={"mark": mark.pk, "brand": brand, "owner": owner, "file": filename, "sha256": digest})
    except BaseException:
        store().delete(blob_key)
        store().delete(preview_key)
        raise
    return mark


@transaction.atomic
def edit_mark(*, by: User | None, mark_id: int, brand: str, owner: str, note: str, active: bool) -> Mark:
    _registrar(by)
    mark = Mark.objects.select_for_update().filter(pk=mark_id).first()
    if mark is None:
        raise NotFound(_("标志不存在。"))
    before = {"brand": mark.brand, "owner": mark.owner, "active": mark.active}
    mark.brand, mark.owner = _text(brand, _("品牌")), _text(owner, _("权利人"))
    mark.note, mark.active, mark.changed_at = (note or "").strip(), active, clock.now()
    mark.save()
    ledger.record(actor=by, subject=SUBJECT, action="logo_mark_edit",
                  data={"mark": mark.pk, "before": before,
                        "after": {"brand": mark.brand, "owner": mark.owner, "active": mark.active}})
    return mark


@transaction.atomic
def set_marks_active(*, by: User | None, mark_ids: list[int], active: bool) -> int:
    _registrar(by)
    n = Mark.objects.filter(pk__in=mark_ids).exclude(active=active).update(active=active, changed_at=clock.now())
    ledger.record(actor=by, subject=SUBJECT, action="logo_marks_enable" if active else "logo_marks_disable",
                  data={"marks": sorted(mark_ids), "changed": n})
    return n


def refresh_prepared(mark: Mark) -> Mark:
    """Prepare a mark again from its file (after the engine's preparation changed)."""
    prepared = marks.prepare(mark.brand, store().read(mark.blob_key), mark.original_name)
    Mark.objects.filter(pk=mark.pk).update(prepared=marks.to_bytes(prepared), prepared_format=marks.FORMAT)
    mark.prepared, mark.prepared_format = marks.to_bytes(prepared), marks.FORMAT
    return mark


# --- bulk import ---------------------------------------------------------------------------

def start_import(*, by: User | None, data: bytes, filename: str, default_owner: str = "",
                 schedule: bool = True) -> MarkImport:
    """Check the archive can be read, keep it, and hand it to the import job (``schedule``;
    the command line runs ``run_import`` itself, with a progress bar)."""
    from banquan.logos import tasks  # tasks imports this module

    _registrar(by)
    default_owner = _text(default_owner, _("默认权利人"), required=False)
    try:
        total, _entries = archive.entries(data, filename, default_owner=default_owner)
    except LogoError as e:
        raise DomainError(e.reason) from None
    key = f"logos/imports/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:8]}"
    store().put(key, data)
    try:
        with transaction.atomic():
            job = MarkImport.objects.create(original_name=filename[:255], archive_key=key, default_owner=default_owner,
                                            total=total, created_by=by, created_at=clock.now())
            ledger.record(actor=by, subject=SUBJECT, action="logo_import_start",
                          data={"import": job.pk, "file": filename, "marks": total})
            if schedule:
                transaction.on_commit(lambda: tasks.import_marks(job.pk))
    except BaseException:
        store().delete(key)
        raise
    return job


def _import_one(job: MarkImport, entry: archive.Entry) -> str:
    """Add one entry; returns "added", "duplicate" or the reason it was refused."""
    if entry.data is None:
        return entry.reason
    if not entry.owner:
        return _("未写权利人（在清单 marks.csv 中写明，或填写默认权利人）")
    if Mark.objects.filter(sha256=hashlib.sha256(entry.data).hexdigest()).exists():
        return "duplicate"
    try:
        add_mark(by=job.created_by, data=entry.data, filename=PurePath(entry.path).name, brand=entry.brand,
                 owner=entry.owner)
    except DomainError as e:
        return e.message
    return "added"


def run_import(import_id: int, progress: Callable[[int, int], None] | None = None) -> MarkImport:
    """The import job: one short transaction per mark, so the progress shows as it goes and
    a failure part-way keeps the marks already added. ``progress(done, total)``."""
    job = MarkImport.objects.select_related("created_by").get(pk=import_id)
    MarkImport.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    _total, found = archive.entries(store().read(job.archive_key), job.original_name,
                                    default_owner=job.default_owner)
    for entry in found:
        outcome = _import_one(job, entry)
        job.done += 1
        if outcome == "added":
            job.added += 1
        elif outcome == "duplicate":
            job.duplicates += 1
        else:
            job.errors.append({"file": entry.path, "reason": outcome})
        job.save(update_fields=["done", "added", "duplicates", "errors"])
        if progress:
            progress(job.done, job.total)
    job.status, job.finished_at = ImportStatus.DONE, clock.now()
    job.save(update_fields=["status", "finished_at"])
    ledger.record(actor=job.created_by, subject=SUBJECT, action="logo_import_done",
                  data={"import": job.pk, "added": job.added, "duplicates": job.duplicates,
                        "refused": len(job.errors)})
    store().delete(job.archive_key)
    return job


def import_failed(import_id: int, error: str) -> None:
    MarkImport.objects.filter(pk=import_id).update(status=ImportStatus.FAILED, error=error[:500],
                                                   finished_at=clock.now())
