"""The application state machine (no database).

draft → submitted → accepted (受理) → in_review → correction_requested (补正) ⇄ resubmitted
→ approved → registered; or rejected, or withdrawn. Each action names the states it starts
from, the state it leads to, who may take it, and whether a reason is required.

An application marked for special review (专项复审: hits in a major-topic category, or sent
there by a reviewer) is not registered on the reviewer's approval: ``first_approve`` takes it
to ``special_review``, where a member of the special review group who did not make the first
approval approves it (→ approved → registered), returns it to the reviewer (→ in_review) or
rejects it. Which approval applies is ``approval_action``; who may take the second decision
beyond the actor kind (not the first approver) needs the database and is checked by
``review.services``.
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
    SPECIAL_REVIEW = "special_review"
    INTERCEPTED = "intercepted"
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
    State.SPECIAL_REVIEW: gettext_noop("待专项复审"),
    State.INTERCEPTED: gettext_noop("已拦截"),
    State.APPROVED: gettext_noop("审查通过"),
    State.REGISTERED: gettext_noop("已登记"),
    State.REJECTED: gettext_noop("不予登记"),
    State.WITHDRAWN: gettext_noop("已撤回"),
}

# What applicants read: the same labels, except that the office's "waiting for special
# review" is, for the applicant, a review in progress of a named kind.
APPLICANT_LABELS_ZH = {**LABELS_ZH, State.SPECIAL_REVIEW: gettext_noop("专项复审中"),
                      State.INTERCEPTED: gettext_noop("受理拦截，待登记机构核查")}

TERMINAL = frozenset({State.REGISTERED, State.REJECTED, State.WITHDRAWN})
# States in which the review clock runs (acceptance has happened, no decision yet). Special
# review is part of the review and of its 25 working days.
# An intercepted application (a suspected copy of a protected brand logo) waits for the
# registrar inside the same 25 working days.
CLOCK_RUNNING = frozenset({State.ACCEPTED, State.IN_REVIEW, State.RESUBMITTED, State.SPECIAL_REVIEW,
                           State.INTERCEPTED})
# States in which the office owes the applicant something: shown on the reviewer queue.
QUEUED = frozenset({State.SUBMITTED, State.ACCEPTED, State.IN_REVIEW, State.RESUBMITTED, State.SPECIAL_REVIEW,
                    State.INTERCEPTED})


class Actor(StrEnum):
    APPLICANT = "applicant"  # the application's own applicant
    REVIEWER = "reviewer"  # reviewer, special review group member or registrar
    SPECIAL_REVIEWER = "special_reviewer"  # a special review group member taking the second decision
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
        _a("first_approve", {_S.IN_REVIEW, _S.RESUBMITTED}, _S.SPECIAL_REVIEW, Actor.REVIEWER, True,
           gettext_noop("初审通过，送专项复审")),
        _a("special_approve", {_S.SPECIAL_REVIEW}, _S.APPROVED, Actor.SPECIAL_REVIEWER, True,
           gettext_noop("专项复审通过")),
        _a("special_return", {_S.SPECIAL_REVIEW}, _S.IN_REVIEW, Actor.SPECIAL_REVIEWER, True,
           gettext_noop("专项复审退回")),
        _a("special_reject", {_S.SPECIAL_REVIEW}, _S.REJECTED, Actor.SPECIAL_REVIEWER, True,
           gettext_noop("专项复审不予登记")),
        # The brand-logo check stops a suspected copy (``intercept``, by the system); a
        # registrar releases it to the review (``release_interception``) or rejects it.
        _a("intercept", {_S.ACCEPTED, _S.IN_REVIEW, _S.RESUBMITTED}, _S.INTERCEPTED, Actor.SYSTEM, False,
           gettext_noop("受理拦截（疑似复制知名商标标志）")),
        _a("release_interception", {_S.INTERCEPTED}, _S.ACCEPTED, Actor.REVIEWER, True,
           gettext_noop("解除拦截")),
        _a("register", {_S.APPROVED}, _S.REGISTERED, Actor.SYSTEM, False, gettext_noop("登记")),
        _a("reject", {_S.SUBMITTED, _S.ACCEPTED, _S.IN_REVIEW, _S.RESUBMITTED, _S.INTERCEPTED}, _S.REJECTED,
           Actor.REVIEWER, True, gettext_noop("不予登记")),
        _a("withdraw", {_S.SUBMITTED, _S.ACCEPTED, _S.IN_REVIEW, _S.CORRECTION_REQUESTED, _S.RESUBMITTED,
                        _S.SPECIAL_REVIEW, _S.INTERCEPTED},
           _S.WITHDRAWN, Actor.APPLICANT, True, gettext_noop("撤回申请")),
    )
}

# The actions a reviewer chooses between on the decision form ("approve" is the first
# approval when the application needs special review: see ``approval_action``).
DECISIONS = ("approve", "request_correction", "reject")
# The second decision of the special review group.
SPECIAL_DECISIONS = ("special_approve", "special_return", "special_reject")


def approval_action(*, special_review_required: bool) -> str:
    """The action a reviewer's approval is: registering, or a first approval that hands the
    application to the special review group."""
    return "first_approve" if special_review_required else "approve"


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
