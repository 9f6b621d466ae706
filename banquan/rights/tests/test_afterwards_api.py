"""The rights JSON API after registration: contract recordations, changes, revocations and
certificate reissues, each filed by the applicant (revocations by a registrar) and decided by
a registrar."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from banquan.certificates import services as certificates
from banquan.records.models import Registration
from banquan.rights.models import Recordation
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db

COURT_DOC = "（2026）京0108执9号"


def recordation_form(*works, **overrides):
    values = {"kind": "transfer", "numbers": ",".join(w.number for w in works), "grantor_name": "张三",
              "grantor_id_number": factories.VALID_ID, "grantee_name": "星河文化传媒有限公司",
              "grantee_id_number": "91310104MA1FR0XXXX", "rights": ["reproduction", "network"],
              "territory": "中国大陆",
              "contract": SimpleUploadedFile("转让合同.pdf", b"%PDF-1.4\n% transfer\n", "application/pdf")}
    values.update(overrides)
    return values


def post_recordation(api, *works, **overrides):
    return api.client.post("/api/v1/rights/recordations", recordation_form(*works, **overrides),
                           headers=api._headers())


def test_a_recordation_round_trip(applicant, registrar, work):
    api = BearerClient(applicant)
    r = post_recordation(api, work)
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["state"] == "submitted" and body["state_label"] == "待审查" and body["number"] is None
    assert body["kind_label"] == "著作权转让合同" and body["rights"] == ["network", "reproduction"]
    assert body["works"][0]["number"] == work.number
    assert api.get(f"/api/v1/rights/recordations/{body['id']}").json()["id"] == body["id"]
    assert api.client.get(body["contract_url"]).status_code == 302  # the page needs a session, not a token

    office = BearerClient(registrar)
    assert [x["id"] for x in office.get("/api/v1/rights/recordations", state="submitted").json()] == [body["id"]]
    assert api.post(f"/api/v1/rights/recordations/{body['id']}/decision", {"record": True}).status_code == 403
    r = office.post(f"/api/v1/rights/recordations/{body['id']}/decision", {"record": True, "reason": "材料齐全"})
    assert r.status_code == 200, r.content
    assert r.json()["state"] == "recorded" and r.json()["number"].startswith("2026HT")
    assert api.get("/api/v1/rights/recordations", state="recorded").json()[0]["number"] == r.json()["number"]
    r = office.post(f"/api/v1/rights/recordations/{body['id']}/decision", {"record": False, "reason": "x"})
    assert r.status_code == 409  # decided already


def test_recordation_refusals(applicant, other_applicant, registrar, court, work):
    api = BearerClient(applicant)
    r = post_recordation(api, work, kind="exclusive_licence")
    assert r.status_code == 422 and "term_end" in r.json()["errors"]
    r = post_recordation(api, work, kind="exclusive_licence", term_start="2027-01-01", term_end="2029-12-31")
    assert r.status_code == 201, r.content
    assert r.json()["term_end"] == "2029-12-31"
    r = post_recordation(api, work, rights="reproduction,nope")
    assert r.status_code == 422 and "rights" in r.json()["errors"]
    r = post_recordation(api, work, kind="sale")
    assert r.status_code == 422 and "kind" in r.json()["errors"]
    r = post_recordation(api, work, grantor_id_number="110101199003077777")
    assert r.status_code == 422 and "grantor_id_number" in r.json()["errors"]
    r = post_recordation(api, work, numbers="2026-F-99999999")
    assert r.status_code == 422 and "2026-F-99999999" in r.json()["errors"]["numbers"][0]
    r = post_recordation(api, work, contract=SimpleUploadedFile("合同.docx", b"PK"))
    assert r.status_code == 422 and "contract" in r.json()["errors"]
    assert post_recordation(BearerClient(registrar), work).status_code == 403

    mine = Recordation.objects.get()
    other = BearerClient(other_applicant)
    assert other.get("/api/v1/rights/recordations").json() == []
    assert other.get(f"/api/v1/rights/recordations/{mine.pk}").status_code == 404
    assert other.post(f"/api/v1/rights/recordations/{mine.pk}/decision", {"record": True}).status_code == 404
    assert BearerClient(court).get("/api/v1/rights/recordations").status_code == 403


def test_a_seized_works_transfer_is_refused_naming_the_court(applicant, registrar, court, work):
    api = BearerClient(applicant)
    filed = post_recordation(api, work).json()
    r = BearerClient(court).post("/api/v1/rights/seizures", {"numbers": [work.number], "document_number": COURT_DOC,
                                                             "scope": "全部", "term_months": 6})
    assert r.status_code == 201
    r = post_recordation(api, work)
    assert r.status_code == 409 and "北京市海淀区人民法院" in r.json()["detail"] and COURT_DOC in r.json()["detail"]
    r = BearerClient(registrar).post(f"/api/v1/rights/recordations/{filed['id']}/decision", {"record": True})
    assert r.status_code == 409 and "北京市海淀区人民法院" in r.json()["detail"]
    assert Recordation.objects.get(pk=filed["id"]).state == "submitted"


def test_an_approved_change_answers_with_the_new_certificate_version(client, applicant, registrar, work):
    api = BearerClient(applicant)
    r = api.post("/api/v1/rights/changes", {"number": work.number, "kind": "change",
                                            "changes": {"title": "山水长卷（修订）", "completion_date": "2026-02-01"},
                                            "reason": "作品名称有误"})
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["changes"] == {"title": "山水长卷（修订）", "completion_date": "2026-02-01"}
    assert body["state"] == "submitted" and body["certificate_version"] is None

    office = BearerClient(registrar)
    assert [c["id"] for c in office.get("/api/v1/rights/changes", state="submitted").json()] == [body["id"]]
    r = office.post(f"/api/v1/rights/changes/{body['id']}/decision", {"approve": False, "reason": " "})
    assert r.status_code == 422 and "reason" in r.json()["errors"]
    r = office.post(f"/api/v1/rights/changes/{body['id']}/decision", {"approve": True})
    assert r.status_code == 200, r.content
    assert r.json()["state"] == "approved" and r.json()["certificate_version"] == 2
    assert r.json()["work"]["title"] == "山水长卷（修订）"
    assert certificates.current(work).version == 2
    assert api.get(f"/api/v1/rights/changes/{body['id']}").json()["certificate_version"] == 2


def test_change_refusals(applicant, other_applicant, registrar, work):
    other = BearerClient(other_applicant)
    r = other.post("/api/v1/rights/changes", {"number": work.number, "kind": "change", "changes": {"title": "x"},
                                              "reason": "x"})
    assert r.status_code == 403
    api = BearerClient(applicant)
    r = api.post("/api/v1/rights/changes", {"number": work.number, "kind": "change", "changes": {}, "reason": "x"})
    assert r.status_code == 422 and "changes" in r.json()["errors"]
    r = api.post("/api/v1/rights/changes", {"number": work.number, "kind": "change", "changes": {"title": "x"},
                                            "reason": " "})
    assert r.status_code == 422 and "reason" in r.json()["errors"]
    r = api.post("/api/v1/rights/changes", {"number": "2026-F-99999999", "kind": "change",
                                            "changes": {"title": "x"}, "reason": "x"})
    assert r.status_code == 422 and "number" in r.json()["errors"]
    r = api.post("/api/v1/rights/changes", {"number": work.number, "kind": "rename", "changes": {"title": "x"},
                                            "reason": "x"})
    assert r.status_code == 422
    r = api.post("/api/v1/rights/changes", {"number": work.number, "kind": "supplement",
                                            "changes": {"owners": [{"name": "张三", "kind": "person",
                                                                    "id_type": "resident_id",
                                                                    "id_number": factories.VALID_ID},
                                                                   {"name": "李四", "kind": "person",
                                                                    "id_type": "resident_id",
                                                                    "id_number": "11010119800101001X"}]},
                                            "reason": "补充共有人"})
    assert r.status_code == 201, r.content
    change_id = r.json()["id"]
    assert other.get("/api/v1/rights/changes").json() == []
    assert other.get(f"/api/v1/rights/changes/{change_id}").status_code == 404
    assert api.post(f"/api/v1/rights/changes/{change_id}/decision", {"approve": True}).status_code == 403
    assert len(BearerClient(registrar).get("/api/v1/rights/changes").json()) == 1


def test_a_registrar_revokes_a_duplicate_and_the_verify_page_names_the_kept_one(
        client, applicant, reviewer, registrar, work):
    kept = factories.registered(applicant, reviewer, title="山水长卷")
    body = {"number": work.number, "ground": "duplicate", "reason": "同一作品重复登记", "kept_number": kept.number}
    assert BearerClient(applicant).post("/api/v1/rights/revocations", body).status_code == 403
    assert BearerClient(applicant).get("/api/v1/rights/revocations").status_code == 403
    office = BearerClient(registrar)
    r = office.post("/api/v1/rights/revocations", {**body, "kept_number": ""})
    assert r.status_code == 422 and "kept_number" in r.json()["errors"]
    r = office.post("/api/v1/rights/revocations", {**body, "kept_number": "2026-F-99999999"})
    assert r.status_code == 422 and "kept_number" in r.json()["errors"]
    r = office.post("/api/v1/rights/revocations", body)
    assert r.status_code == 201, r.content
    out = r.json()
    assert out["ground_label"] == "重复登记" and out["kept"]["number"] == kept.number
    assert out["work"]["rights_status"] == "superseded"
    html = client.get(f"/verify/{work.number}").content.decode()
    assert "已被替代" in html and kept.number in html
    assert [v["id"] for v in office.get("/api/v1/rights/revocations").json()] == [out["id"]]
    assert office.post("/api/v1/rights/revocations", body).status_code == 409  # revoked already
    r = office.post("/api/v1/rights/revocations", {"number": kept.number, "ground": "court", "reason": "判决撤销"})
    assert r.status_code == 422 and "document" in r.json()["errors"]


def test_a_reissue_is_listed_by_deadline_and_decided_with_a_new_version(clock, applicant, registrar, work,
                                                                         applicant_work_2):
    api = BearerClient(applicant)
    r = api.post("/api/v1/rights/reissues", {"number": work.number, "kind": "reissue", "reason": "证书遗失"})
    assert r.status_code == 201, r.content
    first = r.json()
    assert first["state"] == "submitted" and first["overdue"] is False and first["working_days_left"] == 5
    clock.advance(days=1)
    second = api.post("/api/v1/rights/reissues", {"number": applicant_work_2.number, "kind": "replacement",
                                                  "reason": "证书破损"}).json()
    assert second["deadline"] > first["deadline"]

    office = BearerClient(registrar)
    listed = office.get("/api/v1/rights/reissues", state="submitted").json()
    assert [x["id"] for x in listed] == [first["id"], second["id"]]
    assert listed[0]["deadline"] == first["deadline"] and listed[0]["working_days_left"] == 4

    clock.advance(days=14)
    late = office.get(f"/api/v1/rights/reissues/{first['id']}").json()
    assert late["overdue"] is True and late["working_days_left"] < 0

    assert api.post(f"/api/v1/rights/reissues/{first['id']}/decision", {"issue": True}).status_code == 403
    r = office.post(f"/api/v1/rights/reissues/{first['id']}/decision", {"issue": True})
    assert r.status_code == 200, r.content
    done = r.json()
    assert done["state"] == "done" and done["certificate_version"] == 2
    assert done["overdue"] is False and done["working_days_left"] is None
    assert certificates.current(Registration.objects.get(pk=work.pk)).version == 2
    r = office.post(f"/api/v1/rights/reissues/{second['id']}/decision", {"issue": False, "reason": ""})
    assert r.status_code == 422 and "reason" in r.json()["errors"]


def test_reissue_refusals(applicant, other_applicant, work):
    other = BearerClient(other_applicant)
    assert other.post("/api/v1/rights/reissues", {"number": work.number, "kind": "reissue",
                                                  "reason": "x"}).status_code == 403
    api = BearerClient(applicant)
    request_id = api.post("/api/v1/rights/reissues", {"number": work.number, "kind": "reissue",
                                                      "reason": "证书遗失"}).json()["id"]
    r = api.post("/api/v1/rights/reissues", {"number": work.number, "kind": "replacement", "reason": "again"})
    assert r.status_code == 409
    assert other.get("/api/v1/rights/reissues").json() == []
    assert other.get(f"/api/v1/rights/reissues/{request_id}").status_code == 404


def test_the_afterwards_api_is_in_the_openapi(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/v1/rights/recordations", "/api/v1/rights/recordations/{recordation_id}/decision",
                 "/api/v1/rights/changes/{change_id}/decision", "/api/v1/rights/revocations",
                 "/api/v1/rights/reissues/{request_id}/decision"):
        assert path in paths
