"""The application state machine, without a database."""

import pytest

from banquan.applications.states import ACTIONS, Actor, State, TransitionRefused, available, check


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


@pytest.mark.parametrize("name", ["request_correction", "approve", "reject", "withdraw"])
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
    assert names == {"request_correction", "approve", "reject"}
