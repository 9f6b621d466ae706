"""The software pages in a browser: the form, deposit materials, submission and the reviewer's
page, through the Django test client."""

import datetime as dt
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from banquan.applications.models import Application
from banquan.review import services as review
from banquan.testing import factories
from banquan.testing import software as sw

pytestmark = pytest.mark.django_db


def form_post(**overrides) -> dict:
    """The form body a browser sends: every field of ``sw.values`` and one owner."""
    data: dict = {}
    for name, value in sw.values(**overrides).items():
        if name == "languages":
            data[name] = "、".join(value)
        elif isinstance(value, list):
            data[name] = value
        elif isinstance(value, dt.date):
            data[name] = value.isoformat()
        else:
            data[name] = "" if value is None else str(value)
    rows = sw.owners(park="西安软件园")
    data.update({"owners-TOTAL_FORMS": str(len(rows)), "owners-INITIAL_FORMS": "0",
                 "owners-MIN_NUM_FORMS": "0", "owners-MAX_NUM_FORMS": "1000"})
    for i, row in enumerate(rows):
        data.update({f"owners-{i}-{k}": v for k, v in row.items()})
    return data


@pytest.fixture
def browser(client, applicant, clock):
    client.force_login(applicant)
    return client


def _upload(browser, app, kind: str, name: str, data: bytes, **extra):
    body = {"kind": kind, "file": SimpleUploadedFile(name, data), **extra}
    return browser.post(reverse("software:upload", args=[app.pk]), body)


@pytest.fixture
def ready(browser, applicant, django_capture_on_commit_callbacks):
    """A draft made through the form, with a real source tree and a manual uploaded."""
    browser.post(reverse("software:new"), form_post(client_token=str(uuid.uuid4())))
    app = Application.objects.get(applicant=applicant, procedure="software")
    with django_capture_on_commit_callbacks(execute=True):
        assert _upload(browser, app, "program", "sqlparse.zip", sw.real_tree_zip()).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert _upload(browser, app, "documentation", "manual.md", sw.manual_markdown()).status_code == 302
    return app


def test_the_form_creates_a_draft_once_per_token(browser, applicant):
    token = str(uuid.uuid4())
    r = browser.post(reverse("software:new"), form_post(client_token=token))
    assert r.status_code == 302
    browser.post(reverse("software:new"), form_post(client_token=token))  # double click
    app = Application.objects.get(applicant=applicant)
    assert r["Location"] == reverse("software:edit", args=[app.pk])
    assert app.procedure == "software" and app.software.version == "V1.0"
    assert app.software.languages == ["Python"] and app.software.owner_parks == {"0": "西安软件园"}
    html = browser.get(reverse("software:detail", args=[app.pk])).content.decode()
    assert "星河智能排课系统" in html and "西安软件园" in html and "应用软件" in html
    form = browser.get(reverse("software:edit", args=[app.pk])).content.decode()
    assert 'maxlength="200"' in form and "software/counter.js" in form


def test_a_too_long_main_functions_shows_the_limit(browser, applicant):
    r = browser.post(reverse("software:new"), form_post(main_functions="功" * 201))
    assert r.status_code == 400
    assert "不能超过 200 个字（现为 201 个字）" in r.content.decode()
    assert not Application.objects.filter(applicant=applicant).exists()


def test_materials_are_shown_downloaded_and_submitted(browser, ready, other_applicant, client):
    html = browser.get(reverse("software:detail", args=[ready.pk])).content.decode()
    assert "已就绪" in html and "共 60 页" in html and "hx-trigger" not in html
    assert "排除的文件" in html or "收录的文件" in html
    url = reverse("software:material_pdf", args=[ready.pk, "program"])
    r = browser.get(url)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    panel = browser.get(reverse("software:material", args=[ready.pk, "documentation"]))
    assert panel.status_code == 200 and "已就绪" in panel.content.decode()

    browser.force_login(other_applicant)
    assert browser.get(url).status_code in (403, 404)
    assert browser.get(reverse("software:detail", args=[ready.pk])).status_code == 404

    browser.force_login(ready.applicant)
    r = browser.post(reverse("software:submit", args=[ready.pk]))
    assert r.status_code == 302
    html = browser.get(reverse("software:detail", args=[ready.pk])).content.decode()
    assert "已提交" in html
    listing = browser.get(reverse("applications:list")).content.decode()
    assert reverse("software:detail", args=[ready.pk]) in listing and "新建软件登记申请" in listing


