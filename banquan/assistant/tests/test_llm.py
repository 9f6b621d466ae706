"""With a model configured it writes the answer from the retrieved passages; when it fails the
user still gets the embedded answer. The model is served on loopback (fake_llm)."""

import pytest

from banquan.assistant import answering, services

pytestmark = pytest.mark.django_db


def test_the_model_answers_from_the_numbered_passages_and_keeps_their_citations(fake_llm):
    fake_llm.reply = lambda messages: "证书遗失的，可以在登记后业务中申请补发 [2]。"
    answer = answering.answer("证书丢了怎么办？")
    assert answer.via == "model" and answer.text == "证书遗失的，可以在登记后业务中申请补发 [1]。"
    sent = fake_llm.requests[-1]["body"]["messages"]
    assert "只能根据" in sent[0]["content"]
    user = fake_llm.last_user_message()
    assert "[1] 登记证书的补发和换发 · 证书丢失或损坏怎么办" in user and "问题：证书丢了怎么办？" in user
    given = answering.retrieve("证书丢了怎么办？").hits
    assert [s.heading for s in answer.sources] == [given[1].passage.heading]
    assert fake_llm.requests[-1]["authorization"] == "Bearer sk-test"


def test_a_model_answer_without_citations_cites_every_passage_it_was_given(fake_llm):
    fake_llm.reply = lambda messages: "可以申请补发。"
    answer = answering.answer("证书丢了怎么办？")
    assert answer.text == "可以申请补发。" and len(answer.sources) == min(4, len(answering.retrieve("证书丢了怎么办？").hits))


def test_the_model_saying_it_does_not_know_hands_over(fake_llm):
    fake_llm.reply = lambda messages: "资料中没有相关内容。"
    conversation, added = services.ask(question="证书丢了怎么办？")
    assert added[1].via == "model" and not added[1].confident
    assert conversation.state == conversation.State.WAITING


@pytest.mark.parametrize("failure", ["status", "timeout"])
def test_a_failing_model_falls_back_to_the_embedded_answer(fake_llm, settings, failure):
    from banquan.core import plugins

    if failure == "status":
        fake_llm.status = 503
    else:
        fake_llm.delay = 2.0
        settings.BANQUAN_LLM_TIMEOUT = 0.3
        plugins.reset()
    _, added = services.ask(question="证书丢了怎么办？")
    assert fake_llm.requests  # the model was asked
    assert added[1].via == "retrieval" and "补发" in added[1].text and added[1].sources[0]["slug"] == "reissue"


def test_the_model_is_not_asked_when_retrieval_is_unsure(fake_llm):
    answer = answering.answer("今天天气怎么样")
    assert not answer.confident and not fake_llm.requests
