"""Every registered work gets an ISCC (ISO 24138) that other registries can match."""

import io

import pytest
from PIL import Image, ImageDraw

from banquan.similarity import iscc
from banquan.similarity.models import ContentCode
from banquan.testing import factories


def artwork(size=(400, 300), shift=0) -> bytes:
    im = Image.new("RGB", size, (250, 248, 240))
    d = ImageDraw.Draw(im)
    w, h = size
    d.ellipse((w * 0.1 + shift, h * 0.1, w * 0.6 + shift, h * 0.8), fill=(180, 30, 40))
    d.rectangle((w * 0.55, h * 0.3, w * 0.9, h * 0.9), fill=(20, 60, 140))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def image_codes(data: bytes) -> iscc.Codes:
    return iscc.codes(title="江南春晓", description="", media_type="image", name="a.jpg",
                      content_type="image/jpeg", data=data)


def test_a_resized_copy_has_a_near_image_code_and_another_picture_a_far_one():
    original = image_codes(artwork())
    resized = image_codes(artwork(size=(200, 150)))
    other = image_codes(factories.png_bytes(color=(10, 200, 10)))
    assert original.iscc.startswith("ISCC:") and original.content
    assert iscc.distance(original.content, resized.content) <= 8
    assert iscc.distance(original.content, other.content) > 16
    assert original.instance != resized.instance  # different bytes, different instance


def test_text_samples_get_a_text_code_that_survives_small_edits():
    text = "春天来了，江南的雨细细地落在青石板上。" * 30
    a = iscc.codes(title="t", description="", media_type="text", name="a.txt", content_type="text/plain",
                   data=text.encode("gb18030"))
    b = iscc.codes(title="t", description="", media_type="text", name="b.txt", content_type="text/plain",
                   data=(text + "完。").encode())
    assert a.content and iscc.distance(a.content, b.content) <= 8


def test_a_broken_image_still_gets_data_and_instance_codes():
    codes = image_codes(b"\xff\xd8\xff\xe0 not really a jpeg")
    assert codes.content == "" and codes.data and codes.instance and codes.iscc.startswith("ISCC:")


@pytest.mark.django_db
def test_registration_computes_the_iscc_and_the_verify_page_and_api_show_it(
        client, clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the job runs after the commit
        reg = factories.registered(applicant, reviewer)
    code = ContentCode.objects.get(registration=reg)
    assert code.iscc.startswith("ISCC:K") and code.meta_code and code.content_code
    assert code.iscc in client.get(f"/verify/{reg.number}").content.decode()
    assert client.get(f"/api/v1/registrations/{reg.number}").json()["iscc"] == code.iscc


@pytest.mark.django_db
def test_the_iscc_command_fills_in_what_is_missing(clock, applicant, reviewer, capsys):
    from banquan import cli

    reg = factories.registered(applicant, reviewer)
    ContentCode.objects.filter(registration=reg).delete()
    assert cli.main(["iscc"]) == 0
    assert "ISCC computed for 1 registrations" in capsys.readouterr().out
    assert ContentCode.objects.filter(registration=reg).exists()
