"""Importing term and whitelist files: every broken line reported, all or nothing."""

import pytest

from banquan.core.errors import PermissionDenied, ValidationFailed
from banquan.ledger.models import AuditEntry
from banquan.lexicon import services
from banquan.lexicon.models import LexiconVersion, Term, WhitelistTerm

pytestmark = pytest.mark.django_db


def _import(by, text: str, *, fmt: str = "text", replace: bool = False, encoding: str = "utf-8"):
    return services.import_terms(by=by, data=text.encode(encoding), fmt=fmt, replace=replace)


def _active() -> dict[str, tuple[str, int]]:
    return {t.text: (t.category.name, t.level) for t in Term.objects.filter(active=True).select_related("category")}


def test_text_file_with_categories_and_levels(registrar):
    version = _import(registrar, "# 注释\n包过\t违法广告\t2\n\n长征\t重大题材\t3\n蠢货\n")
    assert _active() == {"包过": ("违法广告", 2), "长征": ("重大题材", 3), "蠢货": ("未分类", 1)}
    assert version.number == 1 and version.term_count == 3
    assert version.summary == "导入 3 条（新增 3，未变 0）"
    entry = AuditEntry.objects.get(subject="lexicon", action="import_terms")
    assert entry.actor == registrar and entry.to_state == "1" and entry.data["added"] == 3


def test_csv_file_with_header(registrar):
    _import(registrar, "term,category,level\n稳赚不赔,违法广告,2\n\"带,逗号\",品牌,1\n", fmt="csv")
    assert _active() == {"稳赚不赔": ("违法广告", 2), "带,逗号": ("品牌", 1)}


def test_gb18030_file(registrar):
    _import(registrar, "颠覆国家政权\t政治\t5\n开国大典\t重大题材\t3\n", encoding="gb18030")
    assert _active() == {"颠覆国家政权": ("政治", 5), "开国大典": ("重大题材", 3)}


def test_every_broken_line_is_reported_by_number(registrar):
    text = "好词\t政治\t1\n\t政治\n坏级别\t政治\t9\n正常\n列太多\t政治\t1\t多余\n" + "长" * 65 + "\n"
    with pytest.raises(ValidationFailed) as e:
        _import(registrar, text)
    assert e.value.errors["file"] == [
        "第 2 行：词条为空",
        "第 3 行：级别“9”应为 1 到 5 的整数",
        "第 5 行：列数过多（应为：词条、类别、级别）",
        "第 6 行：词条超过 64 个字符",
    ]
    assert not Term.objects.exists() and not LexiconVersion.objects.exists()


def test_csv_errors_use_file_line_numbers(registrar):
    with pytest.raises(ValidationFailed) as e:
        _import(registrar, "term,category,level\n好词,政治,1\n\n坏词,政治,0\n", fmt="csv")
    assert e.value.errors["file"] == ["第 4 行：级别“0”应为 1 到 5 的整数"]


def test_unknown_category_is_refused(registrar):
    with pytest.raises(ValidationFailed) as e:
        _import(registrar, "好词\t政治\n某词\t不存在的类别\t2\n又一个\t也没有\n")
    assert e.value.errors["file"] == ["第 2 行：未知类别“不存在的类别”", "第 3 行：未知类别“也没有”"]
    assert not Term.objects.exists()


def test_import_is_all_or_nothing(registrar):
    _import(registrar, "旧词\t政治\t2\n")
    with pytest.raises(ValidationFailed):
        _import(registrar, "旧词\t暴力\t5\n新词\t政治\n坏词\t政治\tx\n", replace=True)
    assert _active() == {"旧词": ("政治", 2)}
    assert LexiconVersion.objects.count() == 1


def test_undecodable_file_is_refused(registrar):
    with pytest.raises(ValidationFailed) as e:
        services.import_terms(by=registrar, data=b"\xff\xfe\x00\xd8bad\x81", fmt="text", replace=False)
    assert e.value.errors["file"] == ["第 1 行：文件既不是 UTF-8 也不是 GB18030 编码"]


def test_empty_file_is_refused(registrar):
    _import(registrar, "旧词\n")
    with pytest.raises(ValidationFailed, match="文件中没有词条"):
        _import(registrar, "# 只有注释\n\n", replace=True)
    assert _active() == {"旧词": ("未分类", 1)}


def test_merge_updates_and_keeps_the_rest(registrar):
    _import(registrar, "甲\t政治\t1\n乙\t政治\t1\n")
    version = _import(registrar, "乙\t暴力\t3\n丙\n")
    assert _active() == {"甲": ("政治", 1), "乙": ("暴力", 3), "丙": ("未分类", 1)}
    assert version.summary == "导入 2 条（新增 1，更新 1，未变 0）"


def test_replace_deactivates_terms_not_in_the_file(registrar):
    _import(registrar, "甲\n乙\n丙\n")
    Term.objects.filter(text="甲").update(note="保留的备注")
    version = _import(registrar, "乙\n丁\n", replace=True)
    assert set(_active()) == {"乙", "丁"}
    assert Term.objects.get(text="甲").note == "保留的备注"  # deactivated, not deleted
    assert version.summary == "导入 2 条（新增 1，未变 1，停用 2），替换原有"
    _import(registrar, "甲\n")
    assert set(_active()) == {"甲", "乙", "丁"}  # merging it again revives it


def test_unknown_format_is_refused(registrar):
    with pytest.raises(ValidationFailed):
        _import(registrar, "甲\n", fmt="xlsx")


def test_only_registrars_import(reviewer):
    with pytest.raises(PermissionDenied):
        _import(reviewer, "甲\n")


def test_whitelist_import(registrar):
    services.import_whitelist(by=registrar, data="包过滤\n# 注释\n包过滤\n蠢货们\n".encode(), replace=False)
    assert sorted(WhitelistTerm.objects.values_list("text", flat=True)) == ["包过滤", "蠢货们"]
    version = services.import_whitelist(by=registrar, data="包过滤\n新词\n".encode("gb18030"), replace=True)
    assert sorted(WhitelistTerm.objects.values_list("text", flat=True)) == ["包过滤", "新词"]
    assert version.whitelist_count == 2 and version.whitelist_text == "包过滤\n新词\n"
    with pytest.raises(ValidationFailed) as e:
        services.import_whitelist(by=registrar, data="好\n有\t制表符\n".encode(), replace=True)
    assert e.value.errors["file"] == ["第 2 行：词条中不能有换行或制表符"]
