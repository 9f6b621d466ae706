"""A new recording or video is compared with the registered ones at acceptance: a copy of a
registered work is shown to the reviewer with its similarity and a link, an unrelated one is
not (fpcalc and PyAV really run)."""

import pytest
from django.urls import reverse

from banquan import cli
from banquan.similarity import index, services
from banquan.similarity.models import PriorMatch, PriorSearch, WorkFingerprint
from banquan.similarity.tests import media_samples as ms
from banquan.similarity.tests.test_prior import accepted_with, registered_with
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db
RATE = ms.RATE


@pytest.fixture(autouse=True)
def _isolated_indexes(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    yield
    index._cache.clear()
    services._media_cache.clear()


def panel(client, user, app) -> str:
    client.force_login(user)
    page = client.get(reverse("review:application", args=[app.pk])).content.decode()
    return page[page.index('<section id="prior-works">'):]


def test_a_re_encoded_excerpt_of_a_registered_recording_is_shown_to_the_reviewer(
        client, clock, applicant, reviewer, django_capture_on_commit_callbacks):
    song = ms.melody(11, 25)
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="song.wav", data=ms.wav(song), title="江南小调",
                                  category="music")
        other = registered_with(applicant, reviewer, name="other.wav", data=ms.wav(ms.melody(12, 25)),
                                category="music")
    assert WorkFingerprint.objects.get(registration=earlier).audio_code
    copy = ms.encode_audio(song[4 * RATE:] * 0.6, "mp3", "libmp3lame", bit_rate=64000)
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, name="copy.mp3", data=copy, category="music")

    search = PriorSearch.objects.get(application=app)
    assert search.status == "done" and search.audio_compared == 2 and search.not_compared == ""
    match = PriorMatch.objects.get(application=app)
    assert match.registration == earlier and match.kind == "audio"
    assert match.similarity > 0.9 and match.distance == round((1 - match.similarity) * 256)
    assert other.pk != match.registration_id

    section = panel(client, reviewer, app)
    assert f'href="{reverse("verify:detail", args=[earlier.number])}"' in section and "江南小调" in section
    assert "音频" in section and f"{round(match.similarity * 100)}%" in section

    body = BearerClient(reviewer).get(f"/api/v1/similarity/applications/{app.pk}/prior").json()
    [candidate] = body["candidates"]
    assert candidate["kind"] == "audio" and candidate["kind_label"] == "音频" and candidate["number"] == earlier.number


def test_an_unrelated_recording_finds_nothing(clock, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registered_with(applicant, reviewer, name="song.wav", data=ms.wav(ms.melody(11, 20)), category="music")
        app = accepted_with(applicant, reviewer, name="new.wav", data=ms.wav(ms.melody(13, 20)), category="music")
    assert PriorSearch.objects.get(application=app).audio_compared == 1
    assert not PriorMatch.objects.filter(application=app).exists()


def test_a_rescaled_copy_of_a_registered_video_is_shown_to_the_reviewer(
        client, clock, applicant, reviewer, django_capture_on_commit_callbacks):
    frames = ms.scenes(21, 10)
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="film.mp4", data=ms.encode_video(frames),
                                  title="城市的早晨", category="audiovisual")
        registered_with(applicant, reviewer, name="other.mp4", data=ms.encode_video(ms.scenes(22, 10)),
                        category="audiovisual")
    assert WorkFingerprint.objects.get(registration=earlier).video_code
    copy = ms.encode_video(frames, "webm", "libvpx", size=(480, 360))
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, name="copy.webm", data=copy, category="audiovisual")

    search = PriorSearch.objects.get(application=app)
    assert search.status == "done" and search.video_compared == 2
    match = PriorMatch.objects.get(application=app)
    assert match.registration == earlier and match.kind == "video" and match.similarity >= 0.8
    section = panel(client, reviewer, app)
    assert f'href="{reverse("verify:detail", args=[earlier.number])}"' in section and "城市的早晨" in section
    assert "视频" in section and f"{round(match.similarity * 100)}%" in section


def test_a_video_is_also_compared_by_its_soundtrack(clock, applicant, reviewer, django_capture_on_commit_callbacks):
    song = ms.melody(31, 12)
    with django_capture_on_commit_callbacks(execute=True):
        earlier = registered_with(applicant, reviewer, name="mv.mp4", category="audiovisual",
                                  data=ms.encode_video(ms.scenes(31, 12), audio=song))
        # new pictures, the same music
        app = accepted_with(applicant, reviewer, name="new.mp4", category="audiovisual",
                            data=ms.encode_video(ms.scenes(32, 12), audio=song))
    [match] = PriorMatch.objects.filter(application=app)
    assert match.registration == earlier and match.kind == "audio"


def test_audio_is_not_compared_without_fpcalc_and_the_reviewer_is_told(
        client, clock, applicant, reviewer, monkeypatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, name="song.wav", data=ms.wav(ms.melody(11, 5)), category="music")
    monkeypatch.setenv("PATH", "/nonexistent")
    services.find_prior(app_id=app.pk)
    search = PriorSearch.objects.get(application=app)
    assert search.status == "done" and "fpcalc" in search.not_compared and "song.wav" in search.not_compared
    assert "未能比对" in panel(client, reviewer, app)


def test_rebuild_counts_the_audio_and_video_works(clock, applicant, reviewer, capsys,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registered_with(applicant, reviewer, name="song.wav", data=ms.wav(ms.melody(11, 10)), category="music")
        registered_with(applicant, reviewer, name="film.mp4", data=ms.encode_video(ms.scenes(21, 4)),
                        category="audiovisual")
    assert services.rebuild_indexes() == {"audio": 1, "video": 1, "image": 0, "text": 0}
    assert cli.main(["similarity", "rebuild"]) == 0
    err = capsys.readouterr().err
    assert "1/1 audio" in err and "1/1 video" in err


def test_rebuild_missing_fingerprints_audio_works_that_have_no_print(clock, applicant, reviewer, capsys,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reg = registered_with(applicant, reviewer, name="song.wav", data=ms.wav(ms.melody(11, 10)),
                              category="music")
    WorkFingerprint.objects.filter(registration=reg).update(audio_code=None)  # as before audio was compared
    assert services.missing_fingerprints() == [reg.pk]
    assert cli.main(["similarity", "rebuild", "--missing"]) == 0
    assert WorkFingerprint.objects.get(registration=reg).audio_code
    assert services.missing_fingerprints() == []
