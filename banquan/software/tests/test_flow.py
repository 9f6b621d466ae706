"""A software application from draft to registration, through the real services and jobs."""

import pytest

from banquan.applications import services as applications
from banquan.core.errors import DomainError, ValidationFailed
from banquan.core.storage import store
from banquan.software import numbering
from banquan.software import services as software
from banquan.software.softcopy.check.pdftext import pdf_pages_text
from banquan.testing import software as sw

pytestmark = pytest.mark.django_db(transaction=False)


def test_a_source_tree_and_a_manual_become_checked_deposit_pdfs(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant)
    materials = {m.kind: m for m in app.deposit_materials.all()}
    program = materials["program"]
    assert program.status == "ready", program.error
    assert program.pages == 60  # sqlparse is longer than 60 pages: the first and last 30
    pages = pdf_pages_text(store().read(program.pdf_key))
    assert "星河智能排课系统" in pages[0] and "V1.0" in pages[0]
    assert program.problems == []
    assert materials["documentation"].status == "ready"
    assert software.problems(app) == {}


def test_submission_lists_what_the_form_still_needs(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = software.create_draft(applicant=applicant, values={"title": "星河智能排课系统"}, owners=[])
    with pytest.raises(ValidationFailed) as e:
        applications.submit(applicant=applicant, app_id=app.pk)
    problems = e.value.errors
    assert "version" in problems and "owners" in problems and "materials.program" in problems


@pytest.mark.parametrize("field,value", [
    ("title", "星河"), ("version", "1.0"), ("main_functions", "功" * 201), ("earlier_number", "2024-SR-1"),
])
def test_the_form_refuses_what_the_office_would_send_back(applicant, field, value):
    with pytest.raises(ValidationFailed) as e:
        software.create_draft(applicant=applicant, values=sw.values(**{field: value}), owners=sw.owners())
    assert field in e.value.errors


def test_renaming_the_software_rebuilds_the_page_headers(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant)
        software.update_draft(applicant=applicant, app_id=app.pk, values={"version": "V2.0"})
    program = app.deposit_materials.get(kind="program")
    assert program.status == "ready"
    assert "V2.0" in pdf_pages_text(store().read(program.pdf_key))[0]


def test_an_uploaded_pdf_with_the_wrong_name_is_checked_and_blocks_submission(applicant,
                                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant)
    built = store().read(app.deposit_materials.get(kind="program").pdf_key)
    with django_capture_on_commit_callbacks(execute=True):
        software.update_draft(applicant=applicant, app_id=app.pk, values={"title": "星河智能排课平台"})
        sw.upload(applicant, app.pk, "program", "program.pdf", built)
    program = app.deposit_materials.get(kind="program")
    assert not program.built and program.status == "ready"
    assert {p["code"] for p in program.problems} == {"header_name"}
    with pytest.raises(ValidationFailed) as e:
        applications.submit(applicant=applicant, app_id=app.pk)
    assert "materials.program" in e.value.errors


def test_an_unreadable_archive_fails_with_a_reason(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant, tree="")
    with django_capture_on_commit_callbacks(execute=True):
        sw.upload(applicant, app.pk, "program", "src.zip", b"PK\x03\x04 not really a zip")
    program = app.deposit_materials.get(kind="program")
    assert program.status == "failed" and program.error


def test_a_word_document_is_not_a_source_tree(applicant):
    app = software.create_draft(applicant=applicant, values=sw.values(), owners=sw.owners())
    with pytest.raises(DomainError):
        sw.upload(applicant, app.pk, "program", "源程序.docx", b"PK")


def test_registration_gives_software_numbers(applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        reg = sw.register(app, applicant, reviewer)
    assert numbering.parse_registration_number(reg.number) == (reg.registered_on.year, 1)
    assert reg.category == "software"
    assert numbering.parse_certificate_number(reg.data["software"]["certificate_number"]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        app = sw.draft(applicant, title="星河智能排课平台")
    with django_capture_on_commit_callbacks(execute=True):
        second = sw.register(app, applicant, reviewer)
    assert numbering.parse_registration_number(second.number)[1] == 2
    assert numbering.parse_certificate_number(second.data["software"]["certificate_number"]) == 2
