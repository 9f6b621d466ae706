"""Uploads that pass the type check but do not open, hold nothing or are decompression bombs
are refused with a reason naming the file, and nothing is stored."""

import io
import wave

import numpy as np
import pytest
from PIL import Image

from banquan.applications import media_checks, services
from banquan.applications.models import Sample
from banquan.core.errors import DomainError
from banquan.similarity.tests import media_samples as ms
from banquan.testing import factories


def png(size=(300, 200), mode="RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size).save(buf, "PNG")
    return buf.getvalue()


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.effect_noise((800, 600), 40).convert("RGB").save(buf, "JPEG")
    return buf.getvalue()


def empty_wav() -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(b"")
    return buf.getvalue()


GARBAGE_MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(range(256)) * 40


def refusal(name: str, media_type: str, data: bytes) -> str:
    with pytest.raises(DomainError) as caught:
        media_checks.check(name, media_type, io.BytesIO(data))
    assert name in caught.value.message
    return caught.value.message


@pytest.mark.parametrize("name, media_type, data", [
    ("a.png", "image", png()),
    ("a.jpg", "image", jpeg()),
    ("a.wav", "audio", ms.wav(ms.melody(1, 2))),
    ("a.mp3", "audio", ms.encode_audio(ms.melody(1, 2), "mp3", "libmp3lame")),
    ("a.mp4", "video", ms.encode_video(ms.scenes(1, 2))),
    ("a.txt", "text", b"\x00 no check for text"),
])
def test_sound_files_pass_and_are_rewound(name, media_type, data):
    file = io.BytesIO(data)
    file.seek(5)
    media_checks.check(name, media_type, file)
    assert file.tell() == 0


def test_a_zero_length_wav_is_refused():
    assert "时长为零" in refusal("silence.wav", "audio", empty_wav())


def test_a_truncated_or_corrupt_png_is_refused():
    data = png()
    assert "已损坏或不完整" in refusal("cut.png", "image", data[:-30])
    flipped = bytearray(data)
    flipped[60] ^= 0xFF  # inside the image data: its CRC no longer matches
    assert "已损坏或不完整" in refusal("flipped.png", "image", bytes(flipped))


def test_a_truncated_jpeg_is_refused():
    data = jpeg()
    assert "已损坏或不完整" in refusal("cut.jpg", "image", data[:len(data) // 2])


def test_a_decompression_bomb_is_refused_before_decoding():
    bomb = png((10_000, 10_000), mode="1")  # 100 M pixels in ~15 KB
    assert len(bomb) < 100_000
    message = refusal("bomb.png", "image", bomb)
    assert "解压炸弹" in message and "10000 × 10000" in message
    assert "解压炸弹" in refusal("huge.png", "image", png((20_000, 20_000), mode="1"))  # Pillow's own refusal


def test_garbage_with_an_mp4_header_is_refused():
    assert "无法作为视频打开" in refusal("film.mp4", "video", GARBAGE_MP4)


def test_audio_without_sound_and_video_without_pictures_are_refused():
    assert "没有声音" in refusal("film.mp4", "audio", ms.encode_video(ms.scenes(1, 2)))
    assert "没有视频画面" in refusal("song.mp3", "video", ms.encode_audio(ms.melody(1, 2), "mp3", "libmp3lame"))


@pytest.mark.parametrize("name, data, reason", [
    ("silence.wav", empty_wav(), "时长为零"),
    ("cut.png", png()[:-30], "已损坏或不完整"),
    ("bomb.png", png((10_000, 10_000), mode="1"), "解压炸弹"),
    ("film.mp4", GARBAGE_MP4, "无法作为视频打开"),
])
def test_add_sample_refuses_and_stores_nothing(db, applicant, clock, name, data, reason):
    app = factories.draft(applicant, with_sample=False)
    with pytest.raises(DomainError) as caught:
        services.add_sample(applicant=applicant, app_id=app.pk, name=name, file=io.BytesIO(data), size=len(data))
    assert reason in caught.value.message and name in caught.value.message
    assert not Sample.objects.filter(application=app).exists()


def test_add_sample_keeps_a_sound_recording_whole(db, applicant, clock):
    app = factories.draft(applicant, with_sample=False)
    data = ms.wav(np.zeros(ms.RATE, dtype=np.float32))  # one second of silence is a recording
    sample = services.add_sample(applicant=applicant, app_id=app.pk, name="quiet.wav", file=io.BytesIO(data),
                                 size=len(data))
    assert sample.media_type == "audio" and sample.size == len(data)
