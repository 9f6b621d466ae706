"""When a question asks for a person rather than an answer. Pure."""

import re

from banquan.assistant.text import normalize

# 人工 alone would also catch 人工智能 (AI-generated works are a real question), so it is
# matched only when not followed by 智能.
_PERSON = re.compile(
    r"转人工|人工(?!智能)|真人|客服人员|人工客服|找客服|联系客服|转客服|工作人员|找人|接线员"
    r"|\b(human|real person|operator|live agent|an agent|a person|someone)\b"
)


def wants_person(question: str) -> bool:
    return bool(_PERSON.search(normalize(question)))
