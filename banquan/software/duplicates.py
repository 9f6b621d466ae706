"""Program fingerprints of applications, copies of registered programs and mass-filing flags.

- ``record_fingerprints`` (a job, once a deposit material is built): the program's and the
  manual's winnowing fingerprints, kept as ``ProgramFingerprint``.
- ``check_application`` (a job, at acceptance and resubmission): the registered programs of
  other owners that the new program largely matches (``CopyFinding``, with the matching line
  ranges), and the template and burst flags (``flags.py``). Re-running replaces what it found.
- ``on_registered`` (a job, after registration): the program joins the registry index.
See docs/software.md, "Duplicates and mass filings at acceptance".
"""

import logging

from django.db import transaction

from banquan.applications.models import Application
from banquan.core import clock
from banquan.records.models import Registration
from banquan.software import flags, registry, sources
from banquan.software.choices import MaterialKind
from banquan.software.models import CopyFinding, ProgramFingerprint
from banquan.software.softcopy.errors import SoftcopyRefused
from banquan.software.winnow import ProgramPrint, Region, find_copies

log = logging.getLogger(__name__)
MAX_REGIONS = 100  # kept per finding: the longest first; the rest add nothing the reviewer reads


def owner_key(app: Application) -> str:
    return "|".join(sorted(o.id_number.strip().upper() for o in app.owners.all()))


def record_fingerprints(app_id: int) -> None:
    app = Application.objects.filter(pk=app_id, procedure="software").select_related("software").first()
    if app is None:
        return
    program = sources.ready_material(app, MaterialKind.PROGRAM)
    if program is None:
        return
    manual = sources.ready_material(app, MaterialKind.DOCUMENTATION)
    try:
        program_print = sources.program_print(program)
        manual_print = sources.manual_print(manual) if manual is not None else None
    except SoftcopyRefused as e:  # the material was checked when built; it cannot be read now
        log.warning("fingerprints of application %s: %s", app_id, e.reason)
        return
    ProgramFingerprint.objects.update_or_create(application=app, defaults={
        "applicant_id": app.applicant_id, "owner_key": owner_key(app), "program": program_print.to_bytes(),
        "manual": manual_print.to_bytes() if manual_print is not None else None,
        "hashes": len(program_print), "computed_at": clock.now(),
    })


def _fingerprint(app: Application) -> ProgramFingerprint | None:
    """The application's fingerprints as its materials and owners are now (recorded again when a
    material was rebuilt after them; the owners may change after the materials are built)."""
    row = ProgramFingerprint.objects.filter(application=app).first()
    built = [m.finished_at for m in app.deposit_materials.all() if m.finished_at]
    if row is None or any(at > row.computed_at for at in built):
        record_fingerprints(app.pk)
        row = ProgramFingerprint.objects.filter(application=app).first()
    if row is not None and (row.owner_key != owner_key(app) or row.applicant_id != app.applicant_id):
        row.owner_key, row.applicant_id = owner_key(app), app.applicant_id
        row.save(update_fields=["owner_key", "applicant"])
    return row


def check_application(app_id: int) -> None:
    app = Application.objects.filter(pk=app_id, procedure="software").select_related("software").first()
    if app is None:
        return
    row = _fingerprint(app)
    found = _copies(app, row) if row is not None else []
    detected = flags.detect(app, row)
    with transaction.atomic():
        CopyFinding.objects.filter(application=app).delete()
        CopyFinding.objects.bulk_create(found)
        flags.replace(app, detected)


def _copies(app: Application, row: ProgramFingerprint) -> list[CopyFinding]:
    index = registry.current()
    if not len(index):
        return []
    program = ProgramPrint.from_bytes(bytes(row.program))
    own = str(row.registration_id) if row.registration_id else None
    now = clock.now()
    return [
        CopyFinding(application=app, registration_id=int(c.candidate.program_id), score=c.score,
                    containment_new=c.comparison.containment_a, containment_registered=c.comparison.containment_b,
                    regions=[_region(r) for r in c.comparison.regions[:MAX_REGIONS]], found_at=now)
        for c in find_copies(index, program, registry.registered_print, owner=row.owner_key)
        if c.candidate.program_id != own
    ]


def _region(r: Region) -> dict:
    return {"a_file": r.path_a, "a_lines": [r.first_line_a, r.last_line_a],
            "b_file": r.path_b, "b_lines": [r.first_line_b, r.last_line_b], "hashes": r.fingerprints}


def on_registered(registration_id: int) -> None:
    reg = Registration.objects.filter(pk=registration_id).select_related("application").first()
    if reg is None or reg.application.procedure != "software":
        return
    row = _fingerprint(reg.application)
    if row is None:
        log.warning("registration %s has no program fingerprints: not in the duplicate index", reg.number)
        return
    if row.registration_id != reg.pk:
        row.registration = reg
        row.save(update_fields=["registration"])
    registry.current()  # adds it (and saves the index file)
