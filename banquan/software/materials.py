"""Building and checking deposit materials in a job: the program PDF from an uploaded source
tree, the documentation PDF from a manual, or the check of a PDF the applicant made.

The PDF blob is written first and the row updated after, in one transaction that re-reads the
row: a material replaced or deleted meanwhile leaves no orphan (its new blob is removed)."""

import hashlib
import logging
import uuid

from django.conf import settings
from django.db import transaction

from banquan.core import clock
from banquan.core.storage import store
from banquan.software.choices import MaterialKind, MaterialStatus
from banquan.software.models import DepositMaterial
from banquan.software.softcopy import ProgramOptions, SoftcopyRefused, build_program_material, parse_redaction
from banquan.software.softcopy.check import check_deposit
from banquan.software.softcopy.documents import build_documentation_material
from banquan.software.softcopy.lines import LineOptions
from banquan.software.softcopy.upload import UploadLimits, read_upload

log = logging.getLogger(__name__)


def prepare(material_id: int) -> DepositMaterial | None:
    material = DepositMaterial.objects.select_related("application__software").filter(pk=material_id).first()
    if material is None:  # replaced before the job ran
        return None
    app = material.application
    name, version = app.title, app.software.version
    try:
        pdf, summary = _pdf(material, name, version)
        problems = [p.as_dict() for p in _check(material, pdf, name, version)]
    except SoftcopyRefused as e:
        return _finish(material, status=MaterialStatus.FAILED, error=e.reason)
    key = f"software/deposits/{uuid.uuid4().hex}.pdf"
    store().put(key, pdf)
    return _finish(material, status=MaterialStatus.READY, pdf_key=key, pdf=pdf, summary=summary, problems=problems,
                   checked=(name, version))


def _pdf(material: DepositMaterial, name: str, version: str) -> tuple[bytes, dict]:
    data = store().read(material.source_key)
    if not material.built:
        return data, {}
    from banquan.software.fonts import deposit_fonts, prose_fonts

    if material.kind == MaterialKind.DOCUMENTATION:
        font, fallbacks = prose_fonts()
        deposit = build_documentation_material(data, material.source_name, name=name, version=version, font=font,
                                               fallbacks=fallbacks)
        return deposit.pdf, deposit.summary()
    conf = settings.BANQUAN_SOFTWARE
    # Unpacked, a tree may be several times its archive; the reader refuses more than this.
    files = read_upload(data, material.source_name,
                        UploadLimits(max_total_bytes=conf["max_upload_mb"] * 1024 * 1024 * 4))
    o = material.options
    options = ProgramOptions(
        lines=LineOptions(keep_blank_lines=bool(conf["keep_blank_lines"]),
                          keep_comment_lines=bool(conf["keep_comment_lines"])),
        mode=_mode(material), start_page=int(o.get("start_page") or 0),
        redactions=tuple(parse_redaction(s) for s in o.get("redact", [])),
    )
    font, fallbacks = deposit_fonts()
    deposit = build_program_material(files, name=name, version=version, font=font, fallbacks=fallbacks,
                                     options=options)
    return deposit.pdf, deposit.summary()


def _mode(material: DepositMaterial) -> str:
    if material.kind == MaterialKind.DOCUMENTATION:
        return "normal"
    return material.options.get("mode") or material.application.software.deposit_mode or "normal"


def _check(material: DepositMaterial, pdf: bytes, name: str, version: str) -> list:
    from banquan.lexicon.services import current_screener

    kind = "code" if material.kind == MaterialKind.PROGRAM else "doc"
    languages = "、".join(material.application.software.languages or []) or None
    return check_deposit(pdf, name=name, version=version, kind=kind, mode=_mode(material), language=languages,
                         screener=current_screener() if kind == "code" else None)


def _finish(material: DepositMaterial, *, status: str, error: str = "", pdf_key: str = "", pdf: bytes = b"",
            summary: dict | None = None, problems: list | None = None,
            checked: tuple[str, str] | None = None) -> DepositMaterial | None:
    with transaction.atomic():
        current = DepositMaterial.objects.select_for_update().filter(pk=material.pk,
                                                                     source_sha256=material.source_sha256).first()
        if current is None:
            if pdf_key:
                store().delete(pdf_key)
            return None
        old_pdf = current.pdf_key
        current.status, current.error = status, error
        current.pdf_key, current.pdf_sha256 = pdf_key, hashlib.sha256(pdf).hexdigest() if pdf else ""
        current.pages = _page_count(summary, pdf) if pdf else None
        current.summary, current.problems = summary or {}, problems or []
        current.finished_at = clock.now()
        current.options = {**current.options, "checked_as": list(checked) if checked else None}
        current.save()
        if old_pdf and old_pdf != pdf_key:
            transaction.on_commit(lambda: store().delete(old_pdf))
    if status == MaterialStatus.READY:
        from banquan.software import tasks

        transaction.on_commit(lambda: tasks.record_fingerprints(material.application_id), robust=True)
    return current


def _page_count(summary: dict | None, pdf: bytes) -> int | None:
    if summary and summary.get("pages"):
        return int(summary["pages"])
    import io

    from pypdf import PdfReader

    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception:  # noqa: BLE001 - the checker already reported an unreadable PDF
        return None


def failed(material_id: int, reason: str) -> None:
    DepositMaterial.objects.filter(pk=material_id).update(status=MaterialStatus.FAILED, error=reason,
                                                         finished_at=clock.now())
