"""Executing a screening run (the body of the background job).

Items are read one by one, form text and text files first, images (OCR, 1–2 s each) last;
each item's result is committed as soon as it is read, so the reviewer sees the progress and
the hits found so far. A sample that cannot be read is recorded with the reason. Anything
else that goes wrong marks the run failed with the reason; earlier runs are never touched.
"""

import logging

from django.conf import settings

from banquan.core.errors import DomainError
from banquan.core.storage import store
from banquan.lexicon import services as lexicon
from banquan.screening import extract, ocr, services, sources
from banquan.screening.models import Item, ItemStatus
from banquan.screening.text import Screener

log = logging.getLogger(__name__)


def _ocr() -> ocr.Ocr | None:
    return ocr.engine() if getattr(settings, "BANQUAN_OCR", "") else None


def _sample_sources(item: Item) -> tuple[list[sources.Source], list[str]]:
    sample = item.sample
    if sample is None:
        raise extract.Unreadable("样本文件已被删除，无法筛查。")
    try:
        data = store().read(sample.blob_key)
    except FileNotFoundError:
        raise extract.Unreadable("样本文件在存储中不存在，无法筛查。") from None
    engine = _ocr() if item.kind in extract.NEEDS_OCR else None
    result = extract.extract(item.kind, data, name=sample.original_name, ocr=engine)
    found = [sources.Source(f"sample:{sample.pk}", sample.original_name, piece) for piece in result.pieces]
    return found, result.problems


def _screen_item(item: Item, screener: Screener, major: set[str]) -> None:
    problems: list[str] = []
    try:
        if item.kind == sources.FORM:
            found = sources.form_sources(item.run.application)
        else:
            found, problems = _sample_sources(item)
    except extract.Unreadable as e:
        services.record_item(item_id=item.pk, unreadable=e.reason)
        return
    services.record_item(
        item_id=item.pk, major=major, problems=problems,
        found=[services.Found(source, screener.scan(source.piece.text)) for source in found],
    )


def execute(run_id: int) -> None:
    # The screener and its version number come together, so the run records the lexicon
    # that really screened it.
    screener, version = lexicon.current_screener_with_version()
    run = services.begin_run(run_id=run_id, lexicon_version=version or None)
    if run is None:  # already taken, or gone
        return
    try:
        major = lexicon.categories_major_topic()
        for item in run.items.filter(status=ItemStatus.PENDING).select_related("sample", "run__application"):
            _screen_item(item, screener, major)
        note = ""
        try:
            services.flag_special_review(run_id=run_id)
        except DomainError as e:
            note = f"未能转专项审查：{e.message}"
        services.finish_run(run_id=run_id, note=note)
    except Exception as e:
        log.exception("screening run %s failed", run_id)
        services.fail_run(run_id=run_id, error=f"{type(e).__name__}: {e}")
