"""The software application API, as an agency's filing system would use it."""

import pytest

from banquan.testing import software as sw

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, applicant):
    client.force_login(applicant)
    return client


def _body(**overrides):
    body = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in sw.values(**overrides).items()}
    return {**body, "owners": sw.owners(park="杭州软件园")}


def test_file_a_software_application_by_api(api, applicant, django_capture_on_commit_callbacks):
    created = api.post("/api/v1/software/applications", _body(), content_type="application/json")
    assert created.status_code == 201, created.content
    app = created.json()
    assert app["fields"]["title"] == "星河智能排课系统" and app["owners"][0]["park"] == "杭州软件园"
    assert set(app["problems"]) == {"materials.program", "materials.documentation"}
    with django_capture_on_commit_callbacks(execute=True):
        uploaded = api.post(f"/api/v1/software/applications/{app['id']}/materials",
                            {"kind": "program", "file": _file("waitress.zip", sw.real_tree_zip("waitress"))})
    assert uploaded.status_code == 202
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/software/applications/{app['id']}/materials",
                 {"kind": "documentation", "file": _file("manual.md", sw.manual_markdown())})
    app = api.get(f"/api/v1/software/applications/{app['id']}").json()
    program = next(m for m in app["materials"] if m["kind"] == "program")
    assert program["status"] == "ready" and program["pages"] == 60 and program["problems"] == []
    assert app["problems"] == {}
    pdf = api.get(program["pdf_url"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    submitted = api.post(f"/api/v1/applications/{app['id']}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"


def test_the_api_gives_the_forms_messages(api):
    response = api.post("/api/v1/software/applications", _body(title="星河", version="1.0"),
                        content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "软件全称" in errors["title"][0] and "V1.0" in errors["version"][0]


def test_another_applicants_software_application_is_not_found(api, other_applicant, client):
    app = api.post("/api/v1/software/applications", _body(), content_type="application/json").json()
    client.force_login(other_applicant)
    assert client.get(f"/api/v1/software/applications/{app['id']}").status_code == 404


def _file(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)
