"""The pure parts: form inconsistencies the completeness rules let through, the masking of ID
numbers before anything reaches the model, and the checks on the model's answers."""

import datetime as dt

from banquan.suggestions import answers, consistency, masking
from banquan.testing.factories import VALID_ID

PERSON = {"kind": "person", "name": "张三", "id_type": "resident_id", "id_number": VALID_ID}
FIRM = {"kind": "enterprise", "name": "星河文化有限公司", "id_type": "uscc", "id_number": "91350100M000100Y43"}
AUTHOR = {"name": "张三", "signature": "山人"}
FIELDS = {"title": "山水长卷", "category": "fine_art", "nature": "original", "creation_mode": "independent",
          "acquisition": "original", "rights_scope": "all", "rights": [], "completion_date": dt.date(2026, 3, 1)}
IMAGE = {"media_type": "image", "role": "sample"}


def codes(fields=None, *, authors=(AUTHOR,), owners=(PERSON,), samples=(IMAGE,), software=None):
    found = consistency.remarks({**FIELDS, **(fields or {})}, authors=list(authors), owners=list(owners),
                                samples=list(samples), software=software)
    return {r.code for r in found}


def test_a_consistent_form_has_no_remarks():
    assert codes() == set()


def test_an_employment_work_without_an_organisation_among_the_owners():
    assert "employment_without_org" in codes({"creation_mode": "employment"})
    assert "employment_without_org" not in codes({"creation_mode": "employment"}, owners=[PERSON, FIRM])


def test_a_legal_person_work_is_owned_and_authored_by_the_organisation():
    found = codes({"creation_mode": "legal_person"}, owners=[PERSON, FIRM])
    assert {"legal_person_owned_by_person", "legal_person_author"} <= found
    assert codes({"creation_mode": "legal_person"}, owners=[FIRM], authors=[{"name": FIRM["name"]}]) == set()


def test_independent_creation_with_several_authors():
    assert "independent_many_authors" in codes(authors=[AUTHOR, {"name": "李四"}])
    assert "independent_many_authors" not in codes({"creation_mode": "joint"}, authors=[AUTHOR, {"name": "李四"}])


def test_original_acquisition_by_someone_who_is_not_an_author():
    assert "original_owner_not_author" in codes(owners=[{**PERSON, "name": "王五"}])
    # the author's pen name counts as the author
    assert "original_owner_not_author" not in codes(owners=[{**PERSON, "name": "山人"}])
    assert "derived_owner_is_author" in codes({"acquisition": "derived"})


def test_a_person_with_an_organisations_name():
    found = consistency.remarks(FIELDS, authors=[AUTHOR], owners=[PERSON, {**PERSON, "name": "星河工作室"}],
                                samples=[IMAGE])
    remark = next(r for r in found if r.code == "person_named_like_org")
    assert remark.field == "owners.1.kind"
    assert "星河工作室" in remark.message


def test_a_work_completed_before_its_author_was_born():
    # VALID_ID was born on 1949-12-31
    assert "completed_before_birth" in codes({"completion_date": dt.date(1949, 6, 1)})
    assert "completed_before_birth" not in codes({"completion_date": dt.date(1950, 1, 1)})


def test_nature_rights_and_category_against_the_samples():
    assert "original_with_source" in codes({"source_work_title": "原著"})
    every = sorted(consistency.ALL_RIGHTS)
    assert "partial_with_all_rights" in codes({"rights_scope": "partial", "rights": every})
    assert "all_with_some_rights" in codes({"rights": ["reproduction"]})
    assert "category_without_matching_sample" in codes({"category": "audiovisual"})
    assert "category_without_matching_sample" not in codes({"category": "audiovisual"},
                                                           samples=[{"media_type": "video", "role": "sample"}])
    assert "category_without_matching_sample" not in codes({"category": "written"})


def test_software_version_in_the_name_and_other_software_remarks():
    sw = {"version": "V1.0", "short_name": "", "nature": "original", "development_mode": "independent"}
    assert codes({"title": "星河排课系统V2.0"}, software=sw) == {"title_version_differs"}
    assert codes({"title": "星河排课系统V1.0"}, software=sw) == {"title_has_version"}
    assert codes({"title": "星河排课系统"}, software=sw) == set()
    assert "independent_many_owners" in codes({"title": "星河排课系统"}, software=sw, owners=[PERSON, FIRM])
    assert "original_with_modification_note" in codes({"title": "星河排课系统"},
                                                       software={**sw, "modification_note": "翻译自英文版"})


def test_id_numbers_are_masked_in_free_text():
    text = f"作者身份证 {VALID_ID}，公司代码 91350100M000100Y43，护照 E12345678，电话 13800138000。"
    masked = masking.mask(text, known=["E12345678"])
    assert VALID_ID not in masked and "91350100M000100Y43" not in masked and "E12345678" not in masked
    assert "13800138000" in masked  # an 11-digit phone number is not an ID number
    assert masked.count(masking.HIDDEN) == 3


def test_a_category_answer_must_name_a_statutory_category():
    assert answers.category({"category": "photography", "reason": "样本是照片。"}).code == "photography"
    assert answers.category({"category": "摄影", "reason": "样本是照片。"}).code == "photography"
    assert answers.category({"category": "software", "reason": "是程序。"}) is None
    assert answers.category({"category": "music", "reason": ""}) is None
    assert answers.category(["music"]) is None


def test_remarks_are_checked_and_capped():
    raw = {"remarks": [{"field": "title", "message": "名称与样本不符。"}, {"field": "nonsense", "message": "x"},
                       {"field": "title", "message": ""}, "junk", {"field": "title", "message": "名称与样本不符。"}]
           + [{"message": f"第 {i} 条"} for i in range(10)]}
    found = answers.remarks(raw, {"title"})
    assert found[0] == {"field": "title", "message": "名称与样本不符。"}
    assert found[1] == {"field": "", "message": "x"}
    assert len(found) == answers.MAX_REMARKS
    assert answers.remarks("not a list", {"title"}) == []
