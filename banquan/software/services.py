"""State changes of software applications: the form, the deposit materials, and what submission
needs. The review workflow, corrections and decisions are the shared ones of ``applications``
and ``review`` (a software application is an ``Application`` with procedure ``software``)."""

import hashlib
import uuid
from functools import partial
from pathlib import PurePath
from typing import Any, BinaryIO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.applications import services as applications
from banquan.applications.models import Application, Owner
from banquan.core import clock
from banquan.core.errors import DomainError, InvalidTransition, NotFound, ValidationFailed
from banquan.core.storage import store
from banquan.ledger import services as ledger
from banquan.software import form
from banquan.software.choices import MaterialKind, MaterialStatus
from banquan.software.models import DepositMaterial, SoftwareDetails

PROCEDURE = "software"
# The shared application row holds these; the rest of the form is SoftwareDetails.
APPLICATION_FIELDS = (
    "title", "completion_date", "publication", "first_publication_date", "first_publication_country",
    "first_publication_city", "acquisition", "derived_how", "rights_scope", "rights",
)
DETAIL_FIELDS = tuple(
    f.name for f in SoftwareDetails._meta.get_fields()
    if getattr(f, "editable", False) and f.name not in {"id", "application"}
)
SOURCE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".bundle", ".git")
MANUAL_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".txt")
# Problems of a deposit PDF that the office would send back for correction: submission waits
# until they are fixed. The others (language, sensitive words) are for the reviewer to judge.
BLOCKING = frozenset({
    "empty_pdf", "header_missing", "header_name", "header_version", "too_many_pages", "wrong_page_count",
    "too_few_lines", "page_number", "blank_page", "garbled_page", "redaction_too_much",
    "redaction_not_allowed", "object_code_parts",
})


