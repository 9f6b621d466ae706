"""Audio and video fingerprints on generated media: copies of one recording or video match,
different ones do not (fpcalc and PyAV really run)."""

import numpy as np
import pytest

from banquan.similarity import media, media_index
from banquan.similarity.tests import media_samples as ms

RATE = ms.RATE


@pytest.fixture(scope="module")
def track() -> np.ndarray:
    return ms.melody(1, 30)


@pytest.fixture(scope="module")
def original(track) -> np.ndarray:
    return media.audio_print(ms.wav(track), "song.wav")


def ber_to(original, data: bytes, name: str) -> tuple[float, int]:
    return media.audio_ber(original, media.audio_print(data, name))


def test_an_audio_print_has_about_eight_sub_fingerprints_a_second(original):
    assert original.dtype == np.uint32
    assert 200 <= len(original) <= 245  # 30 s / 0.124 s, less Chromaprint's warm-up


@pytest.mark.parametrize("variant", ["mp3", "opus", "trimmed_and_quieter", "excerpt", "noisy"])
def test_copies_of_a_recording_match(track, original, variant):
    data, name, offset = {
        "mp3": (ms.encode_audio(track, "mp3", "libmp3lame", bit_rate=64000), "copy.mp3", 0),
        "opus": (ms.encode_audio(track, "ogg", "libopus", bit_rate=32000), "copy.ogg", 0),
        "trimmed_and_quieter": (ms.wav(track[int(3.3 * RATE):] * 0.5), "copy.wav", 27),  # 3.3 s / 0.124 s
        "excerpt": (ms.encode_audio(track[10 * RATE:20 * RATE] * 1.2, "mp3", "libmp3lame"), "clip.mp3", 81),
        "noisy": (ms.wav(track * 0.8 + 0.05 * np.random.default_rng(0).standard_normal(len(track)).astype(np.float32)),
                  "copy.wav", 0),
    }[variant]
    ber, found = ber_to(original, data, name)
    assert ber < 0.1  # measured 0.001–0.06; the threshold is 0.2
    assert abs(found - offset) <= 1


def test_different_recordings_do_not_match(original):
    for seed in (2, 3, 4):
        ber, _ = ber_to(original, ms.wav(ms.melody(seed, 30)), "other.wav")
        assert ber > 0.3  # measured 0.33–0.39 at their best alignment


def test_the_audio_index_names_the_copy_first(track, original):
    others = [(n, media.audio_print(ms.wav(ms.melody(n, 20)), "o.wav")) for n in (2, 3, 4)]
    idx = media_index.AudioIndex([(1, original.astype("<u4").tobytes())]
                                 + [(n, p.astype("<u4").tobytes()) for n, p in others])
    copy = media.audio_print(ms.encode_audio(track[5 * RATE:], "mp3", "libmp3lame", bit_rate=64000), "c.mp3")
    assert len(idx) == 4 and idx.candidates(copy, 10)[0] == 1


def test_audio_that_cannot_be_read_is_a_media_error():
    with pytest.raises(media.MediaError) as caught:
        media.audio_print(b"RIFF\x00\x00\x00\x00WAVEgarbage" * 10, "bad.wav")
    assert "无法解码" in caught.value.reason
    with pytest.raises(media.MediaError):
        media.audio_print(b"", "empty.wav")


def test_a_missing_fpcalc_is_a_media_error_that_says_so(monkeypatch, track):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(media.MediaError) as caught:
        media.audio_print(ms.wav(track[:RATE]), "a.wav")
    assert "fpcalc" in caught.value.reason


# --- video -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scenes() -> list[np.ndarray]:
    return ms.scenes(1, 12)


@pytest.fixture(scope="module")
def video_hashes(scenes) -> bytes:
    return media.frame_hashes(media.video_frames(ms.encode_video(scenes)))


def test_video_frames_are_one_a_second_rgb_and_at_most_512_px():
    data = ms.encode_video(ms.scenes(5, 4, size=(1280, 720)), fps=10)
    frames = media.video_frames(data)
    assert [t for t, _ in frames] == [0.0, 1.0, 2.0, 3.0]
    assert all(f.shape == (288, 512, 3) and f.dtype == np.uint8 for _, f in frames)
    assert [t for t, _ in media.video_frames(data, every=2.0)] == [0.0, 2.0]
    assert len(media.video_frames(data, every=0.5, limit=3)) == 3


@pytest.mark.parametrize("variant", ["half_size_low_quality", "webm", "mpeg4_avi", "trimmed", "double_rate_upscaled"])
def test_copies_of_a_video_match(scenes, video_hashes, variant):
    data = {
        "half_size_low_quality": lambda: ms.encode_video(scenes, size=(160, 120), crf=35),
        "webm": lambda: ms.encode_video(scenes, "webm", "libvpx", size=(240, 180)),
        "mpeg4_avi": lambda: ms.encode_video(scenes, "avi", "mpeg4"),
        "trimmed": lambda: ms.encode_video(scenes[20:]),  # the first 2 of 12 seconds cut
        "double_rate_upscaled": lambda: ms.encode_video([f for f in scenes for _ in (0, 1)], fps=20,
                                                        size=(640, 480)),
    }[variant]()
    copy = media.frame_hashes(media.video_frames(data))
    assert media.video_match(video_hashes, copy) >= 0.8  # measured 0.83–1.0


def test_different_videos_do_not_match(video_hashes):
    for seed in (2, 3):
        other = media.frame_hashes(media.video_frames(ms.encode_video(ms.scenes(seed, 12))))
        assert media.video_match(video_hashes, other) == 0.0


def test_the_video_index_names_the_copy_first(scenes, video_hashes):
    others = [(n, media.frame_hashes(media.video_frames(ms.encode_video(ms.scenes(n, 6))))) for n in (2, 3)]
    idx = media_index.VideoIndex([(1, video_hashes), *others])
    copy = media.frame_hashes(media.video_frames(ms.encode_video(scenes, size=(200, 150))))
    assert idx.candidates(copy, 10) == [1]


def test_flat_frames_carry_no_hash():
    black = [np.zeros((120, 160, 3), dtype=np.uint8)] * 30
    assert media.frame_hashes(media.video_frames(ms.encode_video(black))) == b""


@pytest.mark.parametrize("data", [b"", b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 20, b"not a video"])
def test_undecodable_video_is_a_media_error(data):
    with pytest.raises(media.MediaError) as caught:
        media.video_frames(data)
    assert caught.value.reason and isinstance(caught.value, ValueError)


def test_audio_only_files_have_no_video_frames(track):
    with pytest.raises(media.MediaError) as caught:
        media.video_frames(ms.encode_audio(track[:RATE * 2], "mp3", "libmp3lame"))
    assert "没有视频" in caught.value.reason
