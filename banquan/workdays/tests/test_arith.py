"""Working-day arithmetic on the official calendar, without a database."""

import datetime as dt

import pytest

from banquan.workdays.arith import TableCalendar, add_working_days, review_deadline, working_days_between

D = dt.date
# National Day 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
CAL = TableCalendar(
    days_off=frozenset({D(2026, 10, 1), D(2026, 10, 2), D(2026, 10, 5), D(2026, 10, 6), D(2026, 10, 7),
                        D(2026, 1, 1), D(2026, 1, 2)}),
    make_up_days=frozenset({D(2026, 9, 20), D(2026, 10, 10), D(2026, 1, 4)}),
    years=frozenset({2026}),
)


def test_start_day_does_not_count():
    # Monday 2026-11-23: one working day later is Tuesday.
    assert add_working_days(CAL, D(2026, 11, 23), 1).day == D(2026, 11, 24)


def test_weekends_are_skipped():
    assert add_working_days(CAL, D(2026, 11, 27), 1).day == D(2026, 11, 30)  # Fri → Mon


def test_holidays_are_skipped_and_make_up_days_count():
    # Mon 28 Sep: 29, 30 Sep, then 8, 9 Oct and the make-up Saturday 10 Oct.
    assert add_working_days(CAL, D(2026, 9, 28), 5).day == D(2026, 10, 10)


def test_make_up_sunday_counts():
    assert add_working_days(CAL, D(2026, 9, 19), 1).day == D(2026, 9, 20)


def test_start_on_a_holiday():
    assert add_working_days(CAL, D(2026, 10, 3), 1).day == D(2026, 10, 8)


def test_zero_days_is_the_start_day():
    assert add_working_days(CAL, D(2026, 10, 3), 0).day == D(2026, 10, 3)


def test_negative_is_refused():
    with pytest.raises(ValueError):
        add_working_days(CAL, D(2026, 10, 3), -1)


def test_year_outside_the_table_is_provisional():
    d = add_working_days(CAL, D(2026, 12, 10), 25)
    assert d.provisional
    assert d.day.year == 2027
    assert not add_working_days(CAL, D(2026, 11, 2), 25).provisional


def test_working_days_between_is_half_open():
    assert working_days_between(CAL, D(2026, 11, 23), D(2026, 11, 23)) == 0
    assert working_days_between(CAL, D(2026, 11, 23), D(2026, 11, 27)) == 4
    assert working_days_between(CAL, D(2026, 9, 30), D(2026, 10, 10)) == 3


def test_review_deadline_without_corrections_is_plain_addition():
    assert review_deadline(CAL, D(2026, 9, 28), 25) == add_working_days(CAL, D(2026, 9, 28), 25)


def test_correction_pause_stops_the_clock():
    # Accepted Mon 2 Nov; 5 working days used by Mon 9 Nov when a correction is asked for;
    # the applicant answers Mon 16 Nov; the 20 days left run from Tue 17 Nov.
    accepted = D(2026, 11, 2)
    plain = review_deadline(CAL, accepted, 25)
    paused = review_deadline(CAL, accepted, 25, [(D(2026, 11, 9), D(2026, 11, 16))])
    assert paused.day == add_working_days(CAL, D(2026, 11, 16), 20).day
    assert working_days_between(CAL, plain.day, paused.day) == 5  # the week waited


def test_open_correction_has_no_deadline():
    d = review_deadline(CAL, D(2026, 11, 2), 25, [(D(2026, 11, 9), None)])
    assert d.paused and d.day is None
    assert d.remaining_when_paused == 20


def test_two_correction_rounds():
    d = review_deadline(CAL, D(2026, 11, 2), 25,
                        [(D(2026, 11, 3), D(2026, 11, 5)), (D(2026, 11, 6), D(2026, 11, 10))])
    # 1 day used, then 1 more (Fri 6 Nov); 23 left from Tue 10 Nov.
    assert d.day == add_working_days(CAL, D(2026, 11, 10), 23).day


def test_correction_after_deadline_does_not_revive_it():
    late = review_deadline(CAL, D(2026, 11, 2), 3, [(D(2026, 11, 20), D(2026, 11, 27))])
    assert late.day == D(2026, 11, 5)
