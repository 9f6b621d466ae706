"""The demo seed puts a few consented works on show, with images the public can load."""

import io

import pytest
from django.test import Client

from banquan.demo import seed
from banquan.showcase import demo, queries

pytestmark = pytest.mark.django_db


def test_demo_shows_consented_works_with_images(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = tmp_path
    seed.run(print_accounts=False, out=io.StringIO())
    shown = list(queries.visible())
    assert len(shown) == demo.SHOWN
    client = Client()
    body = client.get("/api/v1/showcase").json()
    assert [i["number"] for i in body["items"]] == [f.registration.number for f in shown]
    for item in shown:
        assert queries.consented(item.registration)
        for image in item.images.all():
            assert client.get(f"/showcase/images/{image.sample.uuid}.jpg").status_code == 200
