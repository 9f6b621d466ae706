"""The public pages show accepted items and their media only; applicants file and convert on
their pages; the office reviews."""

import datetime as dt

import pytest
from django.test import Client

from banquan.core.errors import ValidationFailed
from banquan.folkart import content, services
from banquan.folkart.tests.conftest import add_png, file_item
from banquan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


def test_library_hides_unaccepted_items_and_their_media(filed, applicant, reviewer):
    m = add_png(applicant, filed)
    public = Client()
    assert "历城剪纸" not in public.get("/folkart/library/").content.decode()
    assert public.get(f"/folkart/library/{filed.pk}/").status_code == 404
    assert public.get(f"/folkart/media/{m.uuid}").status_code == 404
    assert login(applicant).get(f"/folkart/media/{m.uuid}").status_code == 200  # the applicant still sees it
    services.decide(officer=reviewer, item_id=filed.pk, decision="accept")
    page = public.get("/folkart/library/?category=paper_cutting&region=历城区&q=韩秀兰").content.decode()
    assert "历城剪纸" in page
    assert "历城剪纸" not in public.get("/folkart/library/?category=dance").content.decode()
    item_page = public.get(f"/folkart/library/{filed.pk}/").content.decode()
    assert "韩秀兰" in item_page and str(m.uuid) in item_page
    r = public.get(f"/folkart/media/{m.uuid}")
    assert r.status_code == 200 and r["Content-Type"] == "image/png"


def test_rejected_items_stay_hidden(filed, reviewer):
    services.decide(officer=reviewer, item_id=filed.pk, decision="reject", reason="不属于民间文艺。")
    assert Client().get(f"/folkart/library/{filed.pk}/").status_code == 404


def test_filing_on_the_page_and_errors_beside_the_field(clock, applicant):
    c = login(applicant)
    form = {"name": "", "category": "dance", "province": "山东省", "city": "济南市", "district": "历城区",
            "description": "", "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": "王",
            "form-0-level": "none", "form-0-generation": "200"}
    r = c.post("/folkart/prereg/new/", form)
    assert r.status_code == 422
    form.update({"name": "鼓子秧歌", "description": "大型广场舞蹈。", "form-0-generation": "3"})
    r = c.post("/folkart/prereg/new/", form, follow=True)
    assert r.status_code == 200 and "民预登-2026-000001" in r.content.decode()
    assert "鼓子秧歌" in c.get("/folkart/prereg/").content.decode()


def test_review_and_conversion_on_the_pages(filed, applicant, reviewer, other_applicant):
    assert login(other_applicant).get(f"/folkart/prereg/{filed.pk}/").status_code == 404
    office = login(reviewer)
    assert filed.number in office.get("/folkart/office/").content.decode()
    r = office.post(f"/folkart/prereg/{filed.pk}/decide/", {"decision": "reject", "reason": ""})
    assert r.status_code == 422 and "理由" in r.content.decode()
    office.post(f"/folkart/prereg/{filed.pk}/decide/", {"decision": "accept", "reason": ""})
    c = login(applicant)
    r = c.post(f"/folkart/prereg/{filed.pk}/convert/")
    assert r.status_code == 302 and "/applications/" in r["Location"]
    filed.refresh_from_db()
    page = c.get(f"/folkart/prereg/{filed.pk}/").content.decode()
    assert "已转为正式登记申请" in page and filed.application.reference in page
    assert 'id="convert"' not in page
    c.post(f"/folkart/prereg/{filed.pk}/convert/")
    assert filed.applicant.applications.count() == 1


def test_stations_page_and_geojson(clock, registrar):
    content.save_station(editor=registrar, values={"name": "历城区民间文艺服务站", "address": "济南市历城区山大路",
                                                   "latitude": "36.681", "longitude": "117.064", "services": "预登记咨询\n材料代收"})
    with pytest.raises(ValidationFailed) as e:
        content.save_station(editor=registrar, values={"name": "x", "address": "y", "latitude": "95", "longitude": "117"})
    assert set(e.value.errors) == {"latitude"}
    page = Client().get("/folkart/stations/").content.decode()
    assert "历城区民间文艺服务站" in page and "<circle" in page and "材料代收" in page
    assert "http" not in page.split('<svg id="station-map"')[1].split("</svg>")[0]  # nothing loaded by the map
    geo = Client().get("/api/v1/folkart/stations.geojson").json()
    assert geo["features"][0]["geometry"]["coordinates"] == [117.064, 36.681]


def test_policies_public_only_when_published(clock, registrar):
    draft = content.save_policy(editor=registrar, kind="law", title="未发布稿", body="正文")
    live = content.save_policy(editor=registrar, kind="reading", title="作品自愿登记解读", body="第一段。\n\n第二段。",
                               publish=True)
    future = content.save_policy(editor=registrar, kind="law", title="明日发布", body="正文",
                                 published_on=dt.date(2026, 12, 31))
    listing = Client().get("/folkart/policies/").content.decode()
    assert "作品自愿登记解读" in listing and "未发布稿" not in listing and "明日发布" not in listing
    assert Client().get(f"/folkart/policies/{draft.pk}/").status_code == 404
    assert Client().get(f"/folkart/policies/{future.pk}/").status_code == 404
    detail = Client().get(f"/folkart/policies/{live.pk}/").content.decode()
    assert "<p>第一段。</p>" in detail and "<p>第二段。</p>" in detail


def test_policy_body_is_escaped(clock, registrar):
    a = content.save_policy(editor=registrar, kind="law", title="t", body="<script>alert(1)</script>", publish=True)
    page = Client().get(f"/folkart/policies/{a.pk}/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_landing_page(clock, registrar, applicant):
    services.add_to_library(editor=registrar, values={"name": "面塑", "category": "craft", "province": "山东省",
                                                      "description": "面粉塑形。"}, inheritors=[])
    file_item(applicant, name="未审核的项目")
    page = Client().get("/folkart/").content.decode()
    assert "民间文艺版权服务" in page and "面塑" in page and "未审核的项目" not in page


def test_station_labels_stay_inside_the_map(registrar):
    # A label drawn to the right of an eastern point ran off the plot; it goes to the point's left.
    for name, lon in (("西边服务站", "117.00"), ("东边服务站", "117.20")):
        content.save_station(editor=registrar, values={"name": name, "address": "济南市历城区",
                                                       "latitude": "36.68", "longitude": lon})
    svg = Client().get("/folkart/stations/").content.decode().split('<svg id="station-map"')[1].split("</svg>")[0]
    anchors = dict((t.split("</text>")[0].split(". ", 1)[1], t.split('text-anchor="')[1].split('"')[0])
                   for t in svg.split("<text")[1:] if "text-anchor" in t)
    assert anchors == {"西边服务站": "start", "东边服务站": "end"}
