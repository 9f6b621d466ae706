"""Tokenizing, ranking, composing and the confidence rule, on small made-up articles (no database)."""

from banquan.assistant import compose, knowledge, rules, text
from banquan.assistant.retrieval import Index

FEES = """# 登记费用
> 依据：示例
## 作品登记收费
作品登记的收费由登记机构确定。本机构对本地作品登记免收费用。
## 软件登记收费
国家停止征收计算机软件著作权登记费。
"""
REISSUE = """# 证书补发
## 证书遗失
登记证书遗失的，可以申请补发。补发的证书与原证书效力相同。
## 办理期限
本机构自申请之日起 5 个工作日内办结。办结后可以下载电子证书。
"""


def _index() -> Index:
    return Index([*knowledge.passages("fees", "登记费用", FEES), *knowledge.passages("reissue", "证书补发", REISSUE)])


def test_normalizing_folds_traditional_full_width_and_case():
    assert text.normalize("軟體著作權ＡＢＣ") == "软体著作权abc"
    assert "程序" in text.tokens("源程序")  # not turned into the Taiwan sense 进程
    assert text.tokens("證書遺失了怎麼辦？") == text.tokens("证书遗失了怎么办?")


def test_question_words_are_dropped_and_everyday_words_expanded():
    words = text.query_tokens("请问证书丢了怎么办？")
    assert "证书" in words and "遗失" in words
    assert "请问" not in words and "怎么" not in words


def test_articles_are_cut_into_sections_with_anchors():
    found = knowledge.passages("fees", "登记费用", FEES)
    assert [(p.heading, p.anchor) for p in found] == [("作品登记收费", "s1"), ("软件登记收费", "s2")]
    assert knowledge.basis_of(FEES) == "依据：示例"


def test_ranking_finds_the_section_that_answers():
    result = _index().search("證書丟了怎麼辦")
    assert result.hits[0].passage.heading == "证书遗失"
    assert result.confident
    assert _index().search("软件登记要交钱吗").hits[0].passage.heading == "软件登记收费"


def test_composed_answer_is_the_best_sentences_with_their_source():
    answer = compose.compose(_index().search("证书遗失怎么补发"))
    assert answer.confident
    assert answer.text.startswith("登记证书遗失的，可以申请补发。")
    assert answer.text.endswith("[1]")
    assert "5 个工作日" not in answer.text.split("[1]")[0]  # another section is not dumped into [1]
    assert answer.sources[0] == compose.Source("reissue", "证书补发", "证书遗失", "s1")


def test_an_unrelated_question_is_unsure():
    for question in ("今天天气怎么样", "商标申请注册流程"):
        answer = compose.compose(_index().search(question))
        assert not answer.confident
        assert answer.text.startswith(compose.UNSURE)


def test_a_question_sharing_only_a_common_word_is_unsure():
    result = _index().search("登记机构的办公地址和电话")
    assert result.hits and not result.confident


def test_asking_for_a_person():
    for question in ("转人工", "我要人工客服", "能找工作人员吗", "I want to talk to a human"):
        assert rules.wants_person(question), question
    for question in ("人工智能生成的图片能登记吗", "证书丢了怎么办"):
        assert not rules.wants_person(question), question
