"""Screening at acceptance: runs, hits in context on the reviewer's page, special review for
major topics, unreadable samples, re-runs and failures."""

import io
import re

import pytest

from banquan.applications import services as applications
from banquan.applications.models import Application
from banquan.core import plugins
from banquan.core.storage import LocalFileStorage
from banquan.ledger.models import AuditEntry
from banquan.screening import runner, services
from banquan.screening.models import Hit, ItemStatus, Run, RunStatus
from banquan.screening.tests.documents import MAJOR, POLITICAL, pdf_bytes
from banquan.similarity.tests import media_samples
from banquan.testing import factories

pytestmark = pytest.mark.django_db


def section(client, app) -> str:
    html = client.get(f"/review/{app.pk}/").content.decode()
    found = re.search(r'<section id="screening-results">(.*?)</section>', html, re.S)
    assert found
    return found.group(1)


def test_acceptance_screens_the_form_and_the_reviewer_sees_the_hit(client, reviewer, accepted):
    app = accepted(originality=f"以水墨长卷表现四季变化，不涉及{POLITICAL}之类的内容。")
    run = Run.objects.get(application=app)
    assert run.status == RunStatus.DONE and run.trigger == "accept"
    assert run.items_done == run.items_total == 2  # the form and the PNG sample
    assert run.lexicon_version and run.started_at and run.finished_at
    hit = Hit.objects.get(run=run)
    assert (hit.term, hit.category, hit.level, hit.kind, hit.location) == (POLITICAL, "政治", 5, "exact", "")
    assert hit.piece.source == "field:originality" and hit.piece.source_label == "作品独创性"
    assert hit.piece.text[hit.start:hit.end] == POLITICAL

    client.force_login(reviewer)
    html = section(client, app)
    assert f"<mark>{POLITICAL}</mark>" in html
    assert "以水墨长卷表现四季变化，不涉及<mark>" in html  # the context before the hit
    assert "作品独创性" in html and "类别：政治" in html and "级别：5" in html and "原词" in html
    assert "1 处命中，其中重大题材 0 处" in html
    assert "已完成" in html and "已筛查 2 / 2 项" in html
    assert 'name="verdict" value="sensitive"' in html and "确认敏感" in html
    assert not Application.objects.get(pk=app.pk).special_review_required


def test_a_major_topic_hit_sends_the_application_to_special_review(client, reviewer, accepted):
    app = accepted(purpose=f"纪念{MAJOR}胜利。")
    app = Application.objects.get(pk=app.pk)
    assert app.special_review_required
    assert "重大题材" in app.special_review_reason and MAJOR not in app.special_review_reason
    entry = AuditEntry.objects.get(subject=app.subject, action="require_special_review")
    assert entry.actor is None
    run = Run.objects.get(application=app)
    assert run.special_review_requested and Hit.objects.get(run=run).major_topic
    client.force_login(reviewer)
    html = section(client, app)
    assert "1 处命中，其中重大题材 1 处" in html and 'class="hit-group major"' in html


def test_nothing_found(client, reviewer, accepted):
    app = accepted()
    assert Run.objects.get(application=app).status == RunStatus.DONE
    assert not Hit.objects.exists()
    client.force_login(reviewer)
    assert "未发现敏感内容" in section(client, app)


