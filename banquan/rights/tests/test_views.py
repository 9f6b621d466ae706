"""The rights pages: a court seizes through the form, a bank files a pledge with its contract,
a registrar enters it, the QR page shows it and the bank releases it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from banquan.records.models import Registration
from banquan.rights.models import Pledge, Seizure
from banquan.rights.tests.conftest import file_pledge
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    return client


def seizure_form(*works, **overrides):
    values = {"numbers": "\n".join(w.number for w in works), "document_number": "（2026）京0108执123号",
              "scope": "全部著作财产权", "term_months": "12"}
    values.update(overrides)
    return values


def test_a_court_seizes_through_the_form_and_sees_the_result(client, court, other_court, work, applicant, reviewer):
    second = factories.registered(applicant, reviewer, title="第二幅画")
    as_user(client, other_court).post("/rights/seizures/", seizure_form(second, document_number="（2026）沪0115执88号"))
    c = as_user(client, court)
    page = c.get("/rights/seizures/").content.decode()
    assert "查封期限（月）" in page and 'value="12"' in page and "查封通道" in page
    r = c.post("/rights/seizures/", seizure_form(work, numbers=f"{work.number}、{second.number}"), follow=True)
    html = r.content.decode()
    assert r.status_code == 200 and "本次查封结果" in html
    assert "查封中" in html and "轮候中（第 2 顺位）" in html
    assert Registration.objects.get(pk=work.pk).rights_status == "seized"
    assert "（2026）沪0115执88号" not in html  # another authority's seizure is not listed


def test_seizure_form_errors_are_shown_beside_the_fields(client, court, work):
    c = as_user(client, court)
    r = c.post("/rights/seizures/", seizure_form(work, term_months="48"))
    assert r.status_code == 422 and "查封期限应为 1 至 36 个月" in r.content.decode()
    r = c.post("/rights/seizures/", seizure_form(work, numbers="2026-F-99999999", document_number=""))
    assert r.status_code == 422 and "请填写法律文书号" in r.content.decode()
    r = c.post("/rights/seizures/", seizure_form(work, numbers="2026-F-99999999"))
    assert r.status_code == 404 and "2026-F-99999999" in r.content.decode()
    assert not Seizure.objects.exists()


def test_a_court_releases_its_seizure_from_the_list(client, court, work):
    c = as_user(client, court)
    c.post("/rights/seizures/", seizure_form(work))
    seizure = Seizure.objects.get()
    r = c.post(f"/rights/seizures/{seizure.pk}/release/", {"document_number": ""})
    assert r.status_code == 422 and "请填写解除查封的法律文书号" in r.content.decode()
    r = c.post(f"/rights/seizures/{seizure.pk}/release/", {"document_number": "（2026）京0108执123号之一"}, follow=True)
    assert "已解除对" in r.content.decode() and Registration.objects.get(pk=work.pk).rights_status == "valid"


def test_the_pages_are_for_their_roles(client, court, bank, applicant, registrar):
    assert as_user(client, bank).get("/rights/seizures/").status_code == 403
    assert as_user(client, applicant).get("/rights/pledges/").status_code == 403
    assert as_user(client, court).get("/rights/pledges/").status_code == 403
    assert as_user(client, registrar).get("/rights/pledges/new/").status_code == 403
    assert "查封通道" in as_user(client, court).get("/").content.decode()
    assert "质权登记" in as_user(client, bank).get("/").content.decode()


def pledge_form(*works, **overrides):
    values = {"numbers": ", ".join(w.number for w in works), "pledgor_name": "张三", "pledgor_id_type": "resident_id",
              "pledgor_id_number": factories.VALID_ID, "principal": "5000000", "currency": "CNY",
              "term_start": "2026-12-01", "term_end": "2027-11-30",
              "contract": SimpleUploadedFile("质押合同.pdf", b"%PDF-1.4\n% contract\n", "application/pdf")}
    values.update(overrides)
    return values


def test_bank_files_registrar_approves_qr_page_shows_it_bank_releases(client, bank, registrar, work):
    c = as_user(client, bank)
    assert "质押合同（PDF）" in c.get("/rights/pledges/new/").content.decode()
    r = c.post("/rights/pledges/new/", pledge_form(work), follow=True)
    assert r.status_code == 200 and "质权登记申请已提交" in r.content.decode()
    pledge = Pledge.objects.get()
    assert c.get(f"/rights/pledges/{pledge.pk}/contract.pdf").content.startswith(b"%PDF")
    assert "准予登记" not in c.get(f"/rights/pledges/{pledge.pk}/").content.decode()

    office = as_user(client, registrar)
    listing = office.get("/rights/pledges/?state=submitted").content.decode()
    assert "待审查" in listing and work.number in listing
    assert "准予登记" in office.get(f"/rights/pledges/{pledge.pk}/").content.decode()
    assert office.get(f"/rights/pledges/{pledge.pk}/contract.pdf").status_code == 200
    r = office.post(f"/rights/pledges/{pledge.pk}/register/", {"reason": "材料齐全"}, follow=True)
    assert "已准予登记" in r.content.decode()
    pledge.refresh_from_db()
    assert pledge.state == "registered" and pledge.number

    client.logout()
    html = client.get(f"/verify/{work.number}").content.decode()
    assert "已质押" in html and pledge.number in html and "中国工商银行北京朝阳支行" in html
    assert client.get(f"/rights/pledges/{pledge.pk}/contract.pdf").status_code == 302  # to the login page

    c = as_user(client, bank)
    assert "注销质权登记" in c.get(f"/rights/pledges/{pledge.pk}/").content.decode()
    assert c.post(f"/rights/pledges/{pledge.pk}/release/", {"reason": ""}).status_code == 422
    r = c.post(f"/rights/pledges/{pledge.pk}/release/", {"reason": "主债权已清偿"}, follow=True)
    assert "质权登记已注销" in r.content.decode()
    assert Registration.objects.get(pk=work.pk).rights_status == "valid"
    assert pledge.number not in client.get(f"/verify/{work.number}").content.decode()


def test_pledge_form_errors_are_shown_beside_the_fields(client, bank, work):
    c = as_user(client, bank)
    r = c.post("/rights/pledges/new/", pledge_form(work, principal="abc", contract=""))
    html = r.content.decode()
    assert r.status_code == 422 and "请填写正确的主债权金额" in html and "请上传 PDF 格式的质押合同" in html
    r = c.post("/rights/pledges/new/", pledge_form(work, pledgor_id_number="110101199003077777"))
    assert r.status_code == 422 and "不是" in r.content.decode()
    r = c.post("/rights/pledges/new/", pledge_form(work, contract=SimpleUploadedFile("合同.docx", b"PK")))
    assert r.status_code == 422 and "请上传 PDF 格式的质押合同" in r.content.decode()
    assert not Pledge.objects.exists()


def test_a_rejection_needs_a_reason_and_other_banks_see_nothing(client, bank, registrar, work):
    pledge = file_pledge(bank, work)
    office = as_user(client, registrar)
    r = office.post(f"/rights/pledges/{pledge.pk}/reject/", {"reason": ""})
    assert r.status_code == 422 and "请填写不予登记的理由" in r.content.decode()
    office.post(f"/rights/pledges/{pledge.pk}/reject/", {"reason": "合同未签章"})
    assert Pledge.objects.get().state == "rejected"
    other_bank = factories.UserFactory(role="bank_officer", organization="招商银行深圳分行")
    c = as_user(client, other_bank)
    assert c.get(f"/rights/pledges/{pledge.pk}/").status_code == 404
    assert c.get(f"/rights/pledges/{pledge.pk}/contract.pdf").status_code == 404
    assert work.number not in c.get("/rights/pledges/").content.decode()


def test_a_registrar_changes_a_registered_pledge_on_its_page(client, bank, registrar, work):
    from decimal import Decimal

    from banquan.rights import services
    from banquan.rights.models import Pledge
    from banquan.rights.tests.conftest import file_pledge

    pledge = services.register_pledge(registrar=registrar, pledge_id=file_pledge(bank, work).pk)
    client.force_login(registrar)
    page = client.get(f"/rights/pledges/{pledge.pk}/").content.decode()
    assert 'id="pledge-change"' in page
    empty = client.post(f"/rights/pledges/{pledge.pk}/change/", {"reason": "展期"})
    assert empty.status_code == 422 and "请填写变更后的主债权金额或债务履行期限" in empty.content.decode()
    done = client.post(f"/rights/pledges/{pledge.pk}/change/", {"principal": "8000000.00", "reason": "增加借款"})
    assert done.status_code == 302 and Pledge.objects.get(pk=pledge.pk).principal == Decimal("8000000.00")
    client.force_login(bank)
    assert 'id="pledge-change"' not in client.get(f"/rights/pledges/{pledge.pk}/").content.decode()
