"""The application state machine (no database).

draft → submitted → accepted (受理) → in_review → correction_requested (补正) ⇄ resubmitted
→ approved → registered; or rejected, or withdrawn. Each action names the states it starts
from, the state it leads to, who may take it, and whether a reason is required.
"""

from dataclasses import dataclass
from enum import StrEnum


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
    State.DRAFT: "草稿",
    State.SUBMITTED: "已提交",
    State.ACCEPTED: "已受理",
    State.IN_REVIEW: "审查中",
    State.CORRECTION_REQUESTED: "待补正",
    State.RESUBMITTED: "已补正",
    State.APPROVED: "审查通过",
    State.REGISTERED: "已登记",
    State.REJECTED: "不予登记",
    State.WITHDRAWN: "已撤回",
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
        _a("submit", {_S.DRAFT}, _S.SUBMITTED, Actor.APPLICANT, False, "提交申请"),
        _a("accept", {_S.SUBMITTED}, _S.ACCEPTED, Actor.REVIEWER, False, "受理"),
        _a("start_review", {_S.ACCEPTED, _S.RESUBMITTED}, _S.IN_REVIEW, Actor.REVIEWER, False, "开始审查"),
        _a("request_correction", {_S.IN_REVIEW, _S.RESUBMITTED}, _S.CORRECTION_REQUESTED,
           Actor.REVIEWER, True, "要求补正"),
        _a("resubmit", {_S.CORRECTION_REQUESTED}, _S.RESUBMITTED, Actor.APPLICANT, False, "提交补正"),
        _a("approve", {_S.IN_REVIEW, _S.RESUBMITTED}, _S.APPROVED, Actor.REVIEWER, True, "审查通过"),
        _a("register", {_S.APPROVED}, _S.REGISTERED, Actor.SYSTEM, False, "登记"),
        _a("reject", {_S.SUBMITTED, _S.ACCEPTED, _S.IN_REVIEW, _S.RESUBMITTED}, _S.REJECTED,
           Actor.REVIEWER, True, "不予登记"),
        _a("withdraw", {_S.SUBMITTED, _S.ACCEPTED, _S.IN_REVIEW, _S.CORRECTION_REQUESTED, _S.RESUBMITTED},
           _S.WITHDRAWN, Actor.APPLICANT, True, "撤回申请"),
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
        raise TransitionRefused(f"未知操作“{action_name}”。")
    state = State(current)
    if state not in action.sources:
        allowed = "、".join(LABELS_ZH[s] for s in sorted(action.sources))
        raise TransitionRefused(
            f"申请当前状态为“{LABELS_ZH[state]}”，不能{action.label_zh}；只有处于{allowed}状态的申请可以。"
        )
    if actor != action.actor and actor != Actor.SYSTEM:
        raise TransitionRefused(f"您无权执行“{action.label_zh}”操作。")
    if action.reason_required and not reason.strip():
        raise TransitionRefused(f"“{action.label_zh}”必须填写理由。")
    return action


def available(current: State | str, actor: Actor) -> list[Action]:
    state = State(current)
    return [a for a in ACTIONS.values() if state in a.sources and a.actor == actor]
