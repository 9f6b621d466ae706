"""Every new work is compared with the registered works of its kind at acceptance, and the
reviewer sees the near ones with their similarity and a link to their verification page."""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageDraw

from banquan import cli
from banquan.applications import services as applications
from banquan.review import services as review
from banquan.similarity import index, services
from banquan.similarity.models import PriorMatch, PriorSearch, WorkFingerprint
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db

POEM = ("江南的春天总是来得很早。二月刚过，河边的柳树便抽出了嫩黄的新芽，远远望去像一层薄薄的烟。"
        "祖母每天清晨都要到石桥边洗衣裳，木槌敲打青石的声音顺着水面传出很远。我常常蹲在她身旁，"
        "看小鱼在倒影里穿来穿去，看对岸的人家升起炊烟。后来我离开了小镇，到北方的城市读书、工作，"
        "很多年没有再听见那样的捣衣声。去年清明回乡，石桥还在，河水却浅了许多，岸边新修了水泥台阶，"
        "洗衣裳的人已经不见了。")
EDITED = POEM.replace("总是来得很早", "向来来得早").replace("很多年", "许多年").replace("去年", "前年")
OTHER = ("数据库索引的设计需要在查询速度与写入开销之间取得平衡。B 树索引适合范围查询，哈希索引适合等值查询，"
         "而倒排索引则常用于全文检索。在为一张大表建立复合索引时，应当把区分度高、又经常出现在条件中的列放在前面，"
         "并定期检查执行计划，删除长期未被使用的索引，以免拖慢插入和更新。")


@pytest.fixture(autouse=True)
def _isolated_index(settings, tmp_path):
    """Each test its own index files: the index cache reopens an index whose path changed."""
    settings.DATA_DIR = tmp_path
    yield
    index._cache.clear()
    services._media_cache.clear()


