"""Thumbnails of image samples: small JPEGs, never a decoded decompression bomb."""

import io
import struct
import warnings
import zlib

import pytest
from PIL import Image, ImageFile

from banquan.applications import services, thumbnails
from banquan.core.storage import store
from banquan.testing import factories


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG file declaring a huge canvas: what a decompression bomb looks like."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def image_of(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_thumbnail_fits_in_480px_and_keeps_proportions():
    thumb = image_of(thumbnails.render(io.BytesIO(factories.png_bytes(size=(960, 1440)))))
    assert (thumb.format, thumb.size) == ("JPEG", (320, 480))


def test_small_images_are_not_enlarged():
    assert image_of(thumbnails.render(io.BytesIO(factories.png_bytes(size=(64, 48))))).size == (64, 48)


def test_transparency_becomes_white():
    buf = io.BytesIO()
    Image.new("RGBA", (10, 10), (255, 0, 0, 0)).save(buf, "PNG")
    thumb = image_of(thumbnails.render(io.BytesIO(buf.getvalue())))
    assert thumb.getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize("width, height", [(9_000, 9_000), (60_000, 60_000)])
def test_decompression_bombs_are_refused_before_decoding(width, height, monkeypatch):
    def no_decoding(self):
        raise AssertionError("the bomb was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with warnings.catch_warnings(), pytest.raises(thumbnails.ThumbnailFailed):
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # Pillow's own notice
        thumbnails.render(io.BytesIO(png_header_only(width, height)))


def test_a_broken_image_is_refused():
    with pytest.raises(thumbnails.ThumbnailFailed):
        thumbnails.render(io.BytesIO(factories.png_bytes()[:40]))


def test_upload_schedules_the_thumbnail_after_commit(db, applicant, clock, django_capture_on_commit_callbacks):
    app = factories.draft(applicant, with_sample=False)
    data = factories.png_bytes(size=(1000, 500))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sample = services.add_sample(applicant=applicant, app_id=app.pk, name="a.png", file=io.BytesIO(data),
                                     size=len(data))
    assert len(callbacks) == 1
    sample.refresh_from_db()
    assert sample.thumbnail_key == f"thumbnails/{sample.uuid}.jpg"
    assert image_of(store().read(sample.thumbnail_key)).size == (480, 240)


def test_no_thumbnail_job_for_other_files(db, applicant, clock, django_capture_on_commit_callbacks):
    app = factories.draft(applicant, with_sample=False)
    data = "作品全文".encode()
    with django_capture_on_commit_callbacks() as callbacks:
        services.add_sample(applicant=applicant, app_id=app.pk, name="a.txt", file=io.BytesIO(data), size=len(data))
    assert callbacks == []


def test_an_unreadable_image_sample_gets_no_thumbnail(db, applicant, clock):
    app = factories.draft(applicant)
    sample = app.samples.get()
    store().put(sample.blob_key, png_header_only(60_000, 60_000))  # replaced behind our back
    assert thumbnails.ensure(sample) is None
    sample.refresh_from_db()
    assert sample.thumbnail_key == ""