def test_authors_file_names_and_fuzzy_hits_are_screened(client, reviewer, applicant, accept, lexicon, clock):
    app = factories.draft(applicant, with_sample=False)
    applications.update_draft(applicant=applicant, app_id=app.pk, fields={},
                              authors=[{"name": "李四", "signature": "顛覆國家政權"}], owners=factories.owners())
    data = "正文".encode()
    applications.add_sample(applicant=applicant, app_id=app.pk, name=f"{MAJOR}.txt", file=io.BytesIO(data),
                            size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    accept(app)
    hits = {h.piece.source_label: h for h in Hit.objects.select_related("piece")}
    assert hits["作者 1 署名"].kind == "normalized" and hits["作者 1 署名"].term == POLITICAL
    assert hits["文件名"].term == MAJOR


def test_text_and_pdf_samples_are_screened_with_their_locations(client, reviewer, applicant, accept, lexicon, clock):
    app = factories.draft(applicant, with_sample=False)
    text = f"第一行\n第二行\n第三行讲{POLITICAL}\n".encode("gb18030")
    pdf = pdf_bytes(["第一页，山水。", f"第二页，{MAJOR}。"])
    for name, data in (("正文.txt", text), ("画册.pdf", pdf)):
        applications.add_sample(applicant=applicant, app_id=app.pk, name=name, file=io.BytesIO(data), size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    accept(app)
    hits = {h.term: h for h in Hit.objects.select_related("piece")}
    assert hits[POLITICAL].location == "第 3 行" and hits[POLITICAL].piece.source_label == "正文.txt"
    assert hits[MAJOR].location == "第 2 页" and hits[MAJOR].piece.source_label == "画册.pdf"
    client.force_login(reviewer)
    html = section(client, app)
    assert "正文.txt" in html and "第 3 行" in html and "画册.pdf" in html and "第 2 页" in html
    assert "2 处命中，其中重大题材 1 处" in html


def test_an_unreadable_sample_is_reported_to_the_reviewer(client, reviewer, applicant, accept, lexicon, clock):
    app = factories.draft(applicant)
    broken = b"%PDF-1.7\n" + bytes(range(256)) * 4
    applications.add_sample(applicant=applicant, app_id=app.pk, name="损坏.pdf", file=io.BytesIO(broken),
                            size=len(broken))
    applications.submit(applicant=applicant, app_id=app.pk)
    accept(app)
    run = Run.objects.get(application=app)
    assert run.status == RunStatus.DONE and run.items_done == run.items_total == 3
    item = run.items.get(label="损坏.pdf")
    assert item.status == ItemStatus.UNREADABLE and "PDF 文件已损坏" in item.reason
    client.force_login(reviewer)
    html = section(client, app)
    assert "无法读取，未能筛查" in html and "损坏.pdf" in html and "PDF 文件已损坏" in html


def test_audio_is_listed_as_not_screened(client, reviewer, applicant, accept, lexicon, clock):
    app = factories.draft(applicant, with_sample=False)
    mp3 = media_samples.encode_audio(media_samples.melody(1, 2), "mp3", "libmp3lame")  # a real MP3
    applications.add_sample(applicant=applicant, app_id=app.pk, name="歌.mp3", file=io.BytesIO(mp3), size=len(mp3))
    applications.submit(applicant=applicant, app_id=app.pk)
    accept(app)
    run = Run.objects.get(application=app)
    assert run.items_total == 1 and run.items.get(label="歌.mp3").status == ItemStatus.NOT_TEXT
    client.force_login(reviewer)
    assert "未做自动筛查：歌.mp3" in section(client, app)


# --- progress --------------------------------------------------------------------------------

def test_progress_is_shown_and_polled_while_the_run_is_in_progress(client, reviewer, applicant, lexicon, clock):
    app = factories.submitted(applicant)
    from banquan.review import services as review

    review.accept(reviewer=reviewer, app_id=app.pk)  # its on-commit job never runs in this test
    run = services.start_run(app_id=app.pk, trigger="accept")
    client.force_login(reviewer)
    html = section(client, app)
    assert "排队中" in html and "已筛查 0 / 2 项" in html
    assert f'hx-get="/screening/applications/{app.pk}/status/"' in html and 'hx-trigger="every 2s"' in html
    assert "重新筛查" not in html  # not while a run is in progress

    runner.execute(run.pk)
    status = client.get(f"/screening/applications/{app.pk}/status/").content.decode()
    assert "已完成" in status and "已筛查 2 / 2 项" in status
    assert "every 2s" not in status  # polling stops, and the whole panel is loaded once more
    assert f'hx-get="/screening/applications/{app.pk}/"' in status
    panel = client.get(f"/screening/applications/{app.pk}/").content.decode()
    assert 'id="screening-panel"' in panel and "未发现敏感内容" in panel


def test_a_running_run_counts_items_as_they_finish(applicant, reviewer, lexicon, clock):
    app = factories.submitted(applicant)
    run = services.start_run(app_id=app.pk, trigger="manual", by=reviewer)
    run = services.begin_run(run_id=run.pk, lexicon_version=None)
    form_item = run.items.get(kind="form")
    services.record_item(item_id=form_item.pk)
    run.refresh_from_db()
    assert (run.status, run.items_done, run.items_total) == (RunStatus.RUNNING, 1, 2)
    assert services.begin_run(run_id=run.pk, lexicon_version=None) is None  # taken once only


# --- re-runs and failures ----------------------------------------------------------------------

class UnavailableStorage(LocalFileStorage):
    """A blob store that has gone away (reads fail)."""

    def read(self, key: str) -> bytes:
        raise OSError("存储服务不可用")


def test_rerun_makes_a_new_run_and_keeps_the_old_one_with_its_judgements(client, reviewer, accepted,
                                                                        django_capture_on_commit_callbacks):
    app = accepted(purpose=f"写{POLITICAL}。")
    first = Run.objects.get(application=app)
    services.judge(reviewer=reviewer, hit_id=first.hits.get().pk, verdict="clear", note="语境无害")
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/screening/applications/{app.pk}/rerun/")
    assert r.status_code == 302 and r["Location"] == f"/review/{app.pk}/#screening-results"
    assert Run.objects.filter(application=app).count() == 2
    latest = services.latest_run(app.pk)
    assert latest.trigger == "manual" and latest.requested_by == reviewer and latest.status == RunStatus.DONE
    assert first.hits.get().judgements.count() == 1  # kept
    html = section(client, app)
    assert "尚未判断" in html and "上次筛查时判断为“无问题（误报）”" in html and "语境无害" in html


def test_rerun_is_refused_while_a_run_is_in_progress(client, reviewer, accepted):
    app = accepted()
    services.start_run(app_id=app.pk, trigger="manual")
    client.force_login(reviewer)
    r = client.post(f"/screening/applications/{app.pk}/rerun/", headers={"HX-Request": "true"})
    assert "筛查正在进行中" in r.content.decode()


def test_a_failing_run_is_marked_failed_and_earlier_runs_stay(client, reviewer, accepted, settings,
                                                             django_capture_on_commit_callbacks):
    app = accepted(purpose=f"写{POLITICAL}。")
    first = Run.objects.get(application=app)
    settings.BANQUAN_STORAGE = "banquan.screening.tests.test_screening.UnavailableStorage"
    plugins.reset()
    with django_capture_on_commit_callbacks(execute=True):
        services.rerun(reviewer=reviewer, app_id=app.pk)
    failed = services.latest_run(app.pk)
    assert failed.status == RunStatus.FAILED and "OSError" in failed.error and "存储服务不可用" in failed.error
    assert failed.hits.count() == 1  # the form was screened before the sample failed
    first.refresh_from_db()
    assert first.status == RunStatus.DONE and first.hits.count() == 1
    assert AuditEntry.objects.filter(subject=f"screening:{app.pk}", action="screening_failed").count() == 1
    client.force_login(reviewer)
    html = section(client, app)
    assert "筛查失败" in html and "存储服务不可用" in html and "重新筛查" in html


def test_without_ocr_images_are_reported_unscreened(applicant, accept, lexicon, clock, settings):
    settings.BANQUAN_OCR = ""
    app = accept(factories.submitted(applicant))
    item = Run.objects.get(application=app).items.get(kind="image")
    assert item.status == ItemStatus.UNREADABLE and "未配置文字识别" in item.reason
