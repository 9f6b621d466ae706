import io

import pytest

from banquan.rights import services
from banquan.testing import factories


@pytest.fixture
def court(db):
    return factories.UserFactory(role="court_officer", organization="北京市海淀区人民法院", display_name="周法官")


@pytest.fixture
def other_court(db):
    return factories.UserFactory(role="court_officer", organization="上海市浦东新区人民法院")


@pytest.fixture
def bank(db):
    return factories.UserFactory(role="bank_officer", organization="中国工商银行北京朝阳支行")


@pytest.fixture
def work(clock, applicant, reviewer):
    return factories.registered(applicant, reviewer)


def contract() -> io.BytesIO:
    return io.BytesIO(b"%PDF-1.4\n% pledge contract\n")


def file_pledge(bank, *works, **overrides):
    import datetime as dt
    from decimal import Decimal

    values = dict(numbers=[w.number for w in works], pledgor_name="张三", pledgor_id_type="resident_id",
                  pledgor_id_number=factories.VALID_ID, principal=Decimal("5000000.00"), currency="CNY",
                  term_start=dt.date(2026, 12, 1), term_end=dt.date(2027, 11, 30), contract_name="质押合同.pdf",
                  contract=contract())
    values.update(overrides)
    return services.file_pledge(officer=bank, **values)


@pytest.fixture
def applicant_work_2(work, applicant, reviewer):
    return factories.registered(applicant, reviewer, title="第二幅画")
