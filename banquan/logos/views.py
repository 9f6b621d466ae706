"""The 商标标志比对 panel on the reviewer's application page (polled by htmx while a check
runs), the registrar's release and rejection of an intercepted application, and the images
of the evidence: the protected mark, and the sample (or video frame) with the matched region
outlined."""

import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from PIL import Image, ImageDraw

from banquan.applications import states
from banquan.applications.models import Application
from banquan.core.errors import DomainError
from banquan.core.http import is_htmx
from banquan.core.storage import store
from banquan.logos import checks
from banquan.logos.images import load_rgb
from banquan.logos.models import Finding, Mark
from banquan.review import queue
from banquan.review import services as review
from banquan.screening.views import office_only

EVIDENCE_SIDE = 720


def panel_context(app: Application, user, **extra) -> dict:
    """The latest check's progress, and the findings of the latest finished one (while a new
    check runs, the evidence that stopped the application stays on the page)."""
    check = checks.latest_check(app.pk)
    done = check if check is None or not check.active else checks.latest_check(app.pk, finished=True)
    findings = list(done.findings.select_related("mark", "sample")) if done else []
    return {"app": app, "check": check, "done": done, "findings": findings, "user": user,
            "intercepted": app.status == states.State.INTERCEPTED,
            "may_decide": checks.may_decide(user), **extra}


def _app(request, app_id: int) -> Application:
    return get_object_or_404(queue.visible_to(request.user), pk=app_id)


@office_only
@require_GET
def panel(request, app_id: int):
    return render(request, "logos/_panel.html", panel_context(_app(request, app_id), request.user))


def _decided(request, app: Application, step, done: str):
    error = ""
    try:
        step()
    except DomainError as e:
        error = e.message
    app.refresh_from_db()
    if is_htmx(request):  # the whole page changes (status, actions): reload it
        if not error:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            messages.success(request, done)
            return response
        return render(request, "logos/_panel.html", panel_context(app, request.user, error=error,
                                                                  reason=request.POST.get("reason", "")))
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(reverse("review:application", args=[app.pk]) + "#logo-check")


@office_only
@require_POST
def release(request, app_id: int):
    app = _app(request, app_id)
    reason = request.POST.get("reason", "")
    return _decided(request, app, lambda: checks.release(registrar=request.user, app_id=app.pk, reason=reason),
                    _("已解除拦截，申请回到审查队列。"))


@office_only
@require_POST
def reject(request, app_id: int):
    app = _app(request, app_id)
    reason = request.POST.get("reason", "")
    return _decided(request, app, lambda: review.reject(reviewer=request.user, app_id=app.pk, reason=reason),
                    _("已决定不予登记。"))


def _png(img: Image.Image) -> HttpResponse:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    response = HttpResponse(buf.getvalue(), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@office_only
@require_GET
def mark_image(request, mark_id: int):
    """A protected mark, always as the PNG rendered when it was added (never the SVG)."""
    mark = get_object_or_404(Mark, pk=mark_id)
    return _png(Image.open(io.BytesIO(store().read(mark.preview_key))))


@office_only
@require_GET
def finding_image(request, finding_id: int):
    """The sample or video frame of a finding, the matched region outlined in red."""
    finding = get_object_or_404(Finding.objects.select_related("check_run", "sample"), pk=finding_id)
    _app(request, finding.check_run.application_id)  # 404 unless the user may open the application
    try:
        if finding.frame_key:
            data, name = store().read(finding.frame_key), "frame.jpg"
        else:
            data, name = store().read(finding.sample.blob_key), finding.sample.original_name
        # Decoded as the matcher saw it (upright, transparency on white), so the region fits.
        img = Image.fromarray(load_rgb(data, name))
    except Exception:
        raise Http404 from None
    f = min(1.0, EVIDENCE_SIDE / max(img.size))
    img = img.resize((max(1, round(img.width * f)), max(1, round(img.height * f))))
    box = [finding.x * f, finding.y * f, (finding.x + finding.w) * f, (finding.y + finding.h) * f]
    ImageDraw.Draw(img).rectangle(box, outline=(220, 0, 0), width=max(2, round(3 * max(img.size) / 720)))
    return _png(img)
