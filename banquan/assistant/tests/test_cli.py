import json

import pytest

from banquan.assistant import commands
from banquan.cli import parser

pytestmark = pytest.mark.django_db


def test_banquan_ask_prints_the_answer_and_its_sources(capsys):
    assert commands.ask(parser().parse_args(["ask", "证书丢了怎么办？"])) == 0
    out = capsys.readouterr().out
    assert "补发" in out and "来源：" in out
    assert "[1] 登记证书的补发和换发 · 证书丢失或损坏怎么办  http://" in out
    assert "/assistant/articles/reissue/#s1" in out


def test_banquan_ask_json_and_unsure(capsys):
    assert commands.ask(parser().parse_args(["ask", "--json", "今天天气怎么样"])) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["confident"] is False and data["sources"] == []
