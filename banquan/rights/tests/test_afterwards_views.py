"""The 登记后业务 pages: an applicant files a contract recordation, a change and a reissue from
/rights/my/, a registrar decides them at /rights/office/ and revokes a duplicate registration."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from banquan.certificates import services as certificates
from banquan.records.models import Registration
from banquan.rights import services
from banquan.rights.models import ChangeRequest, Recordation, ReissueRequest, Revocation
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    return client


def recordation_form(work, **overrides):
    values = {"kind": "transfer", "numbers": work.number, "grantor_name": "张三",
              "grantor_id_number": factories.VALID_ID, "grantee_name": "星河文化传媒有限公司",
              "grantee_id_number": "91310104MA1FR0XXXX", "rights": ["reproduction", "network"],
              "territory": "中国大陆", "term_start": "", "term_end": "",
              "contract": SimpleUploadedFile("转让合同.pdf", b"%PDF-1.4\n% transfer\n", "application/pdf")}
    values.update(overrides)
    return values


def test_the_pages_are_for_their_roles(client, applicant, registrar, bank, work):
    assert as_user(client, registrar).get("/rights/my/").status_code == 403
    assert as_user(client, bank).get("/rights/office/").status_code == 403
    assert as_user(client, applicant).get("/rights/office/").status_code == 403
    assert as_user(client, applicant).post("/rights/office/revocations/", {}).status_code == 403
    assert "登记后业务" in as_user(client, applicant).get("/").content.decode()
    assert "登记后业务审查" in as_user(client, registrar).get("/").content.decode()


def test_the_applicant_sees_their_registrations_with_the_links(client, applicant, other_applicant, work):
    html = as_user(client, applicant).get("/rights/my/").content.decode()
    assert work.number in html and "合同备案" in html
    assert f"/rights/changes/new/?number={quote(work.number)}" in html
    assert f"/rights/reissues/new/?number={quote(work.number)}" in html
    assert work.number not in as_user(client, other_applicant).get("/rights/my/").content.decode()
    assert client.get(f"/rights/changes/new/?number={work.number}").status_code == 404
    assert client.get(f"/rights/reissues/new/?number={work.number}").status_code == 404


def test_a_recordation_filed_on_the_page_and_recorded_by_the_office(client, applicant, registrar, work):
    c = as_user(client, applicant)
    page = c.get(f"/rights/recordations/new/?number={work.number}").content.decode()
    assert "信息网络传播权" in page and factories.VALID_ID in page  # the owner is filled in
    r = c.post(f"/rights/recordations/new/?number={work.number}", recordation_form(work, rights=[]))
    assert r.status_code == 422 and "请选择合同涉及的著作财产权" in r.content.decode()
    r = c.post("/rights/recordations/new/", recordation_form(work, kind="exclusive_licence"))
    assert r.status_code == 422 and "专有许可合同请填写许可期限" in r.content.decode()
    r = c.post("/rights/recordations/new/", recordation_form(work), follow=True)
    assert "合同备案申请已提交" in r.content.decode() and "待审查" in r.content.decode()
    rec = Recordation.objects.get()
    assert c.get(f"/rights/recordations/{rec.pk}/contract.pdf").content.startswith(b"%PDF")

    office = as_user(client, registrar)
    html = office.get("/rights/office/").content.decode()
    assert "星河文化传媒有限公司" in html and "信息网络传播权" in html and "不予备案" in html
    r = office.post(f"/rights/office/recordations/{rec.pk}/decide/", {"decision": "no", "reason": ""})
    assert r.status_code == 422 and "请填写不予备案的理由" in r.content.decode()
    r = office.post(f"/rights/office/recordations/{rec.pk}/decide/", {"decision": "record", "reason": ""},
                    follow=True)
    rec.refresh_from_db()
    assert rec.state == "recorded" and rec.number in r.content.decode()
    assert rec.number in as_user(client, applicant).get("/rights/my/").content.decode()


def test_a_seized_work_cannot_be_recorded_from_the_page(client, applicant, court, work):
    services.seize(officer=court, numbers=[work.number], document_number="（2026）京0108执9号", scope="全部",
                   term_months=6)
    r = as_user(client, applicant).post("/rights/recordations/new/", recordation_form(work))
    assert r.status_code == 422 and "北京市海淀区人民法院" in r.content.decode()
    assert not Recordation.objects.exists()


def test_a_change_filed_on_the_page_shown_old_to_new_and_approved(client, applicant, registrar, work):
    c = as_user(client, applicant)
    url = f"/rights/changes/new/?number={work.number}"
    assert 'value="山水长卷"' in c.get(url).content.decode()
    r = c.post(url, {"kind": "change", "title": work.title, "completion_date": "2026-03-01",
                     "first_publication_date": "2026-05-01", "reason": "x"})
    assert r.status_code == 422 and "请至少修改一项登记事项" in r.content.decode()
    r = c.post(url, {"kind": "change", "title": "山水长卷（修订）", "completion_date": "2026-03-01",
                     "first_publication_date": "2026-05-01", "reason": ""})
    assert r.status_code == 422 and "请说明变更或补充的理由" in r.content.decode()
    r = c.post(url, {"kind": "change", "title": "山水长卷（修订）", "completion_date": "2026-03-01",
                     "first_publication_date": "2026-05-01", "reason": "作品名称有误"}, follow=True)
    assert "变更或补充登记申请已提交" in r.content.decode()
    change = ChangeRequest.objects.get()
    assert change.changes == {"title": "山水长卷（修订）"}

    office = as_user(client, registrar)
    html = office.get("/rights/office/?tab=changes").content.decode()
    assert "<del>山水长卷</del> → <ins>山水长卷（修订）</ins>" in html and "核准" in html
    r = office.post(f"/rights/office/changes/{change.pk}/decide/", {"decision": "approve", "reason": ""},
                    follow=True)
    assert "已对变更或补充登记申请作出决定" in r.content.decode()
    assert "已签发第 2 版证书" in r.content.decode()
    assert Registration.objects.get(pk=work.pk).title == "山水长卷（修订）"
    assert certificates.current(work).version == 2


def test_reissues_in_the_office_by_deadline_with_the_overdue_marked(client, clock, applicant, registrar, work,
                                                                    applicant_work_2):
    c = as_user(client, applicant)
    r = c.post(f"/rights/reissues/new/?number={work.number}", {"kind": "reissue", "reason": ""})
    assert r.status_code == 422 and "请说明补发或换发的原因" in r.content.decode()
    r = c.post(f"/rights/reissues/new/?number={work.number}", {"kind": "reissue", "reason": "证书遗失"}, follow=True)
    assert "补发申请已受理" in r.content.decode()
    first = ReissueRequest.objects.get()
    clock.advance(days=10)
    c.post(f"/rights/reissues/new/?number={applicant_work_2.number}", {"kind": "replacement", "reason": "证书破损"})
    second = ReissueRequest.objects.exclude(pk=first.pk).get()

    office = as_user(client, registrar)
    html = office.get("/rights/office/?tab=reissues").content.decode()
    assert html.index(f"reissue-{first.pk}") < html.index(f"reissue-{second.pk}")
    assert html.count("已超期") == 1 and "剩余 5 个工作日" in html
    r = office.post(f"/rights/office/reissues/{first.pk}/decide/", {"decision": "no", "reason": ""})
    assert r.status_code == 422 and "请填写不予办理的理由" in r.content.decode()
    office.post(f"/rights/office/reissues/{first.pk}/decide/", {"decision": "issue", "reason": ""})
    first.refresh_from_db()
    assert first.state == "done" and first.certificate_version == 2
    office.post(f"/rights/office/reissues/{second.pk}/decide/", {"decision": "no", "reason": "证书未见破损"})
    assert ReissueRequest.objects.get(pk=second.pk).state == "rejected"
    assert "证书未见破损" in as_user(client, applicant).get("/rights/my/").content.decode()


def test_a_registrar_revokes_a_duplicate_from_the_office(client, applicant, reviewer, registrar, work):
    kept = factories.registered(applicant, reviewer, title="山水长卷")
    office = as_user(client, registrar)
    page = office.get("/rights/office/?tab=revocations").content.decode()
    assert "保留的登记号" in page and "重复登记" in page
    form = {"number": work.number, "ground": "duplicate", "document": "", "reason": "同一作品重复登记",
            "kept_number": ""}
    r = office.post("/rights/office/revocations/", form)
    assert r.status_code == 422 and "重复登记请填写保留的登记号" in r.content.decode()
    r = office.post("/rights/office/revocations/", {**form, "number": "2026-F-99999999", "kept_number": kept.number})
    assert r.status_code == 404 and "2026-F-99999999" in r.content.decode()
    r = office.post("/rights/office/revocations/", {**form, "kept_number": kept.number}, follow=True)
    assert "已撤销登记" in r.content.decode() and kept.number in r.content.decode()
    assert Revocation.objects.get().kept == kept
    client.logout()
    html = client.get(f"/verify/{work.number}").content.decode()
    assert "已被替代" in html and kept.number in html
