"""The registration form in the browser: creating, saving and resuming drafts, adding rows,
and submitting, with errors shown beside the inputs they are about."""

import re
import uuid

import pytest
from django.urls import reverse

from banquan.applications import services
from banquan.applications.models import Application
from banquan.applications.tests.form_data import form_post
from banquan.ledger.models import AuditEntry
from banquan.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client, applicant, clock):
    client.force_login(applicant)
    return client


def field_error(html: str, field_id: str) -> str:
    """The text of the error list Django renders beside the input ``field_id``."""
    match = re.search(rf'<ul class="errorlist" id="{re.escape(field_id)}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def test_new_form_shows_every_field_of_the_official_form(browser):
    r = browser.get(reverse("applications:new"))
    html = r.content.decode()
    assert r.status_code == 200
    for name in services.APPLICATION_FIELDS:
        assert f'name="{name}"' in html, name
    for name in ("authors-0-name", "authors-0-signature", "owners-0-kind", "owners-0-name", "owners-0-id_type",
                 "owners-0-id_number", "owners-0-nationality", "owners-0-province", "owners-0-city",
                 "owners-0-address"):
        assert f'name="{name}"' in html, name
    for label in ("作品名称", "作品类别", "作品创作性质", "创作完成日期", "首次发表日期", "权利取得方式",
                  "信息网络传播权", "作品独创性", "著作权人类型", "证件号码"):
        assert label in html
    assert 'type="date" name="completion_date"' in html
    assert 'type="radio" name="publication"' in html
    assert 'type="checkbox" name="rights"' in html
    token = re.search(r'name="client_token" value="([0-9a-f-]{36})"', html)
    assert token, "the new form carries an idempotency token"


def test_saving_a_partial_draft_and_resuming_it(browser, applicant):
    token = str(uuid.uuid4())
    body = form_post({"title": "未完成的画", "category": "", "nature": "", "purpose": ""},
                     owners=[], client_token=token)
    r = browser.post(reverse("applications:new"), body)
    app = Application.objects.get(applicant=applicant)
    assert r.status_code == 302 and r.url == reverse("applications:edit", args=[app.pk])
    assert (app.title, app.category, app.status) == ("未完成的画", "", "draft")
    assert [a.name for a in app.authors.all()] == ["张三"]

    html = browser.get(r.url).content.decode()
    assert 'value="未完成的画"' in html and 'value="张三"' in html

    body = form_post({"title": "完成的画", "category": "photography"}, initial_authors=1)
    r = browser.post(reverse("applications:edit", args=[app.pk]), body, follow=True)
    assert "已保存" in r.content.decode()
    app.refresh_from_db()
    assert (app.title, app.category) == ("完成的画", "photography")
    assert app.owners.get().id_number == factories.VALID_ID
    assert app.authors.count() == 1  # the resumed row replaced, not duplicated


def test_the_same_create_clicked_twice_makes_one_application(browser, applicant):
    body = form_post(client_token=str(uuid.uuid4()))
    first = browser.post(reverse("applications:new"), body)
    second = browser.post(reverse("applications:new"), body)
    assert Application.objects.filter(applicant=applicant).count() == 1
    assert first.url == second.url


def test_malformed_input_is_refused_beside_the_field_and_nothing_is_created(browser, applicant):
    body = form_post({"completion_date": "2026-13-45", "first_publication_date": "2027-01-01"},
                     owners=[{**factories.owners()[0], "id_number": "110105194912310021"}],
                     client_token=str(uuid.uuid4()))
    r = browser.post(reverse("applications:new"), body)
    html = r.content.decode()
    assert r.status_code == 400
    assert "日期" in field_error(html, "id_completion_date")
    assert "首次发表日期不能晚于今天" in field_error(html, "id_first_publication_date")
    assert "校验位不正确" in field_error(html, "id_owners-0-id_number")
    assert not Application.objects.filter(applicant=applicant).exists()


def test_adding_a_row_keeps_what_was_typed(browser, applicant):
    body = form_post({"title": "尚未保存"}, action="add_author")
    r = browser.post(reverse("applications:new"), body)
    html = r.content.decode()
    assert r.status_code == 200
    assert 'value="尚未保存"' in html
    assert 'name="authors-1-name"' in html and 'name="authors-2-name"' not in html
    assert "errorlist" not in html  # the new empty row is not an error
    assert not Application.objects.exists()


def test_deleting_a_row_removes_that_person(browser, applicant):
    app = factories.draft(applicant)
    body = form_post(authors=factories.authors(2), initial_authors=1, initial_owners=1)
    body["authors-0-DELETE"] = "on"
    browser.post(reverse("applications:edit", args=[app.pk]), body)
    assert [a.name for a in app.authors.all()] == ["张四"]


def test_submitting_an_incomplete_draft_shows_errors_beside_the_fields_and_changes_nothing(browser, applicant):
    app = factories.draft(applicant, with_sample=False, category="")
    before = AuditEntry.objects.count()
    owner = {**factories.owners()[0], "id_number": ""}
    body = form_post({"title": "改过的名称", "category": ""}, owners=[owner], initial_authors=1, initial_owners=1)
    r = browser.post(reverse("applications:submit", args=[app.pk]), body)
    html = r.content.decode()
    assert r.status_code == 400
    assert "请选择作品类别" in field_error(html, "id_category")
    assert "请填写证件号码" in field_error(html, "id_owners-0-id_number")
    samples = html[html.index('id="samples"'):]
    assert "请至少上传一个作品样本" in samples[:samples.index("</section>")]
    assert 'value="改过的名称"' in html  # the user's input is kept on the page
    app.refresh_from_db()
    assert app.status == "draft"
    assert app.title == "山水长卷"  # the save was rolled back with the refused submission
    assert app.owners.get().id_number == factories.VALID_ID
    assert AuditEntry.objects.count() == before


def test_submitting_a_complete_draft_saves_the_last_edits_too(browser, applicant):
    app = factories.draft(applicant)
    body = form_post({"title": "最后改的名称"}, initial_authors=1, initial_owners=1)
    r = browser.post(reverse("applications:submit", args=[app.pk]), body)
    assert r.status_code == 302 and r.url == reverse("applications:detail", args=[app.pk])
    app.refresh_from_db()
    assert (app.status, app.title) == ("submitted", "最后改的名称")


def test_a_second_submit_just_shows_the_application(browser, applicant):
    app = factories.draft(applicant)
    body = form_post(initial_authors=1, initial_owners=1)
    browser.post(reverse("applications:submit", args=[app.pk]), body)
    submits = AuditEntry.objects.filter(action="submit").count()
    r = browser.post(reverse("applications:submit", args=[app.pk]), body)
    assert r.status_code == 302 and r.url == reverse("applications:detail", args=[app.pk])
    assert AuditEntry.objects.filter(action="submit").count() == submits == 1


def test_a_submitted_application_can_no_longer_be_edited(browser, applicant):
    app = factories.submitted(applicant)
    r = browser.get(reverse("applications:edit", args=[app.pk]), follow=True)
    assert r.redirect_chain[-1][0] == reverse("applications:detail", args=[app.pk])
    assert "只能在审查员要求补正时修改" in r.content.decode()
    r = browser.post(reverse("applications:edit", args=[app.pk]), form_post({"title": "偷改"}))
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.title == "山水长卷"


def test_deleting_a_draft(browser, applicant):
    app = factories.draft(applicant)
    assert "确认删除" in browser.get(reverse("applications:delete", args=[app.pk])).content.decode()
    r = browser.post(reverse("applications:delete", args=[app.pk]))
    assert r.url == reverse("applications:list")
    assert not Application.objects.filter(pk=app.pk).exists()


def test_a_submitted_application_cannot_be_deleted(browser, applicant):
    app = factories.submitted(applicant)
    browser.post(reverse("applications:delete", args=[app.pk]))
    assert Application.objects.filter(pk=app.pk).exists()
