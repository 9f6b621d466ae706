"""State changes of applications made by applicants, and the transition primitive that every
workflow step (here and in ``review``) goes through."""

import hashlib
import uuid
from functools import partial
from pathlib import PurePath
from typing import Any, BinaryIO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import deadlines, media_checks, rules, states, tasks, uploads
from banquan.applications.models import Application, Author, Correction, Owner, Sample
from banquan.core import clock
from banquan.core.errors import DomainError, InvalidTransition, NotFound, PermissionDenied
from banquan.core.storage import store
from banquan.ledger import services as ledger

EDITABLE = {states.State.DRAFT, states.State.CORRECTION_REQUESTED}
APPLICATION_FIELDS = [
    f.name for f in Application._meta.get_fields()
    if getattr(f, "editable", False) and f.name not in {
        "id", "applicant", "client_token", "status", "procedure", "created_at", "updated_at",
        "submitted_at", "accepted_on", "deadline", "deadline_provisional", "assigned_to", "decided_at",
        "special_review_required", "special_review_reason", "first_approved_by", "first_approved_at",
    }
]


def locked(app_id: int) -> Application:
    """Fetch an application and lock its row for the rest of the transaction."""
    try:
        return Application.objects.select_for_update().get(pk=app_id)
    except Application.DoesNotExist:
        raise NotFound(_("申请不存在。")) from None


def transition(
    app: Application, action_name: str, *, by: User | None, actor: states.Actor, reason: str = "",
    data: dict | None = None,
) -> Application:
    """Move ``app`` (locked by the caller) along the state machine and log it."""
    try:
        action = states.check(action_name, app.status, actor, reason)
    except states.TransitionRefused as e:
        raise InvalidTransition(e.message) from None
    before = app.status
    app.status = action.target.value
    app.save()
    ledger.record(actor=by, subject=app.subject, action=action.name, from_state=before,
                  to_state=app.status, reason=reason.strip(), data=data)
    return app


def _own(app: Application, user: User) -> None:
    if app.applicant_id != user.pk:
        raise PermissionDenied(_("这不是您的申请。"))


def _write_people(app: Application, authors: list[dict], owners: list[dict]) -> None:
    app.authors.all().delete()
    app.owners.all().delete()
    Author.objects.bulk_create(Author(application=app, position=i, **a) for i, a in enumerate(authors))
    Owner.objects.bulk_create(Owner(application=app, position=i, **o) for i, o in enumerate(owners))


def create_draft(
    *, applicant: User, fields: dict[str, Any], authors: list[dict], owners: list[dict],
    client_token: uuid.UUID | None = None,
) -> Application:
    """Create a draft. A repeated ``client_token`` (a double-clicked button) returns the
    application the first click made instead of a second one."""
    if client_token is not None:
        existing = Application.objects.filter(client_token=client_token, applicant=applicant).first()
        if existing:
            return existing
    try:
        with transaction.atomic():
            app = Application.objects.create(applicant=applicant, client_token=client_token,
                                             **_clean_fields(fields))
            _write_people(app, authors, owners)
            ledger.record(actor=applicant, subject=app.subject, action="create", to_state=app.status)
    except IntegrityError:
        existing = Application.objects.filter(client_token=client_token, applicant=applicant).first()
        if existing is None:
            raise
        return existing
    return app


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(APPLICATION_FIELDS)
    if unknown:
        raise DomainError(_("未知字段：%(fields)s") % {"fields": "、".join(sorted(unknown))})
    return fields


@transaction.atomic
def update_draft(
    *, applicant: User, app_id: int, fields: dict[str, Any], authors: list[dict] | None = None,
    owners: list[dict] | None = None,
) -> Application:
    app = locked(app_id)
    _own(app, applicant)
    if app.status not in EDITABLE:
        raise InvalidTransition(_("申请已提交，只能在审查员要求补正时修改。"))
    for k, v in _clean_fields(fields).items():
        setattr(app, k, v)
    app.save()
    if authors is not None or owners is not None:
        _write_people(app, authors if authors is not None else list(app.authors.values(*_AUTHOR)),
                      owners if owners is not None else list(app.owners.values(*_OWNER)))
    return app


_AUTHOR = ("name", "signature")
_OWNER = ("kind", "name", "id_type", "id_number", "nationality", "province", "city", "address")


