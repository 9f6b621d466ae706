"""The tallies follow the real services (in their transactions) and equal a GROUP BY over the
raw rows, both as kept live and as recomputed by ``rebuild``."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear

from banquan.records.models import Registration
from banquan.review import services as review
from banquan.rights import services as rights
from banquan.rights.tests.conftest import file_pledge
from banquan.stats import metrics as m
from banquan.stats import services as stats
from banquan.stats.tests.helpers import accepted, decisions, owner, registered, tallies
from banquan.testing import factories
from banquan.testing.fixtures import on_day


@pytest.fixture
def court(db):
    return factories.UserFactory(role="court_officer", organization="北京市海淀区人民法院")


@pytest.fixture
def other_court(db):
    return factories.UserFactory(role="court_officer", organization="上海市浦东新区人民法院")


@pytest.fixture
def bank(db):
    return factories.UserFactory(role="bank_officer", organization="中国工商银行北京朝阳支行")


def _group_by_registrations() -> dict[tuple, tuple[int, int]]:
    rows = (Registration.objects.order_by()
            .values("category", "region", y=ExtractYear("registered_on"), mo=ExtractMonth("registered_on"))
            .annotate(n=Count("id")))
    return {(m.REGISTERED, r["y"], r["mo"], r["category"], r["region"], ""): (r["n"], 0) for r in rows}


def _only(rows: dict, metric: str) -> dict:
    """The rows of ``metric`` without the roll-ups."""
    return {k: v for k, v in rows.items() if k[0] == metric and m.ALL not in (k[3], k[4])}


def _rollups_add_up(rows: dict) -> None:
    for (metric, y, mo, cat, region, _detail), (n, _c) in rows.items():
        if metric != m.REGISTERED or m.ALL not in (cat, region):
            continue
        cells = [v[0] for k, v in _only(rows, m.REGISTERED).items() if k[1:3] == (y, mo)
                 and (k[3] == cat or (cat == m.ALL and k[3] != m.SOFTWARE)) and (k[4] == region or region == m.ALL)]
        assert n == sum(cells), (cat, region)


@pytest.mark.django_db
def test_a_registration_is_counted_in_its_month_category_and_region(clock, applicant, reviewer):
    on_day(clock, dt.date(2026, 3, 10))
    registered(applicant, reviewer, place="广东", category="music")
    registered(applicant, reviewer, place="法国", category="music")
    on_day(clock, dt.date(2026, 4, 1))
    registered(applicant, reviewer, place="广东", category="music")

    assert _only(tallies(), m.REGISTERED) == {
        (m.REGISTERED, 2026, 3, "music", "广东", ""): (1, 0), (m.REGISTERED, 2026, 3, "music", "法国", ""): (1, 0),
        (m.REGISTERED, 2026, 4, "music", "广东", ""): (1, 0),
    }
    assert _only(tallies(), m.REGISTERED) == _group_by_registrations()
    _rollups_add_up(tallies())


@pytest.mark.django_db
def test_a_registration_rolled_back_leaves_no_tally(clock, applicant, reviewer):
    app = accepted(applicant, reviewer)
    with pytest.raises(RuntimeError), transaction.atomic():
        review.approve(reviewer=reviewer, app_id=app.pk, reason="符合登记条件。")
        assert tallies() and decisions()  # counted inside the registering transaction
        raise RuntimeError("the transaction fails after the registration")
    assert tallies() == {} and decisions() == {}


@pytest.mark.django_db
def test_after_a_sequence_of_services_the_tallies_equal_the_raw_rows_and_a_rebuild(
        clock, applicant, reviewer, registrar, court, other_court, bank):
    on_day(clock, dt.date(2026, 2, 2))
    fine = registered(applicant, reviewer, place="北京")
    music = registered(applicant, reviewer, place="香港", category="music", title="渔歌")
    duplicate = registered(applicant, reviewer, place="北京", title="山水长卷（重复）")
    review.reject(reviewer=reviewer, app_id=accepted(applicant, reviewer, place="法国").pk, reason="不符合条件。")
    slow = accepted(applicant, reviewer, place="广东", category="written", title="散文集")
    review.request_correction(reviewer=reviewer, app_id=slow.pk, reason="请补充创作说明。")

    on_day(clock, dt.date(2026, 3, 16))
    from banquan.applications import services as applications

    applications.resubmit(applicant=applicant, app_id=slow.pk, response="已补充。")
    written = review.approve(reviewer=reviewer, app_id=slow.pk, reason="符合条件。")
    pledge = file_pledge(bank, fine)
    rights.register_pledge(registrar=registrar, pledge_id=pledge.pk)
    rights.change_pledge(registrar=registrar, pledge_id=pledge.pk, principal=Decimal("6000000.50"), reason="增加")
    usd = file_pledge(bank, written, principal=Decimal("1000.00"), currency="USD")
    rights.register_pledge(registrar=registrar, pledge_id=usd.pk)

    on_day(clock, dt.date(2026, 4, 7))
    rights.release_pledge(officer=bank, pledge_id=pledge.pk, reason="债务已清偿")
    first = rights.seize(officer=court, numbers=[music.number, written.number], document_number="（2026）京执1号",
                         scope="全部", term_months=1)
    rights.seize(officer=other_court, numbers=[music.number], document_number="（2026）沪执2号", scope="全部",
                 term_months=12)
    rights.revoke(registrar=registrar, number=duplicate.number, ground="duplicate", reason="重复登记",
                  kept_number=fine.number)

    on_day(clock, dt.date(2026, 5, 11))
    rights.release_seizure(officer=court, seizure_id=first[0].pk, document_number="（2026）京执1号之一")
    clock.at += dt.timedelta(days=40)
    assert rights.expire_seizures() >= 1  # the written work's seizure ran out
    change = rights.file_change(applicant=applicant, number=fine.number, kind="change",
                                changes={"owners": [owner("法国")]}, reason="著作权转让给外籍权利人")
    rights.decide_change(registrar=registrar, change_id=change.pk, approve=True)
    rights.revoke(registrar=registrar, number=music.number, ground="court", reason="法院判决", document="（2026）沪民1号")

    live, live_decisions = tallies(), decisions()
    assert _only(live, m.REGISTERED) == _group_by_registrations()
    _rollups_add_up(live)
    assert live[(m.REGISTERED, 2026, 2, "fine_art", "法国", "")] == (1, 0)  # moved with its owners
    assert live[(m.FINAL, 2026, 4, "fine_art", "北京", "superseded")] == (1, 0)
    assert live[(m.FINAL, 2026, 6, "music", "香港", "revoked")] == (1, 0)
    assert live[(m.PLEDGE_REGISTERED, 2026, 3, "", "", "CNY")] == (1, 600000050)
    assert live[(m.PLEDGE_RELEASED, 2026, 4, "", "", "CNY")] == (1, 600000050)
    music_seizures = {k[2:]: v[0] for k, v in _only(live, m.SEIZURE).items() if k[3] == "music"}
    assert music_seizures == {(4, "music", "", "effective"): 1, (4, "music", "", "queued"): 1,
                              (5, "music", "", "released"): 1, (5, "music", "", "effective"): 1}
    assert live[(m.SEIZURE, 2026, 6, "written", "", "expired")] == (1, 0)
    assert sum(live_decisions.values()) == 5
    assert {k[4] for k in live_decisions} == {"registered", "rejected"}

    stats.rebuild()
    assert tallies() == live
    assert decisions() == live_decisions


@pytest.mark.django_db
def test_the_clock_stops_while_a_correction_is_awaited(clock, applicant, reviewer):
    on_day(clock, dt.date(2026, 3, 2))  # Monday
    app = accepted(applicant, reviewer)
    on_day(clock, dt.date(2026, 3, 4))  # 2 working days later
    review.request_correction(reviewer=reviewer, app_id=app.pk, reason="请补充。")
    on_day(clock, dt.date(2026, 3, 20))
    from banquan.applications import services as applications

    applications.resubmit(applicant=applicant, app_id=app.pk, response="已补充。")
    on_day(clock, dt.date(2026, 3, 23))  # the next Monday: 1 more working day
    review.approve(reviewer=reviewer, app_id=app.pk, reason="符合条件。")
    assert decisions() == {(2026, 3, "work", "fine_art", "registered", 3, True): 1}
