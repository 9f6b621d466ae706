"""Public search: by number, by Chinese words of the title, by owner name."""

import pytest

from banquan.applications import services as applications
from banquan.records.search import search
from banquan.review import services as review
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def owner(name: str) -> list[dict]:
    return [{**factories.owners()[0], "name": name}]


@pytest.fixture
def works(clock, applicant, reviewer):
    """make(title, owner_name, **fields) -> a Registration, through the real services."""

    def make(title: str, owner_name: str = "张三", **fields):
        app = factories.draft(applicant, title=title, **fields)
        applications.update_draft(applicant=applicant, app_id=app.pk, fields={}, owners=owner(owner_name))
        applications.submit(applicant=applicant, app_id=app.pk)
        review.accept(reviewer=reviewer, app_id=app.pk)
        review.start_review(reviewer=reviewer, app_id=app.pk)
        return review.approve(reviewer=reviewer, app_id=app.pk, reason="通过")

    return make


def numbers(result) -> set[str]:
    rows, total = result
    assert total == len(rows)
    return {r.number for r in rows}


def test_finds_by_number(works):
    a = works("山水长卷")
    works("花鸟小品")
    assert numbers(search(a.number)) == {a.number}
    assert numbers(search(f"  {a.number.replace('-', '－')} ")) == {a.number}  # full-width dashes


def test_finds_by_two_character_chinese_word(works):
    a = works("山水长卷")
    b = works("江南山水图")
    works("花鸟小品")
    assert numbers(search("山水")) == {a.number, b.number}
    assert numbers(search("花鸟")) != set()
    assert numbers(search("长卷")) == {a.number}


def test_finds_by_owner_name(works):
    a = works("山水长卷", owner_name="李四")
    works("花鸟小品", owner_name="王五")
    assert numbers(search("李四")) == {a.number}


def test_absent_words_find_nothing(works):
    works("山水长卷")
    assert search("人物") == ([], 0)
    assert search("山水画") == ([], 0)


def test_longer_query_must_occur_in_one_piece(works):
    # 张三 (owner) and 三丰 (in the title) hold both bigrams of 张三丰, but no text contains it.
    works("三丰山居图", owner_name="张三")
    hit = works("张三丰传", owner_name="王五")
    assert numbers(search("张三丰")) == {hit.number}


def test_case_and_width_do_not_matter(works):
    a = works("ＡＢＣ画册")
    assert numbers(search("abc画")) == {a.number}


def test_one_character_searches_titles(works):
    a = works("山水长卷")
    works("花鸟小品")
    assert numbers(search("卷")) == {a.number}


def test_filters_and_pagination(works):
    arts = [works(f"山水第{i}幅") for i in range(5)]
    film = works("山水纪录片", category="audiovisual")
    assert numbers(search("山水", category="audiovisual")) == {film.number}
    assert search("山水", year=2025) == ([], 0)
    rows, total = search("山水", limit=2, offset=0)
    assert total == 6 and len(rows) == 2
    assert rows[0].number == film.number  # newest first
    rest = search("山水", limit=10, offset=2)[0]
    assert {r.number for r in rest} == {a.number for a in arts[:4]}
    assert search("山水", limit=10, offset=50) == ([], 6)
    assert search("山水第", limit=2, offset=4) == (search("山水第", limit=10)[0][4:], 5)


def test_empty_query_lists_everything(works):
    works("山水长卷")
    works("花鸟小品")
    assert search("")[1] == 2


def test_finds_by_part_of_a_number(works):
    a = works("山水长卷")
    b = works("花鸟小品")
    film = works("纪录片", category="audiovisual")
    assert numbers(search("2026-F-0000")) == {a.number, b.number}
    assert numbers(search("2026-f-00000002")) == {b.number}  # lower-case letter
    assert numbers(search("I-00000001")) == {film.number}
    assert search("国作登字")[1] == 3  # every number starts with it
    assert search("国作登字-2025")[1] == 0


def test_repeated_characters_are_confirmed(works):
    # 哈哈哈 has the single bigram 哈哈, which 哈哈镜 holds without containing 哈哈哈.
    works("哈哈镜")
    hit = works("哈哈哈大笑")
    assert numbers(search("哈哈哈")) == {hit.number}


def test_long_query(works):
    a = works("丝路敦煌飞天壁画临摹长卷之一")
    assert numbers(search("丝路敦煌飞天壁画临摹长卷之一")) == {a.number}
    assert search("丝路敦煌飞天壁画临摹长卷之二") == ([], 0)


def test_common_bigram_walks_newest_first(works, monkeypatch):
    from banquan.records import search as search_module

    # Pretend every bigram is common, so the EXISTS (dense) form and exact ranking are used.
    monkeypatch.setattr(search_module, "RANKING_CAP", 1)
    made = [works(f"山水第{i}幅") for i in range(3)]
    works("花鸟小品")
    rows, total = search("山水", limit=2)
    assert total == 3 and [r.number for r in rows] == [made[2].number, made[1].number]
    assert numbers(search("山水第1")) == {made[1].number}