def add_sample(*, applicant: User, app_id: int, name: str, file: BinaryIO, size: int,
               role: str = "sample") -> Sample:
    """Check and store an uploaded file. The blob is written first; if the database row then
    fails, the blob is removed again, so neither is left without the other."""
    head = file.read(8192)
    file.seek(0)
    detected = uploads.detect(name, head, size, settings.BANQUAN_UPLOAD_LIMITS, role=role)
    media_checks.check(name, detected.media_type, file)  # opens and holds something; rewinds
    sample_id = uuid.uuid4()
    key = f"samples/{sample_id.hex[:2]}/{sample_id.hex}{_suffix(name)}"
    digest = hashlib.sha256()
    reader = _HashingReader(file, digest)
    store().put(key, reader)  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            app = locked(app_id)
            _own(app, applicant)
            if app.status not in EDITABLE:
                raise InvalidTransition(_("申请已提交，不能再上传文件。"))
            if role == "process_video":  # one creation-process video per application
                for old in app.samples.filter(role="process_video"):
                    transaction.on_commit(partial(store().delete, old.blob_key))
                    old.delete()
            sample = Sample.objects.create(
                application=app, role=role, media_type=detected.media_type,
                content_type=detected.content_type, original_name=name[:255], blob_key=key,
                size=reader.count, sha256=digest.hexdigest(), uuid=sample_id,
            )
            ledger.record(actor=applicant, subject=app.subject, action="add_sample",
                          data={"name": name, "sha256": sample.sha256, "size": sample.size})
    except BaseException:
        store().delete(key)
        raise
    if sample.media_type == "image":  # thumbnail made in the background once the row is committed
        transaction.on_commit(lambda: tasks.make_thumbnail(sample.pk))
    return sample


def _suffix(name: str) -> str:
    ext = PurePath(name).suffix.lower()
    return ext if ext.isascii() and len(ext) <= 8 else ""


class _HashingReader:
    def __init__(self, f: BinaryIO, digest: Any):
        self.f, self.digest, self.count = f, digest, 0

    def read(self, n: int = -1) -> bytes:
        chunk = self.f.read(n)
        self.digest.update(chunk)
        self.count += len(chunk)
        return chunk


@transaction.atomic
def remove_sample(*, applicant: User, app_id: int, sample_id: int) -> None:
    app = locked(app_id)
    _own(app, applicant)
    if app.status not in EDITABLE:
        raise InvalidTransition(_("申请已提交，不能删除文件。"))
    sample = app.samples.filter(pk=sample_id).first()
    if sample is None:
        raise NotFound(_("文件不存在。"))
    key = sample.blob_key
    sample.delete()
    ledger.record(actor=applicant, subject=app.subject, action="remove_sample", data={"name": sample.original_name})
    transaction.on_commit(lambda: store().delete(key))


def _require_complete(app: Application) -> None:
    if app.procedure == "software":  # the software form has its own fields and deposit materials
        from banquan.software import services as software

        problems = software.problems(app)
    else:
        problems = rules.completeness(app, list(app.authors.all()), list(app.owners.all()),
                                      list(app.samples.all()), today=clock.today())
    if problems:
        from banquan.core.errors import ValidationFailed

        raise ValidationFailed(problems)


@transaction.atomic
def submit(*, applicant: User, app_id: int) -> Application:
    app = locked(app_id)
    _own(app, applicant)
    if app.status == states.State.SUBMITTED:  # a second click on "submit": nothing to do
        return app
    _require_complete(app)
    app.submitted_at = clock.now()
    return transition(app, "submit", by=applicant, actor=states.Actor.APPLICANT)


@transaction.atomic
def resubmit(*, applicant: User, app_id: int, response: str) -> Application:
    """Answer a correction request (补正); the review clock runs again from today."""
    app = locked(app_id)
    _own(app, applicant)
    if app.status == states.State.RESUBMITTED:
        return app
    if not response.strip():
        raise DomainError(_("请说明补正了哪些内容。"), field="response")
    _require_complete(app)
    open_round = app.corrections.filter(received_on__isnull=True).last()
    if open_round is None:
        raise InvalidTransition(_("没有待答复的补正要求。"))
    open_round.received_on = clock.today()
    open_round.response = response.strip()
    open_round.save()
    deadlines.refresh(app)
    app = transition(app, "resubmit", by=applicant, actor=states.Actor.APPLICANT, reason=response)
    from banquan.screening import tasks as screening_tasks  # screening depends on applications

    transaction.on_commit(lambda: screening_tasks.schedule(app.pk, trigger="resubmit"), robust=True)
    from banquan.logos import tasks as logo_tasks  # new samples are compared with the marks again

    transaction.on_commit(lambda: logo_tasks.schedule(app.pk, trigger="resubmit"), robust=True)
    from banquan.software import tasks as software_tasks  # corrected code is compared again

    transaction.on_commit(lambda: software_tasks.schedule(app.pk, trigger="resubmit"), robust=True)
    return app


@transaction.atomic
def withdraw(*, applicant: User, app_id: int, reason: str) -> Application:
    app = locked(app_id)
    _own(app, applicant)
    app.decided_at = clock.now()
    app.deadline = None
    return transition(app, "withdraw", by=applicant, actor=states.Actor.APPLICANT, reason=reason)


@transaction.atomic
def delete_draft(*, applicant: User, app_id: int) -> None:
    app = locked(app_id)
    _own(app, applicant)
    if app.status != states.State.DRAFT:
        raise InvalidTransition(_("只能删除草稿。"))
    keys = list(app.samples.values_list("blob_key", flat=True))
    ledger.record(actor=applicant, subject=app.subject, action="delete_draft", from_state=app.status)
    app.delete()
    transaction.on_commit(partial(_delete_blobs, keys))


def _delete_blobs(keys: list[str]) -> None:
    for key in keys:
        store().delete(key)


def open_correction(app: Application) -> Correction | None:
    return app.corrections.filter(received_on__isnull=True).last()
