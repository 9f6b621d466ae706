"""The back office shows runs, hits and judgements, and changes none of them."""

import pytest

from banquan.screening import services
from banquan.screening.models import Hit, Run
from banquan.screening.tests.documents import POLITICAL
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def test_read_only_admin_pages(client, reviewer, accepted):
    accepted(purpose=f"写{POLITICAL}。")
    hit = Hit.objects.get()
    judgement = services.judge(reviewer=reviewer, hit_id=hit.pk, verdict="clear")
    client.force_login(factories.UserFactory(role="registrar", is_staff=True, is_superuser=True))
    run = Run.objects.get()
    for url in ("/admin/screening/run/", f"/admin/screening/run/{run.pk}/change/", "/admin/screening/hit/",
                f"/admin/screening/hit/{hit.pk}/change/", "/admin/screening/judgement/"):
        r = client.get(url)
        assert r.status_code == 200, url
    assert POLITICAL in client.get("/admin/screening/hit/").content.decode()
    assert client.get("/admin/screening/judgement/add/").status_code == 403
    assert client.post(f"/admin/screening/judgement/{judgement.pk}/delete/", {"post": "yes"}).status_code == 403
