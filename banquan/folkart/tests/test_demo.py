"""The demo leaves the platform as the brief describes: library items, stations, two
published policies, one pre-registration waiting and one converted."""

import pytest
from django.test import Client

from banquan.demo import accounts
from banquan.folkart import demo
from banquan.folkart.models import FolkItem, ServiceStation

pytestmark = pytest.mark.django_db


def test_demo_data(clock):
    users, _passwords = accounts.create_all()
    demo.play(users)
    assert FolkItem.objects.filter(status="filed").count() == 1
    converted = FolkItem.objects.get(application__isnull=False)
    assert converted.application.samples.count() == 1
    for s in ServiceStation.objects.all():
        assert 36.5 < float(s.latitude) < 36.95 and 116.95 < float(s.longitude) < 117.45  # inside 历城区
    page = Client().get("/folkart/library/").content.decode()
    assert "历城剪纸" in page and "鼓子秧歌" in page and "面塑" in page and "华山脚下" not in page
    assert len(Client().get("/api/v1/folkart/policies").json()) == 2
