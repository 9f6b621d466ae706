"""GET /api/v1/lexicon/export for registrars."""

import pytest

from banquan.lexicon import services
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/lexicon/export"


def test_registrar_downloads_the_lexicon(registrar):
    services.import_terms(by=registrar, data="甲\t政治\t2\n".encode(), fmt="text", replace=False)
    services.add_whitelist_term(by=registrar, text="甲乙")
    api = BearerClient(registrar)
    text = api.get(URL)
    assert text.status_code == 200 and text.content.decode() == "甲\t政治\t2\n"
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    csv = api.get(URL, fmt="csv", version=1)
    assert csv.content.decode("utf-8-sig") == "term,category,level\n甲,政治,2\n"
    assert csv["Content-Disposition"] == 'attachment; filename="lexicon-v1.csv"'
    assert api.get(URL, fmt="whitelist").content.decode() == "甲乙\n"
    assert api.get(URL, fmt="whitelist", version=1).content.decode() == ""
    assert api.get(URL, version=5).status_code == 404
    assert api.get(URL, fmt="xlsx").status_code == 422


def test_others_are_refused(reviewer, applicant, client):
    assert BearerClient(reviewer).get(URL).status_code == 403
    assert BearerClient(applicant).get(URL).json() == {"detail": "只有登记管理员可以导出敏感词库。"}
    assert client.get(URL).status_code == 401
