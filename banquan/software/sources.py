"""The text of an application's deposit materials as the duplicate checks read it: the program's
files (from the uploaded tree, or the body lines of a ready-made program PDF as one file) and the
manual's text. The fingerprints and the reviewer's side-by-side page read the same lines, so a
region's line numbers point at what the page shows."""

from django.conf import settings

from banquan.applications.models import Application
from banquan.core.storage import store
from banquan.software.choices import MaterialStatus
from banquan.software.models import DepositMaterial
from banquan.software.softcopy.check.pagetext import read_page
from banquan.software.softcopy.check.pdftext import pdf_pages_text
from banquan.software.softcopy.documents import manual_lines
from banquan.software.softcopy.languages import Language, language_named
from banquan.software.softcopy.selection import ProgramFile, select_program_files
from banquan.software.softcopy.upload import UploadLimits, read_upload
from banquan.software.winnow import ProgramPrint, fingerprint_document, fingerprint_program


def ready_material(app: Application, kind: str) -> DepositMaterial | None:
    material = app.deposit_materials.filter(kind=kind).first()
    if material is None or material.status != MaterialStatus.READY or not material.source_key:
        return None
    return material


# No tokenizer and no comment markers: the text family, by characters (as a manual is printed).
PLAIN_TEXT = Language("Text", ())


def _limits() -> UploadLimits:
    return UploadLimits(max_total_bytes=settings.BANQUAN_SOFTWARE["max_upload_mb"] * 1024 * 1024 * 4)


def pdf_body_lines(data: bytes, title: str) -> list[str]:
    """A deposit PDF's lines without each page's header (software name, version, page number)
    and page-number footer."""
    return [line for text in pdf_pages_text(data) for line in read_page(text, name=title).body]


def declared_language(app: Application) -> Language | None:
    for name in app.software.languages or []:
        language = language_named(str(name))
        if language is not None:
            return language
    return None


def program_files(material: DepositMaterial) -> list[ProgramFile]:
    """The program's files as fingerprinted. A ready-made PDF is one file named after the upload,
    read as code of the declared language (as plain text, by characters, when none is known)."""
    data = store().read(material.source_key)
    if material.built:
        return select_program_files(read_upload(data, material.source_name, _limits())).files
    app = material.application
    text = "\n".join(pdf_body_lines(data, app.title))
    return [ProgramFile(material.source_name, declared_language(app) or PLAIN_TEXT, text)]


def program_print(material: DepositMaterial) -> ProgramPrint:
    return fingerprint_program(program_files(material))


def manual_text(material: DepositMaterial) -> str:
    data = store().read(material.source_key)
    if material.built:
        return "\n".join(manual_lines(data, material.source_name))
    return "\n".join(pdf_body_lines(data, material.application.title))


def manual_print(material: DepositMaterial) -> ProgramPrint:
    return fingerprint_document(manual_text(material), name=material.source_name)


def file_lines(material: DepositMaterial) -> dict[str, list[str]]:
    """Path → lines (index 0 is line 1) of the program, for the side-by-side page."""
    return {f.path: f.text.split("\n") for f in program_files(material)}
