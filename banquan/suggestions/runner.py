"""The model's work, run in the job queue: a category and extra remarks for the applicant
(``assist``), a summary for the reviewer (``summary``). A missing or failing model leaves a
note on the job and offers nothing; it never raises into the page or the acceptance."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.applications import categories
from banquan.applications.models import Application
from banquan.applications.services import APPLICATION_FIELDS
from banquan.core import clock, llm
from banquan.suggestions import answers, consistency, facts, flags, prompts, services
from banquan.suggestions.models import Job, JobStatus, Kind, Purpose

log = logging.getLogger(__name__)
REMARK_FIELDS = set(APPLICATION_FIELDS) | {"authors", "owners", "samples", "version", "short_name"}


def _finish(job: Job, status: str, note: str = "") -> None:
    job.status, job.note, job.finished_at = status, note[:300], clock.now()
    job.save(update_fields=["status", "note", "finished_at"])


def _category(lm: llm.LanguageModel, app: Application) -> str:
    answer = answers.category(llm.chat_json(lm, prompts.category(facts.for_model(app), facts.category_table())))
    if answer is None:
        log.info("category answer for application %s discarded (not in the table)", app.pk)
        return _("模型的类别建议不在法定类别中，已舍弃。")
    if answer.code == app.category:
        return _("模型认为当前选择的类别“%(name)s”合适。") % {"name": _(categories.BY_CODE[answer.code].zh)}
    services.offer(app_id=app.pk, kind=Kind.CATEGORY, model_name=lm.name,
                   payload={"category": answer.code, "reason": answer.reason, "previous": app.category})
    return ""


def _remarks(lm: llm.LanguageModel, app: Application) -> None:
    found = [r.message for r in consistency.remarks(**facts.for_rules(app))]
    labels = {name: facts.label(name) for name in APPLICATION_FIELDS}
    labels.update({"authors": "作者", "owners": "著作权人", "samples": "作品样本"})
    view = facts.for_model(app, with_sample_text=False)
    remarks = answers.remarks(llm.chat_json(lm, prompts.remarks(view, labels, found)), REMARK_FIELDS)
    services.replace_model_remarks(app_id=app.pk, remarks=remarks, model_name=lm.name)


def _summary(lm: llm.LanguageModel, app: Application) -> str:
    found = flags.flags(app)
    text = answers.summary(llm.chat_json(lm, prompts.summary(facts.for_model(app), found), max_tokens=600))
    if not text:
        return _("模型没有给出摘要。")
    services.offer(app_id=app.pk, kind=Kind.SUMMARY, model_name=lm.name, payload={"text": text, "flags": found})
    return ""


def execute(job_id: int) -> None:
    job = Job.objects.select_related("application").filter(pk=job_id).first()
    if job is None or not job.active:
        return
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])
    lm = llm.model()
    if lm is None:
        _finish(job, JobStatus.FAILED, _("本登记机构未配置语言模型。"))
        return
    app = job.application
    try:
        if job.purpose == Purpose.SUMMARY:
            note = _summary(lm, app)
        else:
            note = _category(lm, app) if app.procedure == "work" else ""
            _remarks(lm, app)
    except llm.ModelUnavailable as exc:
        log.warning("suggestions job %s: model unavailable: %s", job.pk, exc)
        _finish(job, JobStatus.FAILED, _("智能助手暂时不可用，请稍后再试。"))
        return
    _finish(job, JobStatus.DONE, note)


@transaction.atomic
def queue_job(*, app_id: int, purpose: str, by=None) -> tuple[Job, bool]:
    """A new queued job (True), or the one of the same purpose already waiting or running."""
    app = services.applications.locked(app_id)
    running = app.suggestion_jobs.filter(purpose=purpose, status__in=(JobStatus.QUEUED, JobStatus.RUNNING)).first()
    if running is not None:
        return running, False
    return Job.objects.create(application=app, purpose=purpose, requested_by=by), True
