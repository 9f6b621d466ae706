"""pytest fixtures: users of every role, a fixed clock, an isolated blob store and keys."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from banquan.core import plugins
from banquan.testing import factories

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    settings.BANQUAN_STORAGE_DIR = tmp_path / "blobs"
    settings.BANQUAN_KEY_DIR = tmp_path / "keys"
    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def clock(settings):
    """A clock standing at 2026-11-24 10:00 Beijing time; move it with ``clock.at = …``."""
    settings.BANQUAN_CLOCK = "banquan.core.clock.FixedClock"
    plugins.reset()
    c = plugins.get("BANQUAN_CLOCK")
    c.at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
    return c


def on_day(clock, day: dt.date) -> None:
    clock.at = dt.datetime.combine(day, dt.time(10, 0), tzinfo=SHANGHAI)


@pytest.fixture
def applicant(db):
    return factories.UserFactory(role="applicant", applicant_kind="person")


@pytest.fixture
def other_applicant(db):
    return factories.UserFactory(role="applicant", applicant_kind="person")


@pytest.fixture
def reviewer(db):
    return factories.UserFactory(role="reviewer")


@pytest.fixture
def other_reviewer(db):
    return factories.UserFactory(role="reviewer")


@pytest.fixture
def registrar(db):
    return factories.UserFactory(role="registrar", is_staff=True)


@pytest.fixture
def fake_llm(settings):
    """An OpenAI-compatible model served on loopback and configured as the office's model.
    Set ``fake_llm.reply = lambda messages: "…"`` to choose its answers."""
    from banquan.testing.llm_server import FakeLLMServer

    server = FakeLLMServer().start()
    settings.BANQUAN_LLM_BASE_URL = server.base_url
    settings.BANQUAN_LLM_API_KEY = "sk-test"
    settings.BANQUAN_LLM_MODEL = server.model
    settings.BANQUAN_LLM_TIMEOUT = 5.0
    settings.BANQUAN_LLM = "banquan.core.llm.OpenAICompatible"
    plugins.reset()
    yield server
    server.stop()
    plugins.reset()
