"""Answering one question: retrieval over the knowledge base, then the embedded extractive
answer or — with a model configured (``BANQUAN_LLM_BASE_URL``) — the model's answer written
from the retrieved passages only.

The model is asked only when retrieval is confident: an unsure question goes to a person
anyway, and a model given weak passages is the likeliest to invent an answer. Its answer keeps
the citations of the passages it was given (those it cites as [n], or all of them); if the
model fails, times out or answers empty, the embedded answer is returned instead, so the user
always sees an answer.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings

from banquan.assistant import index
from banquan.assistant.compose import Answer, Source, compose
from banquan.assistant.knowledge import plain
from banquan.assistant.retrieval import Result
from banquan.core import llm

log = logging.getLogger(__name__)

MODEL_PASSAGES = 4
NO_INFORMATION = "资料中没有相关内容"

SYSTEM_PROMPT = (
    "你是{office}的智能客服，回答著作权登记申请人的问题。"
    "只能根据用户消息中编号的资料回答，不得使用资料以外的知识，不得编造期限、费用或材料；"
    "每句话后用 [编号] 标注所依据的资料。资料不足以回答时，只回答“" + NO_INFORMATION + "”。"
    "使用简体中文，简洁，不超过 200 字。"
)


def retrieve(question: str) -> Result:
    return index.current().search(question)


def answer(question: str) -> Answer:
    result = retrieve(question)
    embedded = compose(result)
    model = llm.model()
    if model is None or not result.confident:
        return embedded
    try:
        return _model_answer(model, result)
    except llm.ModelUnavailable as e:
        log.warning("assistant: the model failed, answering from retrieval: %s", e)
        return embedded


def prompt(result: Result) -> list[llm.Message]:
    hits = result.hits[:MODEL_PASSAGES]
    material = "\n\n".join(f"[{n}] {Source.of(h.passage).label}\n{plain(h.passage.text)}" for n, h in enumerate(hits, 1))
    return [
        llm.Message("system", SYSTEM_PROMPT.format(office=settings.BANQUAN_OFFICE_NAME)),
        llm.Message("user", f"资料：\n{material}\n\n问题：{result.question}"),
    ]


_CITATION = re.compile(r"\[(\d+)\]")


def _model_answer(model: llm.LanguageModel, result: Result) -> Answer:
    given = [Source.of(h.passage) for h in result.hits[:MODEL_PASSAGES]]
    reply = model.chat(prompt(result), temperature=0.1, max_tokens=600)
    if NO_INFORMATION in reply:
        return Answer(reply, given, confident=False, via="model")
    cited = sorted({int(n) for n in _CITATION.findall(reply) if 1 <= int(n) <= len(given)})
    if not cited:
        return Answer(reply, given, confident=True, via="model")
    # Renumber so the answer's [n] point at the listed sources 1, 2, …
    renumber = {old: new for new, old in enumerate(cited, 1)}
    text = _CITATION.sub(lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "", reply)
    return Answer(text, [given[n - 1] for n in cited], confident=True, via="model")
