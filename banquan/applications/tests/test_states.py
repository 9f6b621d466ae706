"""The application state machine, without a database."""

import pytest

from banquan.applications.states import (
    ACTIONS,
    APPLICANT_LABELS_ZH,
    CLOCK_RUNNING,
    LABELS_ZH,
    QUEUED,
    SPECIAL_DECISIONS,
    TERMINAL,
    Actor,
    State,
    TransitionRefused,
    approval_action,
    available,
    check,
)


def test_happy_path():
    path = [("submit", Actor.APPLICANT), ("accept", Actor.REVIEWER), ("start_review", Actor.REVIEWER),
            ("request_correction", Actor.REVIEWER), ("resubmit", Actor.APPLICANT),
            ("start_review", Actor.REVIEWER), ("approve", Actor.REVIEWER), ("register", Actor.SYSTEM)]
    state = State.DRAFT
    for name, actor in path:
        state = check(name, state, actor, reason="理由").target
    assert state == State.REGISTERED


def test_invalid_transition_message_names_the_state():
    with pytest.raises(TransitionRefused) as e:
        check("approve", State.DRAFT, Actor.REVIEWER, reason="x")
    assert "草稿" in e.value.message and "审查通过" in e.value.message


def test_applicant_cannot_take_reviewer_actions():
    with pytest.raises(TransitionRefused, match="无权"):
        check("accept", State.SUBMITTED, Actor.APPLICANT)


def test_reviewer_cannot_submit_for_the_applicant():
    with pytest.raises(TransitionRefused, match="无权"):
        check("submit", State.DRAFT, Actor.REVIEWER)


@pytest.mark.parametrize("name", ["request_correction", "approve", "reject", "withdraw", "first_approve",
                                  "special_approve", "special_return", "special_reject"])
def test_reasons_are_required(name):
    action = ACTIONS[name]
    source = next(iter(action.sources))
    with pytest.raises(TransitionRefused, match="理由"):
        check(name, source, action.actor, reason="  ")


@pytest.mark.parametrize("terminal", [State.REGISTERED, State.REJECTED, State.WITHDRAWN])
def test_terminal_states_have_no_way_out(terminal):
    assert available(terminal, Actor.APPLICANT) == []
    assert available(terminal, Actor.REVIEWER) == []


def test_unknown_action():
    with pytest.raises(TransitionRefused, match="未知"):
        check("teleport", State.DRAFT, Actor.APPLICANT)


def test_reviewer_choices_in_review():
    names = {a.name for a in available(State.IN_REVIEW, Actor.REVIEWER)}
    # "approve" or "first_approve", as approval_action says; both are the form's "approve".
    assert names == {"request_correction", "approve", "first_approve", "reject"}


# --- special review (专项复审) ----------------------------------------------------------------


def test_special_review_path():
    path = [("submit", Actor.APPLICANT), ("accept", Actor.REVIEWER), ("start_review", Actor.REVIEWER),
            ("first_approve", Actor.REVIEWER), ("special_return", Actor.SPECIAL_REVIEWER),
            ("request_correction", Actor.REVIEWER), ("resubmit", Actor.APPLICANT),
            ("first_approve", Actor.REVIEWER), ("special_approve", Actor.SPECIAL_REVIEWER),
            ("register", Actor.SYSTEM)]
    state = State.DRAFT
    seen = []
    for name, actor in path:
        state = check(name, state, actor, reason="理由").target
        seen.append(state)
    assert seen[3] == State.SPECIAL_REVIEW and seen[4] == State.IN_REVIEW and seen[-2] == State.APPROVED
    assert state == State.REGISTERED
    assert check("special_reject", State.SPECIAL_REVIEW, Actor.SPECIAL_REVIEWER, reason="x").target == State.REJECTED


def test_an_approval_needing_special_review_is_a_first_approval():
    assert approval_action(special_review_required=True) == "first_approve"
    assert approval_action(special_review_required=False) == "approve"
    assert ACTIONS["first_approve"].target == State.SPECIAL_REVIEW
    assert ACTIONS["approve"].target == State.APPROVED


def test_only_the_special_review_group_takes_the_second_decision():
    assert {a.name for a in available(State.SPECIAL_REVIEW, Actor.SPECIAL_REVIEWER)} == set(SPECIAL_DECISIONS)
    assert available(State.SPECIAL_REVIEW, Actor.REVIEWER) == []
    for name in SPECIAL_DECISIONS:
        with pytest.raises(TransitionRefused, match="无权"):
            check(name, State.SPECIAL_REVIEW, Actor.REVIEWER, reason="理由")
    # The group's role does not stand in for the reviewer's own decisions.
    with pytest.raises(TransitionRefused, match="无权"):
        check("approve", State.IN_REVIEW, Actor.SPECIAL_REVIEWER, reason="理由")


def test_while_in_special_review_the_reviewer_cannot_decide_again():
    for name in ("approve", "first_approve", "reject", "request_correction"):
        with pytest.raises(TransitionRefused, match="待专项复审"):
            check(name, State.SPECIAL_REVIEW, Actor.REVIEWER, reason="理由")


def test_special_review_keeps_the_clock_running_and_can_be_withdrawn():
    assert State.SPECIAL_REVIEW in CLOCK_RUNNING and State.SPECIAL_REVIEW in QUEUED
    assert State.SPECIAL_REVIEW not in TERMINAL
    assert [a.name for a in available(State.SPECIAL_REVIEW, Actor.APPLICANT)] == ["withdraw"]


def test_applicants_read_special_review_as_in_progress():
    assert LABELS_ZH[State.SPECIAL_REVIEW] == "待专项复审"
    assert APPLICANT_LABELS_ZH[State.SPECIAL_REVIEW] == "专项复审中"
    assert APPLICANT_LABELS_ZH[State.INTERCEPTED] == "受理拦截，待登记机构核查"
    assert all(APPLICANT_LABELS_ZH[s] == LABELS_ZH[s] for s in State
               if s not in (State.SPECIAL_REVIEW, State.INTERCEPTED))


def test_only_the_system_intercepts_and_a_reviewer_role_releases_with_a_reason():
    assert check("intercept", State.ACCEPTED, Actor.SYSTEM).target == State.INTERCEPTED
    with pytest.raises(TransitionRefused):
        check("intercept", State.ACCEPTED, Actor.REVIEWER)
    with pytest.raises(TransitionRefused, match="必须填写理由"):
        check("release_interception", State.INTERCEPTED, Actor.REVIEWER, "  ")
    assert check("release_interception", State.INTERCEPTED, Actor.REVIEWER, "已获授权").target == State.ACCEPTED
    with pytest.raises(TransitionRefused):
        check("approve", State.INTERCEPTED, Actor.REVIEWER, "通过")
    assert State.INTERCEPTED in CLOCK_RUNNING
