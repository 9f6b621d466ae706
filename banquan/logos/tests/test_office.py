"""The office's brand-logo library and check: registrars keep the protected marks; a sample
that copies one stops the application at acceptance with its evidence, until a registrar
releases it (with a reason, audited) or rejects it."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from PIL import Image

from banquan.applications import services as applications
from banquan.core.errors import DomainError, PermissionDenied
from banquan.ledger.models import AuditEntry
from banquan.logos import checks, library, services
from banquan.logos.models import Check, Finding, Mark, MarkImport
from banquan.logos.tests import synth as s
from banquan.review import services as review
from banquan.testing import factories
from banquan.testing.api_client import BearerClient

pytestmark = pytest.mark.django_db

CIRCLE = s.mark("circle", "A", 1)
ARROW = s.mark("arrow", "R", 8)


@pytest.fixture(autouse=True)
def _fresh_index():
    library.forget()
    yield
    library.forget()


@pytest.fixture
def marks(registrar):
    return [services.add_mark(by=registrar, data=s.png(CIRCLE), filename="circle.png", brand="圆环 A",
                              owner="甲公司"),
            services.add_mark(by=registrar, data=s.png(ARROW), filename="arrow.png", brand="箭头 R", owner="乙公司")]


def in_artwork(logo: Image.Image, seed: int = 3) -> bytes:
    return s.png(s.paste(s.artwork(1000, 800, seed), logo, (500, 350, 400, 400)))


def accepted_with(applicant, reviewer, data: bytes, name: str = "work.png", **fields):
    app = factories.draft(applicant, with_sample=False, **fields)
    applications.add_sample(applicant=applicant, app_id=app.pk, name=name, file=io.BytesIO(data), size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    return review.accept(reviewer=reviewer, app_id=app.pk)


def test_a_copy_inside_an_artwork_is_intercepted_at_acceptance_with_its_evidence(
        client, marks, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(ARROW), title="城市印象")
    app.refresh_from_db()
    assert app.status == "intercepted"
    check = checks.latest_check(app.pk)
    assert check.intercepted and check.marks_compared == 2
    finding = Finding.objects.get(check_run=check)
    assert finding.mark.brand == "箭头 R" and finding.score >= 0.45
    # the region lies on the pasted logo (at 500..900, 350..750 of the 1000×800 artwork)
    cx, cy = finding.x + finding.w / 2, finding.y + finding.h / 2
    assert 500 < cx < 900 and 350 < cy < 750
    client.force_login(reviewer)
    page = client.get(reverse("review:application", args=[app.pk])).content.decode()
    assert "已拦截" in page and "箭头 R" in page and "乙公司" in page
    assert "只有登记管理员可以解除拦截" in page and 'id="decision-form"' not in page
    evidence = client.get(reverse("logos:finding_image", args=[finding.pk]))
    assert evidence["Content-Type"] == "image/png"
    shown = Image.open(io.BytesIO(evidence.content)).convert("RGB")
    assert shown.width == 720  # the artwork, scaled, with the region outlined in red
    red = [shown.getpixel((x, round((finding.y + finding.h / 2) * 0.72))) for x in range(shown.width)]
    assert any(r > 200 and g < 40 and b < 40 for r, g, b in red)
    mark_png = client.get(reverse("logos:mark_image", args=[finding.mark_id]))
    assert mark_png.status_code == 200 and mark_png["Content-Type"] == "image/png"
    entry = AuditEntry.objects.filter(subject=app.subject, action="intercept").get()
    assert entry.to_state == "intercepted" and "箭头 R" in entry.reason


def test_an_unrelated_artwork_passes(marks, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, s.png(s.artwork(900, 700, 11)))
    app.refresh_from_db()
    check = checks.latest_check(app.pk)
    assert app.status == "accepted"
    assert check.status == "done" and not check.intercepted and check.marks_compared == 2
    assert not check.findings.exists()


def test_only_a_registrar_releases_and_the_reason_is_audited(
        client, marks, applicant, reviewer, registrar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(CIRCLE, seed=5))
    with pytest.raises(PermissionDenied):
        checks.release(registrar=reviewer, app_id=app.pk, reason="看过了")
    with pytest.raises(PermissionDenied):
        review.reject(reviewer=reviewer, app_id=app.pk, reason="疑似侵权")
    client.force_login(registrar)
    refused = client.post(reverse("logos:release", args=[app.pk]), {"reason": "  "}, HTTP_HX_REQUEST="true")
    assert "必须填写理由" in refused.content.decode()
    app.refresh_from_db()
    assert app.status == "intercepted"
    done = client.post(reverse("logos:release", args=[app.pk]), {"reason": "申请人提供了商标权利人的授权书。"},
                       HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"
    app.refresh_from_db()
    assert app.status == "accepted"
    entry = AuditEntry.objects.filter(subject=app.subject, action="release_interception").get()
    assert entry.actor == registrar and entry.reason == "申请人提供了商标权利人的授权书。"
    # back in the review: the reviewer can take it on and approve it
    review.start_review(reviewer=reviewer, app_id=app.pk)
    reg = review.approve(reviewer=reviewer, app_id=app.pk, reason="已获授权，符合登记条件。")
    assert reg.number


def test_a_registrar_can_reject_an_intercepted_application(
        client, marks, applicant, reviewer, registrar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(CIRCLE, seed=6))
    client.force_login(registrar)
    client.post(reverse("logos:reject", args=[app.pk]), {"reason": "复制他人知名商标标志。"})
    app.refresh_from_db()
    assert app.status == "rejected"


def test_no_approval_while_the_logo_check_is_still_running(marks, applicant, reviewer):
    app = accepted_with(applicant, reviewer, s.png(s.artwork(600, 400, 2)))
    checks.queue_check(app_id=app.pk, trigger="accept")  # as at acceptance; its job has not run yet
    review.start_review(reviewer=reviewer, app_id=app.pk)
    with pytest.raises(DomainError, match="商标标志比对尚未完成"):
        review.approve(reviewer=reviewer, app_id=app.pk, reason="符合登记条件。")


def test_a_disabled_mark_no_longer_stops_applications(
        marks, applicant, reviewer, registrar, django_capture_on_commit_callbacks):
    services.set_marks_active(by=registrar, mark_ids=[marks[1].pk], active=False)
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(ARROW))
    app.refresh_from_db()
    assert app.status == "accepted" and checks.latest_check(app.pk).marks_compared == 1


def test_an_empty_library_says_nothing_was_compared(applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(ARROW))
    check = checks.latest_check(app.pk)
    assert check.status == "done" and check.marks_compared == 0


def test_the_api_shows_the_evidence_and_lets_a_registrar_release(
        marks, applicant, reviewer, registrar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(ARROW, seed=9))
    as_reviewer = BearerClient(reviewer)
    body = as_reviewer.get(f"/api/v1/logos/applications/{app.pk}").json()
    assert body["application_status"] == "intercepted" and body["intercepted"]
    assert body["findings"][0]["brand"] == "箭头 R" and len(body["findings"][0]["region"]) == 4
    assert as_reviewer.post(f"/api/v1/logos/applications/{app.pk}/release", {"reason": "x"}).status_code == 403
    released = BearerClient(registrar).post(f"/api/v1/logos/applications/{app.pk}/release",
                                                     {"reason": "已核实为申请人自有标志。"})
    assert released.status_code == 200 and released.json()["application_status"] == "accepted"


# --- the library ----------------------------------------------------------------------------

def test_a_registrar_adds_a_mark_in_the_back_office(client, registrar):
    client.force_login(registrar)
    upload = io.BytesIO(s.png(CIRCLE))
    upload.name = "circle.png"
    response = client.post(reverse("admin:logos_mark_add"), {"brand": "圆环 A", "owner": "甲公司", "note": "",
                                                             "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    mark = Mark.objects.get()
    assert (mark.brand, mark.owner, mark.active) == ("圆环 A", "甲公司", True)
    assert AuditEntry.objects.filter(subject="logos:library", action="logo_mark_add").exists()
    listing = client.get(reverse("admin:logos_mark_changelist")).content.decode()
    assert "圆环 A" in listing and "批量导入" in listing


SCRIPTED_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script>'
                b'<rect width="10" height="10"/></svg>')


@pytest.mark.parametrize(("name", "data", "message"), [
    ("evil.svg", SCRIPTED_SVG, "脚本"),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "无法读取"),
    ("empty.png", b"", "空文件"),
    ("logo.gif", s.png(CIRCLE), "PNG、JPEG 或 SVG"),
])
def test_unreadable_or_unsafe_marks_are_refused_with_a_reason(registrar, name, data, message):
    with pytest.raises(DomainError, match=message):
        services.add_mark(by=registrar, data=data, filename=name, brand="某品牌", owner="某公司")
    assert not Mark.objects.exists()


def test_the_same_file_is_not_added_twice_and_only_registrars_manage_the_library(registrar, reviewer):
    services.add_mark(by=registrar, data=s.png(CIRCLE), filename="a.png", brand="圆环 A", owner="甲公司")
    with pytest.raises(DomainError, match="已在标志库中"):
        services.add_mark(by=registrar, data=s.png(CIRCLE), filename="b.png", brand="圆环", owner="甲公司")
    with pytest.raises(PermissionDenied):
        services.add_mark(by=reviewer, data=s.png(ARROW), filename="c.png", brand="箭头", owner="乙公司")


def _zip(files: dict[str, bytes]) -> io.BytesIO:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    buf.seek(0)
    buf.name = "marks.zip"
    return buf


def test_bulk_import_of_an_archive_reports_progress_duplicates_and_each_refusal(
        client, registrar, django_capture_on_commit_callbacks):
    services.add_mark(by=registrar, data=s.png(CIRCLE), filename="a.png", brand="圆环 A", owner="甲公司")
    library_files = {name: data for name, data, _ in s.library()[1:5]}
    archive = _zip({
        "brands/marks.csv": "file,brand,owner\nbrands/circle-again.png,圆环重复,甲公司\nbrands/evil.svg,恶意,丙公司\n"
                            .encode(),
        "brands/circle-again.png": s.png(CIRCLE),
        "brands/evil.svg": SCRIPTED_SVG,
        "brands/notes.txt": b"not a mark",
        **{f"brands/{name}.png": data for name, data in library_files.items()},
    })
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:logos_mark_import"), {"archive": archive, "default_owner": "默认公司"})
    job = MarkImport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/import/{job.pk}/")
    job.refresh_from_db()
    assert (job.status, job.total, job.done, job.added, job.duplicates) == ("done", 6, 6, 4, 1)
    assert job.errors == [{"file": "brands/evil.svg", "reason": job.errors[0]["reason"]}]
    assert "脚本" in job.errors[0]["reason"]
    assert set(Mark.objects.filter(owner="默认公司").values_list("brand", flat=True)) == set(library_files)
    page = client.get(response["Location"]).content.decode()
    assert "新增 4 个标志" in page and "brands/evil.svg" in page and 'value="6"' in page


def test_a_folder_can_be_imported_file_by_file(client, registrar, django_capture_on_commit_callbacks):
    files = []
    for name, data, _ in s.library()[1:4]:
        f = io.BytesIO(data)
        f.name = f"{name}.png"
        files.append(f)
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:logos_mark_import"), {"folder": files, "default_owner": "丁公司"})
    assert Mark.objects.filter(owner="丁公司").count() == 3


def test_an_archive_that_cannot_be_read_is_refused_on_the_form(client, registrar):
    client.force_login(registrar)
    bad = io.BytesIO(b"this is not an archive at all")
    bad.name = "marks.zip"
    page = client.post(reverse("admin:logos_mark_import"), {"archive": bad}).content.decode()
    assert "无法读取压缩包" in page and not MarkImport.objects.exists()


def test_checks_count_only_the_latest_library(marks, registrar):
    """The in-process index follows the library: a new mark is compared at once."""
    first = library.current_index()
    services.add_mark(by=registrar, data=s.png(s.mark("star", "K", 3)), filename="star.png", brand="星 K",
                      owner="戊公司")
    assert len(first) == 2 and len(library.current_index()) == 3
    assert Check.objects.count() == 0


def test_the_command_line_imports_a_folder_and_screens_with_the_office_library(tmp_path, capsys):
    from banquan.cli import main

    folder = tmp_path / "marks"
    folder.mkdir()
    (folder / "circle.png").write_bytes(s.png(CIRCLE))
    (folder / "arrow.png").write_bytes(s.png(ARROW))
    (folder / "marks.csv").write_text("file,brand,owner\narrow.png,箭头 R,乙公司\n", encoding="utf-8")
    (folder / "broken.svg").write_bytes(SCRIPTED_SVG)
    assert main(["logos", "import", str(folder), "--owner", "甲公司"]) == 1  # one file refused
    out = capsys.readouterr()
    assert "added 2" in out.out and "broken.svg" in out.out and "3/3" in out.err
    assert set(Mark.objects.values_list("brand", "owner")) == {("circle", "甲公司"), ("箭头 R", "乙公司")}
    image = tmp_path / "work.png"
    image.write_bytes(in_artwork(ARROW))
    assert main(["screen", "logo", str(image)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["decision"], line["match"], line["owner"]) == ("intercept", "箭头 R", "乙公司")


def test_a_logo_shown_in_a_video_is_intercepted_with_the_frame_as_evidence(
        client, marks, applicant, reviewer, django_capture_on_commit_callbacks):
    import numpy as np

    from banquan.similarity.tests import media_samples as media

    logo_shot = np.asarray(s.paste(s.artwork(640, 480, 4), ARROW, (300, 150, 260, 260)).convert("RGB"))
    frames = [np.asarray(s.artwork(640, 480, 20 + n // 10).convert("RGB")) for n in range(40)]  # 4 s of artwork
    frames += [logo_shot] * 30  # then the mark for 3 s
    video = media.encode_video(frames, size=(640, 480))
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, video, name="making-of.mp4", category="audiovisual")
    app.refresh_from_db()
    assert app.status == "intercepted"
    finding = Finding.objects.get(check_run=checks.latest_check(app.pk))
    assert finding.mark.brand == "箭头 R" and 4.0 <= finding.frame_at <= 7.0 and finding.frame_key
    client.force_login(reviewer)
    assert "秒的画面" in client.get(reverse("review:application", args=[app.pk])).content.decode()
    assert client.get(reverse("logos:finding_image", args=[finding.pk]))["Content-Type"] == "image/png"


def test_the_evidence_stays_on_the_page_while_a_new_check_runs(
        client, marks, applicant, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, in_artwork(ARROW))
    checks.queue_check(app_id=app.pk, trigger="rerun")
    client.force_login(reviewer)
    panel = client.get(reverse("logos:panel", args=[app.pk])).content.decode()
    assert "正在比对" in panel and "箭头 R" in panel and 'hx-trigger="every 2s"' in panel


def test_every_image_format_an_applicant_may_upload_is_checked(marks, applicant, reviewer,
                                                               django_capture_on_commit_callbacks):
    buf = io.BytesIO()
    Image.open(io.BytesIO(in_artwork(ARROW))).save(buf, "TIFF")
    with django_capture_on_commit_callbacks(execute=True):
        app = accepted_with(applicant, reviewer, buf.getvalue(), name="scan.tif")
    check = checks.latest_check(app.pk)
    assert check.unreadable == [] and check.intercepted


def test_marks_prepared_by_an_older_engine_are_prepared_again(marks):
    from banquan.logos import marks as prepared

    Mark.objects.filter(pk=marks[0].pk).update(prepared=b"old", prepared_format=prepared.FORMAT - 1)
    assert len(library.current_index()) == 2
    mark = Mark.objects.get(pk=marks[0].pk)
    assert mark.prepared_format == prepared.FORMAT
    assert prepared.stored_format(bytes(mark.prepared)) == prepared.FORMAT
