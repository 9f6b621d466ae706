"""The pre-registration's states and who may move it where (no database).

filed (待审核) → accepted (已入库) | returned (退回补正) | rejected (不予入库);
returned → filed again when the applicant resubmits. Accepted and rejected are final;
an accepted item may then be converted once into a formal application (a link, not a state).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop

FILED, RETURNED, ACCEPTED, REJECTED = "filed", "returned", "accepted", "rejected"

LABELS = {
    FILED: gettext_noop("待审核"),
    RETURNED: gettext_noop("退回补正"),
    ACCEPTED: gettext_noop("已入库"),
    REJECTED: gettext_noop("不予入库"),
}
CHOICES = list(LABELS.items())
# The applicant may change the form and its media while the office has not decided.
EDITABLE = frozenset({FILED, RETURNED})


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    target: str
    by_office: bool
    reason_required: bool


ACTIONS = {
    a.name: a for a in (
        Action("accept", frozenset({FILED}), ACCEPTED, True, False),
        Action("return", frozenset({FILED}), RETURNED, True, True),
        Action("reject", frozenset({FILED}), REJECTED, True, True),
        Action("resubmit", frozenset({RETURNED}), FILED, False, False),
    )
}
DECISIONS = ("accept", "return", "reject")


class Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check(action_name: str, state: str, *, by_office: bool, reason: str = "") -> Action:
    """The action if it may be taken now; ``Refused`` (message msgid) otherwise."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise Refused(gettext_noop("未知操作。"))
    if action.by_office != by_office:
        raise Refused(gettext_noop("您不能执行此操作。"))
    if state not in action.sources:
        raise Refused(gettext_noop("预登记当前状态下不能执行此操作。"))
    if action.reason_required and not reason.strip():
        raise Refused(gettext_noop("退回或不予入库必须说明理由。"))
    return action
