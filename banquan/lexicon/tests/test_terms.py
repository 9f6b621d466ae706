"""Single changes: each one a new version and an audit entry, refused when invalid."""

import pytest

from banquan.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from banquan.ledger.models import AuditEntry
from banquan.lexicon import services
from banquan.lexicon.models import Category, LexiconVersion, Term, WhitelistTerm

pytestmark = pytest.mark.django_db


def test_add_edit_deactivate_term(registrar, clock):
    term = services.add_term(by=registrar, text="包过", category="违法广告", level=2, note="考试广告")
    assert (term.category.name, term.level, term.active, term.created_at) == ("违法广告", 2, True, clock.at)
    clock.advance(hours=1)
    services.edit_term(by=registrar, term_id=term.pk, level=4)
    services.deactivate_term(by=registrar, term_id=term.pk)
    term.refresh_from_db()
    assert (term.level, term.active, term.updated_at) == (4, False, clock.at)
    assert list(LexiconVersion.objects.order_by("number").values_list("number", "summary", "term_count")) == [
        (1, "新增词条“包过”", 1), (2, "修改词条“包过”", 1), (3, "停用词条“包过”", 0)]
    edit = AuditEntry.objects.get(subject="lexicon", action="term_edit", to_state="2")
    assert edit.data == {"term": "包过", "changes": {"level": [2, 4]}} and edit.actor == registrar


def test_an_edit_that_changes_nothing_makes_no_version(registrar):
    term = services.add_term(by=registrar, text="包过")
    services.edit_term(by=registrar, term_id=term.pk, text="包过", level=1)
    assert LexiconVersion.objects.count() == 1
    services.add_term(by=registrar, text="刷单")
    assert LexiconVersion.objects.order_by("-number").first().number == 2


@pytest.mark.parametrize("text, message", [
    ("", "词条为空"), ("#开头", "不能以“#”开头"), ("有\t制表符", "换行或制表符"), ("长" * 65, "超过 64 个字符"),
])
def test_term_text_must_survive_the_file_format(registrar, text, message):
    with pytest.raises(ValidationFailed, match=message):
        services.add_term(by=registrar, text=text)
    assert not LexiconVersion.objects.exists()


def test_term_refusals(registrar, reviewer):
    term = services.add_term(by=registrar, text="包过")
    with pytest.raises(ValidationFailed, match="已在词库中"):
        services.add_term(by=registrar, text=" 包过 ")
    with pytest.raises(ValidationFailed, match="未知类别"):
        services.add_term(by=registrar, text="新词", category="不存在")
    with pytest.raises(ValidationFailed, match="级别"):
        services.edit_term(by=registrar, term_id=term.pk, level=6)
    with pytest.raises(NotFound):
        services.edit_term(by=registrar, term_id=term.pk + 100, level=2)
    with pytest.raises(PermissionDenied):
        services.add_term(by=reviewer, text="刷单")


def test_enable_and_disable_several_as_one_version(registrar):
    ids = [services.add_term(by=registrar, text=t).pk for t in ("甲", "乙", "丙")]
    assert services.set_terms_active(by=registrar, term_ids=ids[:2], active=False) == 2
    assert services.set_terms_active(by=registrar, term_ids=ids[:2], active=False) == 0
    assert set(Term.objects.filter(active=True).values_list("text", flat=True)) == {"丙"}
    assert LexiconVersion.objects.order_by("-number").first().summary == "停用 2 条词条"
    assert LexiconVersion.objects.count() == 4


def test_categories(registrar):
    category = services.add_category(by=registrar, name="赌博", description="赌博类")
    services.add_term(by=registrar, text="网络赌场", category="赌博")
    services.edit_category(by=registrar, category_id=category.pk, name="涉赌", major_topic=True)
    assert "涉赌" in services.categories_major_topic() and "重大题材" in services.categories_major_topic()
    latest = LexiconVersion.objects.order_by("-number").first()
    assert latest.terms_text == "网络赌场\t涉赌\t1\n"
    assert {"name": "涉赌", "major_topic": True, "description": "赌博类", "position": 0} in latest.categories
    with pytest.raises(DomainError, match="还有 1 条词条"):
        services.delete_category(by=registrar, category_id=category.pk)
    with pytest.raises(ValidationFailed, match="已存在"):
        services.add_category(by=registrar, name="政治")
    with pytest.raises(ValidationFailed, match="逗号"):
        services.add_category(by=registrar, name="a,b")
    empty = services.add_category(by=registrar, name="临时")
    services.delete_category(by=registrar, category_id=empty.pk)
    assert not Category.objects.filter(name="临时").exists()


def test_whitelist_entries(registrar):
    entry = services.add_whitelist_term(by=registrar, text="包过滤", note="网络术语")
    with pytest.raises(ValidationFailed, match="已在白名单中"):
        services.add_whitelist_term(by=registrar, text="包过滤")
    services.edit_whitelist_term(by=registrar, entry_id=entry.pk, text="数据包过滤")
    assert LexiconVersion.objects.order_by("-number").first().whitelist_text == "数据包过滤\n"
    services.remove_whitelist_term(by=registrar, entry_id=entry.pk)
    assert not WhitelistTerm.objects.exists()
    with pytest.raises(NotFound):
        services.remove_whitelist_term(by=registrar, entry_id=entry.pk)
    assert [e.action for e in AuditEntry.objects.filter(subject="lexicon")] == [
        "whitelist_add", "whitelist_edit", "whitelist_remove"]


def test_demo_lexicon(registrar):
    version = services.load_demo(by=registrar)
    assert version.summary == "载入演示词库" and version.term_count >= 10 and version.whitelist_count >= 1
    assert Term.objects.get(text="长征").category.name == "重大题材"
