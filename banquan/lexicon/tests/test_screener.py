"""The process-wide screener follows the lexicon without a restart."""

import pytest

from banquan.lexicon import screener, services
from banquan.screening.text import Screener

pytestmark = pytest.mark.django_db


def _found(s: Screener, text: str) -> set[str]:
    return {h.term for h in s.scan(text)}


def test_a_change_takes_effect_on_the_next_call(registrar):
    services.import_terms(by=registrar, data="包过\t违法广告\t2\n".encode(), fmt="text", replace=False)
    first = services.current_screener()
    assert _found(first, "考试包过，稳赚不赔") == {"包过"}
    assert services.current_screener() is first  # unchanged lexicon: the same screener

    term = services.add_term(by=registrar, text="稳赚不赔", category="违法广告", level=2)
    second = services.current_screener()
    assert second is not first
    assert _found(second, "考试包过，稳赚不赔") == {"包过", "稳赚不赔"}
    hit = next(h for h in second.scan("稳赚不赔") if h.term == "稳赚不赔")
    assert (hit.category, hit.level) == ("违法广告", 2)

    services.deactivate_term(by=registrar, term_id=term.pk)
    assert _found(services.current_screener(), "考试包过，稳赚不赔") == {"包过"}


def test_an_unchanged_lexicon_costs_one_query(registrar, django_assert_num_queries):
    services.add_term(by=registrar, text="包过")
    services.current_screener()
    with django_assert_num_queries(1):
        services.current_screener()


def test_the_key_is_number_and_digest(registrar):
    # Numbers repeat when a change rolls back (or a test database resets): the digest tells.
    assert screener.latest_key() == (0, "")
    assert _found(services.current_screener(), "包过") == set()
    services.add_term(by=registrar, text="包过")
    number, digest = screener.latest_key()
    assert number == 1 and len(digest) == 64
    assert _found(services.current_screener(), "包过") == {"包过"}


def test_while_another_thread_rebuilds_the_last_screener_is_served(registrar):
    services.add_term(by=registrar, text="包过")
    old = services.current_screener()
    services.add_term(by=registrar, text="刷单")
    with screener._building:  # as if another thread were building the new one
        assert services.current_screener_with_version() == (old, 1)  # the version it was built from
    assert _found(services.current_screener(), "包过刷单") == {"包过", "刷单"}
    assert services.current_screener_with_version()[1] == 2
