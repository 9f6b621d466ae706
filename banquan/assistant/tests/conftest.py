import pytest

from banquan.assistant import services
from banquan.assistant.models import Conversation


@pytest.fixture
def handed_over(db, applicant):
    conversation, _ = services.ask(question="我要转人工", user=applicant)
    assert conversation.state == Conversation.State.WAITING
    return conversation
