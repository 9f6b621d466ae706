"""Normalising and tokenizing Chinese (and English) text for retrieval. Pure: no Django.

Questions arrive in simplified or traditional characters, full- or half-width, with English
mixed in; passages are simplified Chinese. Both sides go through ``normalize`` (NFKC,
traditional → simplified characters with OpenCC ``t2s``, lower case) and then
rjieba's search-mode cut, which also yields the shorter words inside long ones (著作权 →
著作, 著作权), so a question's 著作 still meets a passage's 著作权.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc
import rjieba

# Words that carry no meaning for retrieval: particles, question words and the polite frame
# of a question ("请问……需要……吗"). Subject words (登记, 证书) are kept: BM25's idf weighs them.
STOPWORDS = frozenset("""
的 了 吗 呢 吧 啊 呀 么 嘛 是 在 和 与 及 或 就 都 也 还 又 把 被 给 让 对 从 向 到 为 以 于 之 其 这 那 哪
我 我们 你 您 你们 他 她 它 他们 自己 请问 请 问 想 想要 要 需要 应该 应当 可以 能 能不能 可不可以 会 得
怎么 怎么样 怎样 如何 什么 啥 哪些 哪个 多少 几 一下 一个 有 没有 有没有 吗 是否 还是 如果 那么 一些
个 些 下 上 中 时 后 前 里 等 等等 不 还有 还能 还 办 为什么 为啥 哪里 哪儿 在哪 看 以后 之后 内 准备 被
会 才 再 去 来 用 做 弄 搞 行 好 呢 谁 多 少 多长 需 一般 现在 已经 and or the a an of to is are
do does how what can i my
""".split())

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)

# A few everyday words applicants use for the terms the regulations use. Applied to both the
# question and the passages' own words would double-count, so only to the question.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "丢": ("遗失", "丢失"), "丢失": ("遗失",), "丢了": ("遗失",), "掉": ("遗失",), "弄丢": ("遗失",),
    "坏": ("损坏",), "破": ("破损",),
    "钱": ("费用", "收费"), "交费": ("收费", "费用"), "缴费": ("收费", "费用"), "付费": ("收费",),
    "收钱": ("收费",), "免费": ("收费",), "花钱": ("收费",), "费": ("收费",),
    "多久": ("期限",), "多长时间": ("期限",), "几天": ("期限", "工作日"), "时间": ("期限",),
    "工作日": ("期限",), "老外": ("外国人",), "外籍": ("外国人",), "境外": ("外国人",),
    "代码": ("源程序", "源代码"), "源代码": ("源程序",), "程序": ("源程序",), "页数": ("页",),
    "软著": ("软件", "著作权"), "版权": ("著作权",), "改": ("变更",), "修改": ("变更",), "更正": ("变更",),
    "写错": ("变更", "有误"), "错": ("有误",), "贷款": ("质押", "出质"), "抵押": ("质押", "出质"),
    "质押": ("出质",), "进度": ("状态",), "真假": ("真伪", "核验"), "真的": ("真伪", "核验"),
    "假": ("真伪",), "查询": ("核验",), "保密": ("商业秘密", "例外交存"), "秘密": ("例外交存",),
    "不想": ("例外交存",), "照片": ("摄影",), "图片": ("摄影", "美术"), "备案": ("合同",),
    "冻结": ("查封",), "作废": ("撤销",), "注销": ("撤销",),
    "软体": ("软件",), "程式": ("程序", "源程序"), "著作权法": ("著作权",),
}

# t2s, not tw2sp: the phrase tables of tw2sp also rewrite simplified text (程序 → 进程, the
# Taiwan sense of 程序); Taiwan words are covered by SYNONYMS (软体 → 软件) instead.
_converter = opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """NFKC (full-width → half-width), traditional → simplified, lower case."""
    return _converter.convert(unicodedata.normalize("NFKC", text)).lower()


def tokens(text: str) -> list[str]:
    """The content words of ``text`` in order, repeats kept (BM25 counts them)."""
    out = []
    for word in rjieba.cut_for_search(normalize(text)):
        word = _PUNCT.sub("", word)
        if word and word not in STOPWORDS:
            out.append(word)
    return out


def query_tokens(text: str) -> list[str]:
    """A question's words plus the regulation terms for its everyday words, each once."""
    seen: dict[str, None] = {}
    for word in tokens(text):
        seen.setdefault(word, None)
        for alt in SYNONYMS.get(word, ()):
            seen.setdefault(alt, None)
    return list(seen)


_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n+")


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (at 。！？； and line breaks), each stripped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