def artwork(size=(400, 300), fmt="JPEG") -> bytes:
    im = Image.new("RGB", size, (250, 248, 240))
    d = ImageDraw.Draw(im)
    w, h = size
    d.ellipse((w * 0.1, h * 0.1, w * 0.6, h * 0.8), fill=(180, 30, 40))
    d.rectangle((w * 0.55, h * 0.3, w * 0.9, h * 0.9), fill=(20, 60, 140))
    d.line((0, h, w, 0), fill=(30, 30, 30), width=max(2, w // 60))
    buf = io.BytesIO()
    im.save(buf, fmt)
    return buf.getvalue()


def stripes() -> bytes:
    im = Image.new("RGB", (300, 300), (255, 255, 255))
    d = ImageDraw.Draw(im)
    for x in range(0, 300, 40):
        d.rectangle((x, 0, x + 18, 300), fill=(10, 120, 20))
    d.ellipse((200, 20, 290, 110), fill=(240, 200, 0))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def accepted_with(applicant, reviewer, *, name: str, data: bytes, **fields):
    app = factories.draft(applicant, with_sample=False, **fields)
    applications.add_sample(applicant=applicant, app_id=app.pk, name=name, file=io.BytesIO(data), size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    return review.accept(reviewer=reviewer, app_id=app.pk)


def registered_with(applicant, reviewer, *, name: str, data: bytes, **fields):
    app = accepted_with(applicant, reviewer, name=name, data=data, **fields)
    review.start_review(reviewer=reviewer, app_id=app.pk)
    return review.approve(reviewer=reviewer, app_id=app.pk, reason="材料齐全，符合登记条件。")


def test_a_resized_copy_of_a_registered_image_is_shown_to_the_reviewer(
        client, clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="a.jpg", data=artwork(), title="红日蓝屋")
    assert WorkFingerprint.objects.get(registration=earlier).image_code is not None
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, name="copy.png", data=artwork(size=(200, 150), fmt="PNG"))

    search = PriorSearch.objects.get(application=app)
    assert search.status == "done" and search.compared == 1
    match = PriorMatch.objects.get(application=app)
    assert match.registration == earlier and match.kind == "image" and match.similarity > 0.9

    client.force_login(reviewer)
    page = client.get(reverse("review:application", args=[app.pk])).content.decode()
    section = page[page.index('<section id="prior-works">'):]
    assert "相似的已登记作品" in section and "已比对 1 件已登记作品" in section
    assert f'href="{reverse("verify:detail", args=[earlier.number])}"' in section and "红日蓝屋" in section and "图片" in section
    assert f"{round(match.similarity * 100)}%" in section
    assert reverse("verify:thumbnail", args=[match.registration.fingerprint.sample.uuid]) in section
    assert "未能比对" not in section


def test_an_unrelated_image_finds_nothing(client, clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registered_with(applicant, reviewer, name="a.jpg", data=artwork())
        app = accepted_with(applicant, reviewer, name="b.png", data=stripes())
    assert PriorSearch.objects.get(application=app).status == "done"
    assert not PriorMatch.objects.filter(application=app).exists()
    client.force_login(reviewer)
    page = client.get(reverse("similarity:prior", args=[app.pk])).content.decode()
    assert "未发现相似的已登记作品" in page and "已比对 1 件已登记作品" in page


def test_a_lightly_edited_text_is_a_candidate_and_an_unrelated_one_is_not(
        clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="poem.txt", data=POEM.encode(), category="written",
                                  title="捣衣声")
        copy = accepted_with(applicant, reviewer, name="copy.txt", data=EDITED.encode("gb18030"),
                             category="written")
        other = accepted_with(applicant, reviewer, name="db.txt", data=OTHER.encode(), category="written")
    match = PriorMatch.objects.get(application=copy)
    assert match.registration == earlier and match.kind == "text" and match.similarity > 0.75
    assert not PriorMatch.objects.filter(application=other).exists()
    assert PriorSearch.objects.get(application=other).text_compared == 1


def test_the_page_says_the_comparison_is_running_until_it_is_done(
        client, clock, applicant, reviewer, django_capture_on_commit_callbacks):
    app = accepted_with(applicant, reviewer, name="a.jpg", data=artwork())  # no commit yet: no job
    client.force_login(reviewer)
    assert "受理后将自动与已登记的同类作品比对" in client.get(reverse("similarity:prior", args=[app.pk])).content.decode()
    services.queue_prior(app_id=app.pk)
    page = client.get(reverse("similarity:prior", args=[app.pk])).content.decode()
    assert "正在比对" in page and "hx-trigger" in page
    services.find_prior(app_id=app.pk)
    page = client.get(reverse("similarity:prior", args=[app.pk])).content.decode()
    assert "未发现相似的已登记作品" in page and "已比对 0 件已登记作品" in page and "hx-trigger" not in page


def test_rebuild_restores_a_lost_index(clock, applicant, reviewer, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="a.jpg", data=artwork())
    for kind in ("image", "text"):
        index.index_path(kind).unlink(missing_ok=True)
    index._cache.clear()
    assert len(index.open_index("image")) == 0

    assert cli.main(["similarity", "rebuild"]) == 0
    out = capsys.readouterr()
    assert "1/1 image" in out.err and "[####################]" in out.err
    assert "1 images, 0 texts" in out.out
    assert len(index.open_index("image")) == 1

    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, name="copy.png", data=artwork(size=(300, 225), fmt="PNG"))
    assert PriorMatch.objects.get(application=app).registration == earlier


def test_a_lost_index_is_rebuilt_before_searching(clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="a.jpg", data=artwork())
    index.index_path("image").unlink()
    index._cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, name="copy.png", data=artwork(size=(300, 225), fmt="PNG"))
    assert PriorMatch.objects.get(application=app).registration == earlier


def test_the_api_gives_the_candidates_to_the_office_only(
        clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="a.jpg", data=artwork(), title="红日蓝屋")
        app = accepted_with(applicant, reviewer, name="copy.png", data=artwork(size=(200, 150), fmt="PNG"))
    url = f"/api/v1/similarity/applications/{app.pk}/prior"
    body = BearerClient(reviewer).get(url).json()
    assert body["status"] == "done" and body["compared"] == 1
    [candidate] = body["candidates"]
    assert candidate["number"] == earlier.number and candidate["title"] == "红日蓝屋"
    assert candidate["kind"] == "image" and candidate["kind_label"] == "图片" and candidate["similarity"] > 0.9
    assert candidate["url"] == reverse("verify:detail", args=[earlier.number])
    assert BearerClient(applicant).get(url).status_code == 403
    assert BearerClient(reviewer).get("/api/v1/similarity/applications/999999/prior").status_code == 404


def test_rebuild_missing_fingerprints_works_registered_before(clock, applicant, reviewer, capsys):
    reg = registered_with(applicant, reviewer, name="poem.txt", data=POEM.encode(), category="written")
    assert not WorkFingerprint.objects.exists()  # its job never ran (no commit)
    assert cli.main(["similarity", "rebuild", "--missing"]) == 0
    assert "0 images, 1 texts" in capsys.readouterr().out
    assert WorkFingerprint.objects.get(registration=reg).text_code is not None
    assert index.open_index("text").search(bytes(WorkFingerprint.objects.get().text_code)) == [(reg.pk, 0)]
