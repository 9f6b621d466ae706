"""The application state machine (no database).

draft → submitted → accepted (受理) → in_review → correction_requested (补正) ⇄ resubmitted
→ approved → registered; or rejected, or withdrawn. Each action names the states it starts
from, the state it leads to, who may take it, and whether a reason is required.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    CORRECTION_REQUESTED = "correction_requested"
    RESUBMITTED = "resubmitted"
    APPROVED = "approved"
    REGISTERED = "registered"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


LABELS_ZH = {
    State.DRAFT: gettext_noop("草稿"),
    State.SUBMITTED: gettext_noop("已提交"),
    State.ACCEPTED: gettext_noop("已受理"),
    State.IN_REVIEW: gettext_noop("审查中"),
    State.CORRECTION_REQUESTED: gettext_noop("待补正"),
    State.RESUBMITTED: gettext_noop("已补正"),
    State.APPROVED: gettext_noop("审查通过"),
    State.REGISTERED: gettext_noop("已登记"),
    State.REJECTED: gettext_noop("不予登记"),
    State.WITHDRAWN: gettext_noop("已撤回"),
}

TERMINAL = frozenset({State.REGISTERED, State.REJECTED, State.WITHDRAWN})
# States in which the review clock runs (acceptance has happened, no decision yet).
CLOCK_RUNNING = frozenset({State.ACCEPTED, State.IN_REVIEW, State.RESUBMITTED})
# States in which the office owes the applicant something: shown on the reviewer queue.
QUEUED = frozenset({State.SUBMITTED, State.ACCEPTED, State.IN_REVIEW, State.RESUBMITTED})


class Actor(StrEnum):
    APPLICANT = "applicant"  # the application's own applicant
    REVIEWER = "reviewer"  # reviewer, special review group member or registrar
    SYSTEM = "system"


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[State]
    target: State
    actor: Actor
    reason_required: bool
    label_zh: str


def _a(name, sources, target, actor, reason, label) -> Action:
    return Action(name, frozenset(sources), target, actor, reason, label)


_S = State
ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        _a("submit", {_S.DRAFT}, _S.SUBMITTED, Actor.APPLICANT, False, gettext_noop("提交申请")),
        _a("accept", {_S.SUBMITTED}, _S.ACCEPTED, Actor.REVIEWER, False, gettext_noop("受理")),
        _a("start_review", {_S.ACCEPTED, _S.RESUBMITTED}, _S.IN_REVIEW, Actor.REVIEWER, False, gettext_noop("开始审查")),
        _a("request_correction", {_S.IN_REVIEW, _S.RESUBMITTED}, _S.CORRECTION_REQUESTED,
           Actor.REVIEWER, True, gettext_noop("要求补正")),
        _a("resubmit", {_S.CORRECTION_REQUESTED}, _S.RESUBMITTED, Actor.APPLICANT, False, gettext_noop("提交补正")),
        _a("approve", {_S.IN_REVIEW, _S.RESUBMITTED}, _S.APPROVED, Actor.REVIEWER, True, gettext_noop("审查通过")),
        _a("register", {_S.APPROVED}, _S.REGISTERED, Actor.SYSTEM, False, gettext_noop("登记")),
        _a("reject", {_S.SUBMITTED, _S.ACCEPTED, _S.IN_REVIEW, _S.RESUBMITTED}, _S.REJECTED,
           Actor.REVIEWER, True, gettext_noop("不予登记")),
        _a("withdraw", {_S.SUBMITTED, _S.ACCEPTED, _S.IN_REVIEW, _S.CORRECTION_REQUESTED, _S.RESUBMITTED},
           _S.WITHDRAWN, Actor.APPLICANT, True, gettext_noop("撤回申请")),
    )
}

# The actions a reviewer chooses between on the decision form.
DECISIONS = ("approve", "request_correction", "reject")


class TransitionRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check(action_name: str, current: State | str, actor: Actor, reason: str = "") -> Action:
    """Return the action if ``actor`` may take it from ``current``; raise with a clear message."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise TransitionRefused(_("未知操作“%(action)s”。") % {"action": action_name})
    state = State(current)
    if state not in action.sources:
        allowed = _("、").join(_(LABELS_ZH[s]) for s in sorted(action.sources))
        raise TransitionRefused(
            _("申请当前状态为“%(state)s”，不能%(action)s；只有处于%(allowed)s状态的申请可以。")
            % {"state": _(LABELS_ZH[state]), "action": _(action.label_zh), "allowed": allowed}
        )
    if actor != action.actor and actor != Actor.SYSTEM:
        raise TransitionRefused(_("您无权执行“%(action)s”操作。") % {"action": _(action.label_zh)})
    if action.reason_required and not reason.strip():
        raise TransitionRefused(_("“%(action)s”必须填写理由。") % {"action": _(action.label_zh)})
    return action


def available(current: State | str, actor: Actor) -> list[Action]:
    state = State(current)
    return [a for a in ACTIONS.values() if state in a.sources and a.actor == actor]
