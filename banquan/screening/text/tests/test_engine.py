"""The engine finds evasions and points at the exact place in the original text."""

import random

import pytest

from banquan.screening.text import FUZZY_KINDS, Screener, Term
from banquan.screening.text.fold import fold, fold_python, native_available

LEXICON = [
    Term("法轮功", "政治", 5), Term("代开发票", "违法广告", 2), Term("张三丰", "测试", 1),
    Term("fuck", "辱骂", 2), Term("毛主席", "政治", 4), Term("长征", "重大题材", 3),
]


@pytest.fixture(scope="module")
def screener():
    return Screener.build(LEXICON, ["长征路"])


def only(screener, text):
    hits = screener.scan(text)
    assert len(hits) == 1, hits
    hit = hits[0]
    assert text[hit.start:hit.end] == hit.matched
    return hit


@pytest.mark.parametrize("text, term, kind, matched", [
    ("他练法轮功。", "法轮功", "exact", "法轮功"),
    ("他练法-轮-功。", "法轮功", "normalized", "法-轮-功"),
    ("他练<b>法</b>轮\n功", "法轮功", "normalized", "法</b>轮\n功"),
    ("他练法輪功", "法轮功", "normalized", "法輪功"),
    ("他练法法法轮轮功", "法轮功", "normalized", "法法法轮轮功"),
    ("专业代kai发piao", "代开发票", "pinyin", "代kai发piao"),
    ("专业 daikaifapiao 服务", "代开发票", "pinyin", "daikaifapiao"),
    ("专业 dkfp 服务", "代开发票", "initials", "dkfp"),
    ("他练法仑功", "法轮功", "homophone", "法仑功"),
    ("武当弓长三丰", "张三丰", "split", "弓长三丰"),
    ("Ⓕⓤc⒦ you", "fuck", "normalized", "Ⓕⓤc⒦"),
    ("ｆｕｃｋ", "fuck", "normalized", "ｆｕｃｋ"),
    ("fаck", "fuck", None, None),  # Cyrillic а is a homoglyph of a, not of u
    ("fuсk", "fuck", "homoglyph", "fuсk"),  # Cyrillic с
])
def test_evasions_are_found_at_their_place(screener, text, term, kind, matched):
    hits = [h for h in screener.scan(text) if h.term == term]
    if kind is None:
        assert hits == []
        return
    assert [(h.kind, h.matched) for h in hits] == [(kind, matched)]
    assert text[hits[0].start:hits[0].end] == matched


def test_fuzzy_kinds_are_marked(screener):
    assert only(screener, "他练法仑功").kind in FUZZY_KINDS
    assert only(screener, "他练法轮功").kind not in FUZZY_KINDS


def test_english_terms_match_whole_words_only(screener):
    assert screener.scan("the fuckers") == []
    assert only(screener, "you fuck!").matched == "fuck"


def test_a_covering_whitelist_term_suppresses_a_hit_a_shorter_one_does_not():
    s = Screener.build([Term("长征"), Term("操你妈")], ["长征路", "你"])
    assert s.scan("走在长征路上") == []
    assert [h.matched for h in s.scan("长征精神")] == ["长征"]
    assert [h.matched for h in s.scan("操你妈")] == ["操你妈"]


def test_overlapping_terms_are_all_reported():
    s = Screener.build([Term(t) for t in ("中国", "国人", "中国人")])
    assert sorted(h.matched for h in s.scan("我是中国人")) == ["中国", "中国人", "国人"]


def test_category_and_level_travel_with_the_hit(screener):
    hit = only(screener, "毛——主——席")
    assert (hit.term, hit.category, hit.level) == ("毛主席", "政治", 4)


def test_category_filter(screener):
    assert screener.scan("法轮功 长征", categories=["重大题材"])[0].term == "长征"


def test_contact_details_only_when_asked():
    text = "微信 1３8⓪⓪1３8000，邮箱 a@b.com"
    assert Screener.build([]).scan(text) == []
    s = Screener.build([], detect_contacts=True)
    assert [h.term for h in s.scan(text)] == ["数字串", "邮箱"]


@pytest.mark.skipif(not native_available(), reason="C extension not built")
def test_native_folding_matches_the_python_twin():
    samples = ["<p>傻逼</p>", "ⒻⒻⒻfⓤuⓤ⒰cⓒ⒦ the", "1000 哈 哈哈 &nbsp;a&amp;b <不是标签 a<b", "𠀀𠀁 ℉Ⅻ",
               "", "<" * 5 + "a" * 300 + ">"]
    rnd = random.Random(7)
    alphabet = "法轮功 <>/&;#abcAB12３一二⓪①Ⓕ，。！\n長𠀀é"
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) for _ in range(300)]
    for text in samples:
        a, b = fold(text), fold_python(text)
        assert (a.symbols, a.tokens, list(a.starts), list(a.ends)) == \
               (b.symbols, b.tokens, list(b.starts), list(b.ends)), text


@pytest.mark.parametrize("term, text, kind, matched", [
    ("出售硝酸铵qq", "出收硝酸铵qq", "homophone", "出收硝酸铵qq"),  # the term's own letters are not pinyin
    ("高仿汽枪转让qq", "高仿汽qiang转让qq。", "pinyin", "高仿汽qiang转让qq"),
    ("什么什么大冒险", "玩什me什么大冒险", "pinyin", "什me什么大冒险"),  # 么 is not 幺 (one)
    ("肏妹妹的小骚屄", "肏妹mei的小骚屄", "pinyin", "肏妹mei的小骚屄"),  # a doubled character spelled once
])
def test_mixed_terms_and_doubled_characters(term, text, kind, matched):
    hits = Screener.build([Term(term)]).scan(text)
    assert [(h.kind, h.matched) for h in hits] == [(kind, matched)]


@pytest.mark.skipif(not native_available(), reason="C extension not built")
def test_native_and_python_scanning_find_the_same_hits(monkeypatch):
    from banquan.screening.text import fold as fold_module
    from banquan.screening.text.tests import upstream

    texts = [c.text for c in upstream.load()] if upstream.CASES.exists() else []
    texts += ["专业代kai发piao dkfp 法仑功 弓长三丰 Ⓕⓤc⒦ fuсk 出收硝酸铵qq 玩什me什么大冒险 the fuckers BJ",
              "<p>毛</p>主-席 长征路上 长征精神 avhave av 1av2"]
    terms = [Term(t) for t in ("法轮功", "代开发票", "张三丰", "fuck", "毛主席", "长征", "出售硝酸铵qq", "什么什么大冒险",
                               "北京", "av", "我的世界", "中国", "国人", "中国人", "sb")]
    screener = Screener.build(terms, ["长征路"])
    native = [screener.scan(t) for t in texts]
    monkeypatch.setattr(fold_module, "_native", None)
    assert [screener.scan(t) for t in texts] == native
    assert any(native)
