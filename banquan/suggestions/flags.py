"""What the office's automatic checks found on an application, in words for the reviewer's
summary: sensitive-content screening, near-duplicates of registered works, brand logos,
special review. Only what exists is named; a check still running is said to be running."""

from django.utils.translation import gettext as _

from banquan.applications.models import Application


def _screening(app: Application) -> list[str]:
    from banquan.screening import services as screening

    run = screening.latest_run(app.pk)
    if run is None:
        return []
    if run.status in ("queued", "running"):
        return [_("敏感内容筛查尚未完成。")]
    hits = run.hits.count()
    major = run.hits.filter(major_topic=True).count()
    if not hits:
        return [_("敏感内容筛查未发现命中。")]
    line = _("敏感内容筛查命中 %(n)s 处") % {"n": hits}
    return [line + (_("，其中重大题材 %(m)s 处。") % {"m": major} if major else "。")]


def _similarity(app: Application) -> list[str]:
    from banquan.similarity.models import PriorMatch

    matches = PriorMatch.objects.filter(application=app).select_related("registration")[:3]
    return [_("与已登记作品 %(number)s 相似（相似度 %(pct)s%%）。")
            % {"number": m.registration.number, "pct": round(m.similarity * 100)} for m in matches]


def _logos(app: Application) -> list[str]:
    from banquan.logos import checks

    check = checks.latest_check(app.pk, finished=True)
    if check is None:
        return []
    n = check.findings.count()
    if check.intercepted or n:
        return [_("商标标志比对发现 %(n)s 处疑似复制的标志。") % {"n": n}]
    return []


def flags(app: Application) -> list[str]:
    found = _screening(app) + _similarity(app) + _logos(app)
    if app.special_review_required:
        found.append(_("本申请需专项复审：%(reason)s") % {"reason": app.special_review_reason.strip()})
    return found
