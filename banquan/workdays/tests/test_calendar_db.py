"""The editable holiday table, on the database."""

import datetime as dt

import pytest

from banquan.applications.models import Application
from banquan.cli import main
from banquan.review import services as review
from banquan.testing import factories
from banquan.testing.fixtures import on_day
from banquan.workdays import calendar
from banquan.workdays.models import CalendarYear, DayKind, SpecialDay

D = dt.date


def test_table_is_seeded_from_chinese_calendar(db):
    assert CalendarYear.objects.filter(year=2026).exists()
    assert SpecialDay.objects.get(date=D(2026, 10, 1)).kind == DayKind.DAY_OFF
    assert SpecialDay.objects.get(date=D(2026, 10, 10)).kind == DayKind.MAKE_UP
    # The make-up Saturday 10 October 2026 is the 5th working day after Monday 28 September.
    assert calendar.add_working_days(D(2026, 9, 28), 5).day == D(2026, 10, 10)


def test_edits_take_effect_without_restart(db):
    before = calendar.add_working_days(D(2026, 11, 23), 1).day
    SpecialDay.objects.create(date=D(2026, 11, 24), kind=DayKind.DAY_OFF, name="演示假日")
    after = calendar.add_working_days(D(2026, 11, 23), 1).day
    assert (before, after) == (D(2026, 11, 24), D(2026, 11, 25))


def test_entering_next_year_makes_deadlines_firm(db, clock, applicant, reviewer,
                                                 django_capture_on_commit_callbacks):
    on_day(clock, D(2026, 12, 10))
    app = factories.submitted(applicant)
    review.accept(reviewer=reviewer, app_id=app.pk)
    app.refresh_from_db()
    assert app.deadline_provisional and app.deadline.year == 2027
    with django_capture_on_commit_callbacks(execute=True):
        CalendarYear.objects.create(year=2027, source="国务院办公厅通知")
        SpecialDay.objects.create(date=D(2027, 1, 4), kind=DayKind.DAY_OFF, name="元旦")
    app.refresh_from_db()
    assert not app.deadline_provisional
    assert app.deadline == calendar.add_working_days(D(2026, 12, 10), 25).day


@pytest.mark.parametrize(("args", "expected"), [
    (["2026-09-28", "5"], "2026-10-10"),
    (["2026-12-10", "25"], "2027-01-14 provisional"),
])
def test_cli_add_working_days(db, capsys, args, expected):
    assert main(["calendar", "add-working-days", *args]) == 0
    assert capsys.readouterr().out.strip() == expected


def test_cli_rejects_bad_date(db, capsys):
    assert main(["calendar", "add-working-days", "2026-13-01", "5"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_correction_pause_on_the_real_calendar(db, clock, applicant, reviewer):
    on_day(clock, D(2026, 9, 21))  # Monday
    app = factories.in_review(applicant, reviewer)
    first = Application.objects.get(pk=app.pk).deadline
    on_day(clock, D(2026, 9, 24))  # Tue–Thu used: 3 working days (Fri 25th is Mid-Autumn)
    review.request_correction(reviewer=reviewer, app_id=app.pk, reason="请补充创作过程说明。")
    assert Application.objects.get(pk=app.pk).deadline is None
    on_day(clock, D(2026, 10, 12))  # answered after National Day
    from banquan.applications import services as applications

    applications.resubmit(applicant=applicant, app_id=app.pk, response="已补充。")
    resumed = Application.objects.get(pk=app.pk).deadline
    assert resumed == calendar.add_working_days(D(2026, 10, 12), 22).day
    assert resumed > first


def test_registrar_edits_the_holiday_table_in_the_back_office(client, registrar, reviewer):
    client.force_login(registrar)
    response = client.post("/admin/workdays/specialday/add/",
                           {"date": "2027-01-01", "kind": "off", "name": "元旦"})
    assert response.status_code == 302
    assert calendar.add_working_days(D(2026, 12, 31), 1).day == D(2027, 1, 4)
    client.force_login(reviewer)
    assert client.get("/admin/workdays/specialday/").status_code == 302  # not staff: to login
