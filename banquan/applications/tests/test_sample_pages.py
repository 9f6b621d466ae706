"""Uploading, listing, opening and removing samples from the applicant's pages."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from banquan.applications.models import Sample
from banquan.testing import factories

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200


@pytest.fixture
def browser(client, applicant, clock):
    client.force_login(applicant)
    return client


def stored_files(settings) -> list[Path]:
    root = Path(settings.BANQUAN_STORAGE_DIR)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def upload(client, app, name: str, data: bytes, role: str = "sample", htmx: bool = False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("applications:sample_add", args=[app.pk]),
                       {"role": role, "file": SimpleUploadedFile(name, data)}, headers=headers)


def test_uploading_a_png_lists_it_on_the_form(browser, applicant, settings):
    app = factories.draft(applicant, with_sample=False)
    r = upload(browser, app, "画作.png", factories.png_bytes())
    assert r.status_code == 302 and r.url.endswith("#samples")
    sample = app.samples.get()
    assert (sample.original_name, sample.media_type, sample.content_type) == ("画作.png", "image", "image/png")
    assert browser.get(reverse("applications:edit", args=[app.pk])).content.decode().count("画作.png") >= 1
    assert len(stored_files(settings)) == 1


@pytest.mark.parametrize("name, data, reason", [
    ("scan.pdf", factories.png_bytes(), "扩展名与内容不符"),
    ("photo.jpg", EXE, "不接受文件“photo.jpg”的类型"),
])
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(browser, applicant, settings, name, data, reason):
    app = factories.draft(applicant, with_sample=False)
    r = upload(browser, app, name, data)
    html = r.content.decode()
    assert r.status_code == 400
    upload_form = html[html.index('class="upload"'):]
    assert reason in upload_form  # beside the file input, on the upload form
    assert not Sample.objects.exists()
    assert stored_files(settings) == []


def test_an_oversized_file_is_refused_with_the_limit(browser, applicant, settings):
    settings.BANQUAN_UPLOAD_LIMITS = {**settings.BANQUAN_UPLOAD_LIMITS, "image": 100}
    app = factories.draft(applicant, with_sample=False)
    r = upload(browser, app, "big.png", factories.png_bytes(size=(400, 400)), htmx=True)
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html  # htmx gets the samples section only
    assert "超过图片的上限" in html
    assert not Sample.objects.exists()
    assert stored_files(settings) == []


def test_a_process_video_must_be_a_video(browser, applicant):
    app = factories.draft(applicant, with_sample=False)
    r = upload(browser, app, "a.png", factories.png_bytes(), role="process_video")
    assert "创作过程只能上传视频文件" in r.content.decode()
    assert not Sample.objects.exists()


def test_removing_a_sample_deletes_row_and_file(browser, applicant, settings, django_capture_on_commit_callbacks):
    app = factories.draft(applicant)
    sample = app.samples.get()
    with django_capture_on_commit_callbacks(execute=True):
        r = browser.post(reverse("applications:sample_remove", args=[app.pk, sample.pk]), headers={"HX-Request": "true"})
    assert r.status_code == 200 and "尚未上传文件" in r.content.decode()
    assert not Sample.objects.exists()
    assert stored_files(settings) == []


def test_no_uploads_after_submission(browser, applicant):
    app = factories.submitted(applicant)
    r = upload(browser, app, "later.png", factories.png_bytes())
    assert r.status_code == 302 and r.url == reverse("applications:detail", args=[app.pk])
    r = upload(browser, app, "later.png", factories.png_bytes(), htmx=True)
    assert "不能再上传或删除文件" in r.content.decode()
    sample = app.samples.get()
    r = browser.post(reverse("applications:sample_remove", args=[app.pk, sample.pk]))
    assert r.status_code == 302
    assert list(app.samples.all()) == [sample]


def test_the_sample_file_is_served_with_its_type_and_name(browser, applicant):
    app = factories.draft(applicant)
    sample = app.samples.get()
    r = browser.get(reverse("applications:sample_file", args=[sample.uuid]))
    assert r.status_code == 200
    assert r["Content-Type"] == "image/png"
    assert 'filename="sample.png"' in r["Content-Disposition"]
    assert b"".join(r.streaming_content) == factories.png_bytes()


def test_thumbnail_is_made_on_demand_no_larger_than_480px(browser, applicant):
    app = factories.draft(applicant, with_sample=False)
    upload(browser, app, "wide.png", factories.png_bytes(size=(1200, 600)))
    sample = app.samples.get()
    assert sample.thumbnail_key == ""  # the job runs after commit, which a test transaction never reaches
    r = browser.get(reverse("applications:sample_thumbnail", args=[sample.uuid]))
    assert r.status_code == 200 and r["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(r.streaming_content))) as thumb:
        assert thumb.format == "JPEG" and thumb.size == (480, 240)
    sample.refresh_from_db()
    assert sample.thumbnail_key == f"thumbnails/{sample.uuid}.jpg"


def test_no_thumbnail_for_a_pdf(browser, applicant):
    app = factories.draft(applicant, with_sample=False)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    upload(browser, app, "doc.pdf", pdf)
    sample = app.samples.get()
    assert browser.get(reverse("applications:sample_thumbnail", args=[sample.uuid])).status_code == 404
