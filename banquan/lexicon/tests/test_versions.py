"""Versions: a snapshot per change, exported and restored."""

import pytest

from banquan.core.errors import NotFound
from banquan.lexicon import services
from banquan.lexicon.models import Category, LexiconVersion, Term, WhitelistTerm

pytestmark = pytest.mark.django_db


def _import(by, text: str, *, replace: bool = False) -> LexiconVersion:
    return services.import_terms(by=by, data=text.encode(), fmt="text", replace=replace)


def test_every_change_is_a_numbered_version_with_a_snapshot(registrar):
    v1 = _import(registrar, "乙\t暴力\t2\n甲\t政治\t1\n")
    services.add_whitelist_term(by=registrar, text="甲乙丙")
    v3 = _import(registrar, "丙\n", replace=True)
    assert [v1.number, v3.number] == [1, 3]
    # Ordered by category (政治 before 暴力), then text.
    assert v1.terms_text == "甲\t政治\t1\n乙\t暴力\t2\n" and v1.created_by == registrar
    assert (v3.term_count, v3.whitelist_count, v3.terms_text, v3.whitelist_text) == (1, 1, "丙\t未分类\t1\n", "甲乙丙\n")
    assert v1.digest != v3.digest


def test_export_now_and_as_of_a_version(registrar):
    _import(registrar, "甲\t政治\t3\n带,逗号\t品牌\n")
    _import(registrar, "乙\n")
    assert services.export("text") == "甲\t政治\t3\n带,逗号\t品牌\t1\n乙\t未分类\t1\n"
    assert services.export("csv", version=1) == 'term,category,level\n甲,政治,3\n"带,逗号",品牌,1\n'
    services.add_whitelist_term(by=registrar, text="包过滤")
    assert services.export_whitelist() == "包过滤\n" and services.export_whitelist(version=2) == ""
    with pytest.raises(NotFound):
        services.export("text", version=99)


def test_restore_brings_back_terms_whitelist_and_categories(registrar):
    gambling = services.add_category(by=registrar, name="赌博", major_topic=True, position=5)
    v2 = _import(registrar, "甲\t政治\t3\n乙\n网络赌场\t赌博\t4\n")
    services.add_whitelist_term(by=registrar, text="甲乙")
    _import(registrar, "丙\t暴力\t2\n", replace=True)
    Term.objects.filter(text="网络赌场").delete()  # (only to test recreating the category)
    services.delete_category(by=registrar, category_id=gambling.pk)
    services.remove_whitelist_terms(by=registrar, entry_ids=list(WhitelistTerm.objects.values_list("pk", flat=True)))
    services.add_whitelist_term(by=registrar, text="丙丁")

    restored = services.restore(by=registrar, version=v2.number)
    assert restored.summary == f"恢复到第 {v2.number} 版" and restored.number > v2.number
    assert restored.terms_text == v2.terms_text
    assert restored.whitelist_text == ""  # the whitelist as it was in v2
    assert set(Term.objects.filter(active=True).values_list("text", flat=True)) == {"甲", "乙", "网络赌场"}
    assert not Term.objects.get(text="丙").active
    recreated = Category.objects.get(name="赌博")
    assert (recreated.major_topic, recreated.position) == (True, 5)
    assert LexiconVersion.objects.filter(number=v2.number).get().terms_text == v2.terms_text  # history kept


def test_restore_an_unknown_version(registrar):
    with pytest.raises(NotFound):
        services.restore(by=registrar, version=7)