def _split(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    unknown = set(values) - set(APPLICATION_FIELDS) - set(DETAIL_FIELDS)
    if unknown:
        raise DomainError(_("未知字段：%(fields)s") % {"fields": "、".join(sorted(unknown))})
    return ({k: v for k, v in values.items() if k in APPLICATION_FIELDS},
            {k: v for k, v in values.items() if k in DETAIL_FIELDS})


def _validate(values: dict[str, Any]) -> None:
    problems = form.field_problems(values, clock.today())
    if problems:
        raise ValidationFailed(problems)


def _write_owners(app: Application, owners: list[dict]) -> dict[str, str]:
    parks = {str(i): park for i, o in enumerate(owners) if (park := o.pop("park", ""))}
    app.owners.all().delete()
    Owner.objects.bulk_create(Owner(application=app, position=i, **o) for i, o in enumerate(owners))
    return parks


def create_draft(*, applicant: User, values: dict[str, Any], owners: list[dict],
                 client_token: uuid.UUID | None = None) -> Application:
    """A new software application (draft). A repeated ``client_token`` returns the first one."""
    if client_token is not None:
        existing = Application.objects.filter(client_token=client_token, applicant=applicant).first()
        if existing:
            return existing
    _validate(values)
    app_fields, details = _split(values)
    try:
        with transaction.atomic():
            app = Application.objects.create(applicant=applicant, client_token=client_token, procedure=PROCEDURE,
                                             **app_fields)
            parks = _write_owners(app, [dict(o) for o in owners])
            SoftwareDetails.objects.create(application=app, owner_parks=parks, **details)
            ledger.record(actor=applicant, subject=app.subject, action="create", to_state=app.status,
                          data={"procedure": PROCEDURE})
    except IntegrityError:
        existing = Application.objects.filter(client_token=client_token, applicant=applicant).first()
        if existing is None:
            raise
        return existing
    return app


@transaction.atomic
def update_draft(*, applicant: User, app_id: int, values: dict[str, Any],
                 owners: list[dict] | None = None) -> Application:
    app = _editable(applicant, app_id)
    details = app.software
    before = (app.title, details.version)
    merged = {**_current_values(app), **values}
    _validate(merged)
    app_fields, detail_fields = _split(values)
    for k, v in app_fields.items():
        setattr(app, k, v)
    app.save()
    for k, v in detail_fields.items():
        setattr(details, k, v)
    if owners is not None:
        details.owner_parks = _write_owners(app, [dict(o) for o in owners])
    details.save()
    if (app.title, details.version) != before:  # every page header names the software: redo
        for material in app.deposit_materials.all():
            _restart(material)
    return app


def _editable(applicant: User, app_id: int) -> Application:
    app = applications.locked(app_id)
    if app.applicant_id != applicant.pk:
        from banquan.core.errors import PermissionDenied

        raise PermissionDenied(_("这不是您的申请。"))
    if app.procedure != PROCEDURE:
        raise NotFound(_("这不是软件登记申请。"))
    if app.status not in applications.EDITABLE:
        raise InvalidTransition(_("申请已提交，只能在审查员要求补正时修改。"))
    return app


def _current_values(app: Application) -> dict[str, Any]:
    values = {f: getattr(app, f) for f in APPLICATION_FIELDS}
    values.update({f: getattr(app.software, f) for f in DETAIL_FIELDS})
    return values


def values_of(app: Application) -> dict[str, Any]:
    """The whole form of ``app`` as one dict (for pages, the API and the rules)."""
    return _current_values(app)


def upload_material(*, applicant: User, app_id: int, kind: str, name: str, file: BinaryIO, size: int,
                    options: dict | None = None) -> DepositMaterial:
    """Store an uploaded source tree, manual or ready-made deposit PDF, replacing the earlier
    one of that kind; the material is built and checked by a job once this commits."""
    kind = MaterialKind(kind).value
    limit = settings.BANQUAN_SOFTWARE["max_upload_mb"] * 1024 * 1024
    if size > limit:
        raise DomainError(_("文件过大：不能超过 %(mb)d MB。") % {"mb": settings.BANQUAN_SOFTWARE["max_upload_mb"]},
                          field="file")
    built = _accepted_upload(kind, name, ready_made=bool((options or {}).get("ready_made")))
    key = f"software/{uuid.uuid4().hex}{_suffix(name)}"
    digest = hashlib.sha256()
    store().put(key, _HashingReader(file, digest))  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            app = _editable(applicant, app_id)
            old = app.deposit_materials.filter(kind=kind).first()
            if old is not None:
                transaction.on_commit(partial(_delete_blobs, [old.source_key, old.pdf_key]))
                old.delete()
            material = DepositMaterial.objects.create(
                application=app, kind=kind, built=built, source_key=key, source_name=name[:255],
                source_sha256=digest.hexdigest(), source_size=size, options=options or {},
            )
            ledger.record(actor=applicant, subject=app.subject, action="upload_deposit",
                          data={"kind": kind, "name": name, "sha256": material.source_sha256, "built": built})
            _schedule(material)
    except BaseException:
        store().delete(key)
        raise
    return material


def _accepted_upload(kind: str, name: str, *, ready_made: bool) -> bool:
    """True when the system builds the PDF from this upload, False for a ready-made deposit PDF
    (a program PDF always is; a documentation PDF is a manual to build from unless the
    applicant says it is already the deposit material)."""
    lower = name.lower()
    if lower.endswith(".pdf") and (kind == MaterialKind.PROGRAM or ready_made):
        return False
    accepted = SOURCE_SUFFIXES if kind == MaterialKind.PROGRAM else MANUAL_SUFFIXES
    if not lower.endswith(accepted):
        if kind == MaterialKind.PROGRAM:
            raise DomainError(_("请上传源程序压缩包（zip、tar.gz 或 git bundle），或已制作好的程序鉴别材料 PDF。"),
                              field="file")
        raise DomainError(_("请上传说明书（PDF、DOCX 或 Markdown）。"), field="file")
    return True


def _restart(material: DepositMaterial) -> None:
    material.status = MaterialStatus.PENDING
    material.error = ""
    material.problems = []
    material.finished_at = None
    material.save()
    _schedule(material)


def _schedule(material: DepositMaterial) -> None:
    from banquan.software import tasks

    transaction.on_commit(partial(tasks.prepare_material, material.pk), robust=True)


def material_states(app: Application) -> dict[str, str]:
    """kind → pending / ready / failed, where a ready material with problems the office would
    send back counts as failed."""
    states = {}
    for m in app.deposit_materials.all():
        blocking = any(p["code"] in BLOCKING for p in m.problems)
        states[m.kind] = MaterialStatus.FAILED.value if blocking else m.status
    return states


def problems(app: Application) -> dict[str, list[str]]:
    """Everything missing or wrong before a software application may be submitted."""
    found = form.completeness(values_of(app), list(app.owners.all()), material_states(app), clock.today())
    for m in app.deposit_materials.all():
        key = f"materials.{m.kind}"
        if m.status == MaterialStatus.FAILED:
            found.setdefault(key, []).append(m.error or _("材料无法生成，请检查上传的文件。"))
        elif any(p["code"] in BLOCKING for p in m.problems):
            found.setdefault(key, []).append(
                _("%(m)s有不符合要求之处，请按检查结果修改后重新上传。") % {"m": m.get_kind_display()})
    for i, o in enumerate(app.owners.all()):
        from banquan.applications.rules import person_problems

        for k, v in person_problems(o.kind, o.id_type, o.id_number).items():
            found.setdefault(f"owners.{i}.{k}", []).extend(v)
    return found


def _suffix(name: str) -> str:
    lower = name.lower()
    for ext in (".tar.gz", ".tar.bz2", ".tar.xz"):
        if lower.endswith(ext):
            return ext
    ext = PurePath(lower).suffix
    return ext if ext.isascii() and len(ext) <= 8 else ""


def _delete_blobs(keys: list[str]) -> None:
    for key in keys:
        if key:
            store().delete(key)


class _HashingReader:
    def __init__(self, f: BinaryIO, digest: Any):
        self.f, self.digest = f, digest

    def read(self, n: int = -1) -> bytes:
        chunk = self.f.read(n)
        self.digest.update(chunk)
        return chunk