def test_a_pending_material_polls_its_panel(browser, applicant):
    app = sw.draft(applicant)  # the jobs never run: both materials stay pending
    html = browser.get(reverse("software:detail", args=[app.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert reverse("software:material", args=[app.pk, "program"]) in html


def test_submission_errors_are_listed_on_the_detail_page(browser, applicant):
    app = sw.draft(applicant, tree="")
    r = browser.post(reverse("software:submit", args=[app.pk]))
    assert r.status_code == 400
    assert "请上传程序鉴别材料" in r.content.decode()


def test_the_reviewer_sees_the_software_form_and_materials(ready, reviewer, client):
    from banquan.applications import services as applications

    applications.submit(applicant=ready.applicant, app_id=ready.pk)
    review.accept(reviewer=reviewer, app_id=ready.pk)
    client.force_login(reviewer)
    html = client.get(reverse("review:application", args=[ready.pk])).content.decode()
    assert "软件全称" in html and "星河智能排课系统" in html and "V1.0" in html
    assert "程序鉴别材料" in html and "共 60 页" in html
    assert reverse("software:material_pdf", args=[ready.pk, "program"]) in html
    assert "作品样本与附件" not in html
    assert 'id="software-duplicates"' in html and "代码比对" in html  # the duplicates panel
    r = client.get(reverse("software:material_pdf", args=[ready.pk, "program"]))
    assert r.status_code == 200


def test_work_pages_are_unchanged(browser, applicant):
    app = factories.draft(applicant)
    assert browser.get(reverse("applications:detail", args=[app.pk])).status_code == 200
    assert browser.get(reverse("applications:edit", args=[app.pk])).status_code == 200
    listing = browser.get(reverse("applications:list")).content.decode()
    assert reverse("applications:detail", args=[app.pk]) in listing


def test_work_urls_lead_to_the_software_pages(browser, applicant):
    app = sw.draft(applicant, tree="")
    r = browser.get(reverse("applications:detail", args=[app.pk]))
    assert r.status_code == 302 and r["Location"] == reverse("software:detail", args=[app.pk])
    r = browser.get(reverse("applications:edit", args=[app.pk]))
    assert r["Location"] == reverse("software:edit", args=[app.pk])


def test_checker_problems_are_grouped_with_their_pages(browser, ready, django_capture_on_commit_callbacks):
    from banquan.core.storage import store

    built = store().read(ready.deposit_materials.get(kind="program").pdf_key)
    body = {**form_post(title="星河智能排课平台"), "owners-INITIAL_FORMS": "1"}
    with django_capture_on_commit_callbacks(execute=True):
        assert browser.post(reverse("software:edit", args=[ready.pk]), body).status_code == 302
        _upload(browser, ready, "program", "program.pdf", built)
    html = browser.get(reverse("software:detail", args=[ready.pk])).content.decode()
    assert "需修改" in html and "第 1–60 页" in html and "须修改后方可提交" in html
    r = browser.post(reverse("software:submit", args=[ready.pk]))
    assert r.status_code == 400 and "有不符合要求之处" in r.content.decode()


def test_the_reviewers_queue_has_a_software_filter(ready, reviewer, client, applicant):
    from banquan.applications import services as applications

    applications.submit(applicant=ready.applicant, app_id=ready.pk)
    work = factories.submitted(applicant)
    client.force_login(reviewer)
    html = client.get(reverse("review:queue"), {"category": "software"}).content.decode()
    assert ready.reference in html and work.reference not in html and "计算机软件" in html
    items = client.get("/api/v1/review/queue", {"category": "software"}).json()
    assert [i["id"] for i in items] == [ready.pk]
