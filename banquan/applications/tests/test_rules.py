"""Completeness and consistency rules of the registration form (no database: the rows are
plain objects)."""

import datetime as dt
from types import SimpleNamespace

from banquan.applications import rules
from banquan.testing import factories

TODAY = dt.date(2026, 11, 24)


def application(**overrides):
    fields = {name: "" for name in ("category_note", "nature_note", "source_work_title", "source_work_author",
                                    "derived_how", "offline_display_place")}
    fields.update(rights=[], offline_display=False, offline_display_date=None)
    fields.update(factories.complete_fields(**overrides))
    return SimpleNamespace(**fields)


def people(n_authors=1, owners=None):
    authors = [SimpleNamespace(**a) for a in factories.authors(n_authors)]
    owner_rows = [SimpleNamespace(**o) for o in (owners if owners is not None else factories.owners())]
    return authors, owner_rows


SAMPLE = SimpleNamespace(role="sample")


def problems(app, authors=None, owners=None, samples=None):
    default_authors, default_owners = people()
    return rules.completeness(app, default_authors if authors is None else authors,
                              default_owners if owners is None else owners,
                              [SAMPLE] if samples is None else samples, today=TODAY)


def test_a_complete_application_has_no_problems():
    assert problems(application()) == {}


def test_missing_fields_are_named_in_chinese():
    found = problems(application(title="", category="", purpose=""), samples=[])
    assert found["title"] == ["请填写作品名称。"]
    assert found["category"] == ["请选择作品类别。"]
    assert found["purpose"] == ["请填写创作目的。"]
    assert found["samples"] == ["请至少上传一个作品样本。"]


def test_a_process_video_alone_is_not_a_sample():
    found = problems(application(), samples=[SimpleNamespace(role="process_video")])
    assert "samples" in found


def test_conditional_fields():
    assert "category_note" in problems(application(category="other"))
    derived = problems(application(nature="translation"))
    assert {"source_work_title", "source_work_author"} <= derived.keys()
    assert "derived_how" in problems(application(acquisition="derived"))
    assert "rights" in problems(application(rights_scope="partial"))
    assert "rights" not in problems(application(rights_scope="partial", rights=["reproduction"]))
    shown = problems(application(offline_display=True))
    assert {"offline_display_date", "offline_display_place"} <= shown.keys()


def test_unpublished_work_needs_no_publication_details():
    found = problems(application(publication="unpublished", first_publication_date=None,
                                 first_publication_country="", first_publication_city=""))
    assert found == {}


def test_joint_work_needs_two_authors():
    authors, _ = people(n_authors=1)
    assert "合作创作" in problems(application(creation_mode="joint"), authors=authors)["authors"][0]
    authors, _ = people(n_authors=2)
    assert "authors" not in problems(application(creation_mode="joint"), authors=authors)


def test_owner_problems_are_keyed_by_row():
    good, bad = factories.owners()[0], {**factories.owners()[0], "id_number": "110105194912310021"}
    _, owners = people(owners=[good, bad])
    found = problems(application(), owners=owners)
    assert list(found) == ["owners.1.id_number"]
    assert "校验位" in found["owners.1.id_number"][0]


def test_date_rules():
    assert rules.field_problems({"completion_date": TODAY + dt.timedelta(days=1)}, TODAY) == {
        "completion_date": ["创作完成日期不能晚于今天。"]}
    before = rules.field_problems({"completion_date": dt.date(2026, 5, 1),
                                   "first_publication_date": dt.date(2026, 4, 1)}, TODAY)
    assert before == {"first_publication_date": ["首次发表日期不能早于创作完成日期。"]}
    assert "first_publication_date" in rules.field_problems(
        {"publication": "unpublished", "first_publication_date": dt.date(2026, 4, 1)}, TODAY)
    assert "offline_display_date" in rules.field_problems({"offline_display_date": TODAY - dt.timedelta(days=1)},
                                                          TODAY)
    assert rules.field_problems({"completion_date": TODAY, "first_publication_date": TODAY}, TODAY) == {}


def test_person_problems_match_document_to_kind():
    assert rules.person_problems("person", "resident_id", factories.VALID_ID) == {}
    assert "id_type" in rules.person_problems("enterprise", "resident_id", factories.VALID_ID)
    assert "id_type" in rules.person_problems("person", "uscc", "91350100M000100Y43")
    assert rules.person_problems("enterprise", "uscc", "91350100M000100Y43") == {}
