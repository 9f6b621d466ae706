"""The language-model interface against an OpenAI-compatible server on loopback."""

import pytest

from banquan.core import llm, plugins


def test_without_a_configured_model_there_is_none(settings):
    settings.BANQUAN_LLM = "banquan.core.llm.NoModel"
    plugins.reset()
    assert llm.model() is None


def test_chat_sends_the_messages_and_returns_the_answer(fake_llm):
    fake_llm.reply = lambda messages: f"收到：{messages[-1]['content']}"
    lm = llm.model()
    assert lm is not None
    answer = lm.chat([llm.Message("system", "你是登记助手"), llm.Message("user", "登记要多久？")])
    assert answer == "收到：登记要多久？"
    request = fake_llm.requests[-1]
    assert request["authorization"] == "Bearer sk-test"
    assert request["body"]["model"] == "fake-deepseek"
    assert [m["role"] for m in request["body"]["messages"]] == ["system", "user"]


def test_a_failing_provider_raises_model_unavailable(fake_llm):
    fake_llm.status = 503
    with pytest.raises(llm.ModelUnavailable):
        llm.model().chat([llm.Message("user", "你好")])


def test_chat_json_accepts_a_fenced_answer_and_refuses_prose(fake_llm):
    fake_llm.reply = lambda messages: '```json\n{"category": "fine_art"}\n```'
    assert llm.chat_json(llm.model(), [llm.Message("user", "?")]) == {"category": "fine_art"}
    fake_llm.reply = lambda messages: "我觉得是美术作品"
    with pytest.raises(llm.ModelUnavailable):
        llm.chat_json(llm.model(), [llm.Message("user", "?")])
