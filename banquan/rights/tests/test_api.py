"""The rights JSON API: seizures by courts, pledges by banks decided by registrars."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from banquan.records.models import Registration
from banquan.rights.models import Pledge
from banquan.rights.tests.conftest import file_pledge
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db

DOC = "（2026）京0108执123号"


def seize(api, *works, document=DOC, months=12):
    return api.post("/api/v1/rights/seizures", {"numbers": [w.number for w in works], "document_number": document,
                                                 "scope": "全部著作财产权", "term_months": months})


def pledge_form(*works, **overrides):
    values = {"numbers": ",".join(w.number for w in works), "pledgor_name": "张三", "pledgor_id_type": "resident_id",
              "pledgor_id_number": factories.VALID_ID, "principal": "5000000.00", "currency": "CNY",
              "term_start": "2026-12-01", "term_end": "2027-11-30",
              "contract": SimpleUploadedFile("质押合同.pdf", b"%PDF-1.4\n% contract\n", "application/pdf")}
    values.update(overrides)
    return values


def post_pledge(api, *works, **overrides):
    return api.client.post("/api/v1/rights/pledges", pledge_form(*works, **overrides), headers=api._headers())


def test_a_seizure_round_trip_and_the_verify_page_shows_it_at_once(client, court, other_court, work):
    api = BearerClient(court)
    r = seize(api, work)
    assert r.status_code == 201, r.content
    (body,) = r.json()
    assert body["state"] == "active" and body["state_label"] == "查封中" and body["line_position"] == 1
    assert body["work"] == {"number": work.number, "title": work.title, "rights_status": "seized",
                            "rights_status_label": "已查封"}
    html = client.get(f"/verify/{work.number}").content.decode()  # no lag: the same row the API wrote
    assert "已查封" in html and "北京市海淀区人民法院" in html and DOC in html and "2026-11-24" in html

    (waiting,) = seize(BearerClient(other_court), work, document="（2026）沪0115执88号").json()
    assert waiting["state_label"] == "轮候中（第 2 顺位）"
    assert "另有 1 项轮候查封" in client.get(f"/verify/{work.number}").content.decode()

    listed = api.get("/api/v1/rights/seizures").json()
    assert [s["id"] for s in listed] == [body["id"]]  # only this court's own
    r = api.post(f"/api/v1/rights/seizures/{body['id']}/release", {"document_number": "（2026）京0108执123号之一"})
    assert r.status_code == 200 and r.json()["state"] == "released" and r.json()["line_position"] is None
    assert [s["id"] for s in api.get("/api/v1/rights/seizures", state="released").json()] == [body["id"]]
    assert api.get("/api/v1/rights/seizures", state="active").json() == []
    nxt = BearerClient(other_court).get("/api/v1/rights/seizures").json()[0]
    assert nxt["state_label"] == "查封中" and nxt["line_position"] == 1


def test_seizure_refusals(court, other_court, bank, registrar, work):
    api = BearerClient(court)
    assert seize(BearerClient(bank), work).status_code == 403
    assert BearerClient(bank).get("/api/v1/rights/seizures").status_code == 403
    r = seize(api, work, months=37)
    assert r.status_code == 422 and "term_months" in r.json()["errors"]
    r = seize(api, work, document=" ")
    assert r.status_code == 422 and "document_number" in r.json()["errors"]
    r = api.post("/api/v1/rights/seizures", {"numbers": ["2026-F-99999999"], "document_number": DOC, "scope": "全部"})
    assert r.status_code == 422 and "2026-F-99999999" in r.json()["errors"]["numbers"][0]
    (body,) = seize(api, work).json()
    r = BearerClient(other_court).post(f"/api/v1/rights/seizures/{body['id']}/release", {"document_number": "x"})
    assert r.status_code == 403
    assert api.post("/api/v1/rights/seizures/999999/release", {"document_number": "x"}).status_code == 404
    assert [s["id"] for s in BearerClient(registrar).get("/api/v1/rights/seizures").json()] == [body["id"]]


def test_a_pledge_round_trip(client, bank, registrar, work):
    api = BearerClient(bank)
    r = post_pledge(api, work)
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["state"] == "submitted" and body["state_label"] == "待审查" and body["principal"] == "5000000.00"
    assert body["works"][0]["number"] == work.number and body["pledgee"] == "中国工商银行北京朝阳支行"
    assert api.get(f"/api/v1/rights/pledges/{body['id']}").json()["id"] == body["id"]

    office = BearerClient(registrar)
    assert [p["id"] for p in office.get("/api/v1/rights/pledges", state="submitted").json()] == [body["id"]]
    assert api.post(f"/api/v1/rights/pledges/{body['id']}/register", {}).status_code == 403  # banks do not decide
    r = office.post(f"/api/v1/rights/pledges/{body['id']}/register", {"reason": "材料齐全"})
    assert r.status_code == 200 and r.json()["state"] == "registered" and r.json()["number"]
    number = r.json()["number"]
    html = client.get(f"/verify/{work.number}").content.decode()
    assert "已质押" in html and number in html and "中国工商银行北京朝阳支行" in html and "5000000" not in html

    assert api.post(f"/api/v1/rights/pledges/{body['id']}/release", {"reason": ""}).status_code == 422
    r = api.post(f"/api/v1/rights/pledges/{body['id']}/release", {"reason": "主债权已清偿"})
    assert r.status_code == 200 and r.json()["state"] == "released"
    assert Registration.objects.get(pk=work.pk).rights_status == "valid"


def test_numbers_may_be_repeated_form_fields(bank, work, applicant, reviewer):
    second = factories.registered(applicant, reviewer, title="第二幅画")
    r = post_pledge(BearerClient(bank), work, numbers=[work.number, second.number])
    assert r.status_code == 201, r.content
    assert {w["number"] for w in r.json()["works"]} == {work.number, second.number}


@pytest.mark.parametrize("field,value", [("principal", "abc"), ("principal", "0"), ("currency", "RMB1"),
                                         ("pledgor_id_type", "nope"), ("term_end", "2026-11-01"),
                                         ("pledgor_id_number", "110101199003077777")])
def test_bad_pledge_input_is_422_with_the_field(bank, work, field, value):
    r = post_pledge(BearerClient(bank), work, **{field: value})
    assert r.status_code == 422 and field in r.json()["errors"], r.content
    assert not Pledge.objects.exists()


def test_a_word_file_is_refused(bank, work):
    r = post_pledge(BearerClient(bank), work, contract=SimpleUploadedFile("合同.docx", b"PK"))
    assert r.status_code == 422 and "contract" in r.json()["errors"]


def test_a_bank_sees_only_its_own_pledges(bank, registrar, work, court):
    mine = file_pledge(bank, work)
    other_bank = factories.UserFactory(role="bank_officer", organization="招商银行深圳分行")
    theirs = file_pledge(other_bank, work)
    api = BearerClient(bank)
    assert [p["id"] for p in api.get("/api/v1/rights/pledges").json()] == [mine.pk]
    assert api.get(f"/api/v1/rights/pledges/{theirs.pk}").status_code == 404
    assert api.post(f"/api/v1/rights/pledges/{theirs.pk}/release", {"reason": "x"}).status_code == 404
    assert BearerClient(court).get("/api/v1/rights/pledges").status_code == 403
    assert {p["id"] for p in BearerClient(registrar).get("/api/v1/rights/pledges").json()} == {mine.pk, theirs.pk}


def test_a_rejection_needs_a_reason_and_a_seized_work_cannot_be_pledged(bank, registrar, court, work):
    pledge = file_pledge(bank, work)
    office = BearerClient(registrar)
    r = office.post(f"/api/v1/rights/pledges/{pledge.pk}/reject", {"reason": " "})
    assert r.status_code == 422 and "reason" in r.json()["errors"]
    seize(BearerClient(court), work)
    r = office.post(f"/api/v1/rights/pledges/{pledge.pk}/register", {})
    assert r.status_code == 409 and "查封" in r.json()["detail"]
    r = office.post(f"/api/v1/rights/pledges/{pledge.pk}/reject", {"reason": "作品已被查封"})
    assert r.json()["state"] == "rejected"
    assert post_pledge(BearerClient(bank), work).status_code == 409


def test_the_api_is_in_the_openapi(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/rights/seizures" in paths and "/api/v1/rights/pledges/{pledge_id}/register" in paths
    assert paths["/api/v1/rights/pledges"]["post"]["tags"] == ["rights"]


def test_a_registrar_changes_a_registered_pledge_by_api(client, bank, registrar, work):
    from banquan.rights import services
    from banquan.rights.tests.conftest import file_pledge

    pledge = services.register_pledge(registrar=registrar, pledge_id=file_pledge(bank, work).pk)
    client.force_login(registrar)
    answer = client.post(f"/api/v1/rights/pledges/{pledge.pk}/change",
                         {"principal": "8000000.00", "term_end": "2028-11-30", "reason": "展期"},
                         content_type="application/json")
    assert answer.status_code == 200 and answer.json()["principal"] in ("8000000.00", "8000000")
    client.force_login(bank)
    refused = client.post(f"/api/v1/rights/pledges/{pledge.pk}/change", {"principal": "1", "reason": "x"},
                          content_type="application/json")
    assert refused.status_code == 403
