"""The registrars' back office: model pages, import, export and restore, all through services."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from banquan.lexicon import services
from banquan.lexicon.models import Category, LexiconVersion, Term, WhitelistTerm
from banquan.testing import factories

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:lexicon_term_import")


@pytest.fixture
def office(client, registrar):
    client.force_login(registrar)
    return client


def _upload(client, text: str, *, fmt: str = "text", replace: str = "merge", encoding: str = "utf-8",
            url: str = IMPORT_URL):
    data = {"file": SimpleUploadedFile("lexicon.txt", text.encode(encoding)), "replace": replace}
    if fmt:
        data["fmt"] = fmt
    return client.post(url, data, follow=True)


def test_import_page(office):
    page = office.get(IMPORT_URL)
    assert page.status_code == 200 and "导入词库文件" in page.content.decode()
    response = _upload(office, "包过\t违法广告\t2\n长征\t重大题材\t3\n", encoding="gb18030")
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("admin:lexicon_term_changelist")
    assert "导入成功，已生成第 1 版" in html and "包过" in html
    assert set(Term.objects.values_list("text", flat=True)) == {"包过", "长征"}


def test_import_errors_are_listed_line_by_line(office):
    response = _upload(office, "好词\n\t政治\n某词\t外星类别\n坏词\t政治\t7\n")
    html = response.content.decode()
    assert response.status_code == 200
    assert "文件未导入，有 3 处错误" in html
    for line in ("第 2 行：词条为空", "第 3 行：未知类别“外星类别”", "第 4 行：级别“7”应为 1 到 5 的整数"):
        assert line in html
    assert not Term.objects.exists()


def test_import_replace_and_csv(office, registrar):
    services.add_term(by=registrar, text="旧词")
    _upload(office, "term,category,level\n新词,暴力,2\n", fmt="csv", replace="replace")
    assert list(Term.objects.filter(active=True).values_list("text", flat=True)) == ["新词"]


def test_whitelist_import_and_export(office):
    url = reverse("admin:lexicon_whitelistterm_import")
    assert "白名单文件" in office.get(url).content.decode()
    _upload(office, "包过滤\n", fmt="", url=url)
    assert list(WhitelistTerm.objects.values_list("text", flat=True)) == ["包过滤"]
    download = office.get(reverse("admin:lexicon_whitelistterm_export"))
    assert download.content.decode() == "包过滤\n"


def test_others_are_refused(client, reviewer):
    staff_reviewer = factories.UserFactory(role="reviewer", is_staff=True)
    client.force_login(staff_reviewer)
    assert client.get(IMPORT_URL).status_code == 403
    assert _upload(client, "包过\n").status_code == 403
    assert client.get(reverse("admin:lexicon_term_export", args=["text"])).status_code == 403
    assert client.get(reverse("admin:lexicon_term_changelist")).status_code == 403
    assert not Term.objects.exists()
    client.force_login(reviewer)  # not staff at all: sent to the admin log-in
    assert client.get(IMPORT_URL).status_code == 302


def test_changelist_search_and_filters(office, registrar):
    services.import_terms(by=registrar, data="包过\t违法广告\t2\n长征\t重大题材\t3\n".encode(), fmt="text",
                          replace=False)
    changelist = reverse("admin:lexicon_term_changelist")
    html = office.get(changelist).content.decode()
    assert IMPORT_URL in html and reverse("admin:lexicon_term_export", args=["csv"]) in html
    assert "长征" not in office.get(changelist, {"q": "包过"}).content.decode()
    major = Category.objects.get(name="重大题材")
    assert "包过" not in office.get(changelist, {"category__id__exact": major.pk}).content.decode()
    assert "长征" not in office.get(changelist, {"level__exact": 2}).content.decode()


def test_adding_and_editing_a_term_make_versions(office, registrar):
    ads = Category.objects.get(name="违法广告")
    response = office.post(reverse("admin:lexicon_term_add"),
                           {"text": " 代开发票 ", "category": ads.pk, "level": 3, "note": ""})
    assert response.status_code == 302
    term = Term.objects.get(text="代开发票")
    office.post(reverse("admin:lexicon_term_change", args=[term.pk]),
                {"text": "代开发票", "category": ads.pk, "level": 4, "note": "税务", "active": ""})
    term.refresh_from_db()
    assert (term.level, term.note, term.active) == (4, "税务", False)
    assert list(LexiconVersion.objects.order_by("number").values_list("summary", "created_by")) == [
        ("新增词条“代开发票”", registrar.pk), ("修改词条“代开发票”", registrar.pk)]


def test_term_form_refuses_what_files_cannot_hold(office):
    response = office.post(reverse("admin:lexicon_term_add"),
                           {"text": "#注释样", "category": Category.objects.first().pk, "level": 1})
    assert response.status_code == 200 and "不能以“#”开头" in response.content.decode()
    assert not Term.objects.exists()


def test_deactivate_action_and_no_deletion(office, registrar):
    term = services.add_term(by=registrar, text="包过")
    changelist = reverse("admin:lexicon_term_changelist")
    office.post(changelist, {"action": "deactivate", "_selected_action": [term.pk]})
    assert not Term.objects.get(pk=term.pk).active
    assert office.post(reverse("admin:lexicon_term_delete", args=[term.pk]), {"post": "yes"}).status_code == 403
    assert LexiconVersion.objects.order_by("-number").first().summary == "停用 1 条词条"


def test_category_and_whitelist_pages_use_services(office):
    office.post(reverse("admin:lexicon_category_add"),
                {"name": "赌博", "major_topic": "on", "description": "", "position": 5})
    assert "赌博" in services.categories_major_topic()
    entry = services.add_whitelist_term(by=None, text="包过滤")
    office.post(reverse("admin:lexicon_whitelistterm_delete", args=[entry.pk]), {"post": "yes"})
    assert not WhitelistTerm.objects.exists()
    assert [v.summary for v in LexiconVersion.objects.order_by("number")] == [
        "新增类别“赌博”", "白名单新增“包过滤”", "白名单删除“包过滤”"]


def test_versions_download_and_restore(office, registrar):
    services.import_terms(by=registrar, data="甲\t政治\t2\n".encode(), fmt="text", replace=False)
    services.import_terms(by=registrar, data="乙\n".encode(), fmt="text", replace=True)
    changelist = reverse("admin:lexicon_lexiconversion_changelist")
    html = office.get(changelist).content.decode()
    assert "导入 1 条" in html and reverse("admin:lexicon_lexiconversion_restore", args=[1]) in html

    csv = office.get(reverse("admin:lexicon_lexiconversion_download", args=[1, "csv"]))
    assert csv["Content-Disposition"] == 'attachment; filename="lexicon-v1.csv"'
    assert csv.content.decode("utf-8-sig") == "term,category,level\n甲,政治,2\n"
    text = office.get(reverse("admin:lexicon_term_export", args=["text"]))
    assert text.content.decode() == "乙\t未分类\t1\n"
    assert office.get(reverse("admin:lexicon_lexiconversion_download", args=[9, "text"])).status_code == 404

    restore = reverse("admin:lexicon_lexiconversion_restore", args=[1])
    assert "确认恢复" in office.get(restore).content.decode()
    assert set(Term.objects.filter(active=True).values_list("text", flat=True)) == {"乙"}
    response = office.post(restore, follow=True)
    assert "已恢复到第 1 版，生成第 3 版" in response.content.decode()
    assert set(Term.objects.filter(active=True).values_list("text", flat=True)) == {"甲"}
    detail = office.get(reverse("admin:lexicon_lexiconversion_change", args=[LexiconVersion.objects.get(number=1).pk]))
    assert detail.status_code == 200 and "未分类" in detail.content.decode()


def test_restore_is_refused_to_others(client, registrar):
    services.add_term(by=registrar, text="甲")
    client.force_login(factories.UserFactory(role="reviewer", is_staff=True))
    assert client.post(reverse("admin:lexicon_lexiconversion_restore", args=[1])).status_code == 403
