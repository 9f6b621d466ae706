"""Text in images, read by the real OCR (RapidOCR, models shipped in the wheel, offline;
about 1–2 s an image on this machine)."""

import io

import pytest
from PIL import Image

from banquan.applications import services as applications
from banquan.screening import extract, ocr
from banquan.screening.extract import image
from banquan.screening.models import Hit, Run, RunStatus
from banquan.screening.tests.documents import MAJOR, text_image
from banquan.testing import factories

LINES = ["山水长卷第一幅", f"作品讲述{MAJOR}时期的故事"]


@pytest.fixture(scope="module")
def picture() -> bytes:
    return text_image(LINES, size=48)


def test_ocr_reads_chinese_lines_with_their_boxes(picture, settings):
    result = extract.extract("image", picture, ocr=ocr.engine())
    piece = result.pieces[0]
    assert MAJOR in piece.text
    assert [s.label for s in piece.segments] == ["第 1 行文字", "第 2 行文字"]
    first, second = (s.box for s in piece.segments)
    assert first is not None and second is not None
    assert max(y for _x, y in first) <= min(y for _x, y in second)  # line 2 is below line 1
    assert piece.locate(piece.text.index(MAJOR)) == ("第 2 行文字", second)


def test_a_flat_image_is_not_sent_to_ocr():
    class Refusing:
        def read(self, img):
            raise AssertionError("OCR called on a blank image")

    blank = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 30, 30)).save(blank, "PNG")
    assert image.extract(blank.getvalue(), Refusing()).pieces == []


def test_a_broken_image_is_unreadable():
    with pytest.raises(extract.Unreadable) as e:
        extract.extract("image", factories.png_bytes()[:60], ocr=ocr.engine())
    assert "图片无法解码" in e.value.reason


@pytest.mark.django_db
def test_acceptance_ocrs_an_image_sample_and_shows_where_the_hit_is(client, reviewer, applicant, accept, lexicon,
                                                                     clock, picture):
    app = factories.draft(applicant, with_sample=False)
    applications.add_sample(applicant=applicant, app_id=app.pk, name="画.png", file=io.BytesIO(picture),
                            size=len(picture))
    applications.submit(applicant=applicant, app_id=app.pk)
    accept(app)
    run = Run.objects.get(application=app)
    assert run.status == RunStatus.DONE and run.items_done == run.items_total == 2
    hit = Hit.objects.get(run=run)
    assert hit.term == MAJOR and hit.major_topic and hit.location == "第 2 行文字" and hit.box
    assert hit.piece.source_label == "画.png"
    client.force_login(reviewer)
    html = client.get(f"/review/{app.pk}/").content.decode()
    assert f"<mark>{MAJOR}</mark>" in html and f'src="/screening/hits/{hit.pk}/image.png"' in html
    r = client.get(f"/screening/hits/{hit.pk}/image.png")
    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    crop = Image.open(io.BytesIO(r.content))
    assert crop.height < Image.open(io.BytesIO(picture)).height  # just the line, not the whole image
