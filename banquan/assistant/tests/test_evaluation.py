"""The 20 applicant questions of docs/assistant.md: for those judged right, the expected
article is cited first by the embedded default."""

import pytest

from banquan.assistant import answering
from banquan.assistant.tests.evaluation import QUESTIONS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("question", "slug"), [(q, s) for q, s, judged in QUESTIONS if judged == "right"])
def test_right_answers_cite_the_expected_article_first(question, slug):
    answer = answering.answer(question)
    assert answer.confident
    assert answer.sources[0].slug == slug


def test_the_evaluation_has_twenty_fixed_questions():
    assert len(QUESTIONS) == 20 and len({q for q, _, _ in QUESTIONS}) == 20
