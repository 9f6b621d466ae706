"""The screening panel on the reviewer's application page (loaded into it, refreshed by
htmx while a run is in progress), the judgement and re-run actions, and the image crops that
show where in an image an OCR hit is.

Each action answers htmx with the fragment it changed; without JavaScript it goes back to
the application page, with the outcome as a message.
"""

import io
import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from PIL import Image, ImageDraw

from banquan.applications.models import Application
from banquan.core.errors import DomainError, NotFound
from banquan.core.http import is_htmx
from banquan.core.storage import store
from banquan.review import queue
from banquan.screening import presentation, services
from banquan.screening.extract import image as images
from banquan.screening.models import Hit, Verdict

CROP_MARGIN = 24
CROP_MAX_WIDTH = 900


def office_only(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not queue.is_office(request.user):
            raise Forbidden
        return view(request, *args, **kwargs)

    return wrapper


def _app(request, app_id: int) -> Application:
    return get_object_or_404(queue.visible_to(request.user), pk=app_id)


def _hit(request, hit_id: int) -> Hit:
    hit = get_object_or_404(Hit.objects.select_related("run", "piece__item__sample"), pk=hit_id)
    _app(request, hit.run.application_id)  # 404 unless the reviewer may open the application
    return hit


def panel_context(app: Application) -> dict:
    return {"r": presentation.results(app), "app": app, "verdicts": Verdict.choices}


@office_only
@require_GET
def panel(request, app_id: int):
    return render(request, "screening/_results.html", panel_context(_app(request, app_id)))


@office_only
@require_GET
def status(request, app_id: int):
    """The progress line, polled while a run is in progress; once it is over, the answer
    makes htmx load the whole panel again (with every hit)."""
    app = _app(request, app_id)
    r = presentation.results(app)
    return render(request, "screening/_status.html", {"r": r, "app": app, "reload": not r.active})


def _back(app_id: int, anchor: str = "screening-results"):
    return redirect(reverse("review:application", args=[app_id]) + f"#{anchor}")


@office_only
@require_POST
def judge(request, hit_id: int):
    hit = _hit(request, hit_id)
    verdict, note = request.POST.get("verdict", ""), request.POST.get("note", "")
    error = ""
    try:
        services.judge(reviewer=request.user, hit_id=hit.pk, verdict=verdict, note=note)
    except NotFound:
        raise Http404 from None
    except DomainError as e:
        error = e.message
    if is_htmx(request):
        return render(request, "screening/_hit.html", {
            "h": presentation.hit_view(hit), "error": error, "note": note if error else "", "verdicts": Verdict.choices,
        })
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("已记录对“%(term)s”的判断。") % {"term": hit.term})
    return _back(hit.run.application_id, f"hit-{hit.pk}")


@office_only
@require_POST
def rerun(request, app_id: int):
    app = _app(request, app_id)
    error = ""
    try:
        services.rerun(reviewer=request.user, app_id=app.pk)
    except DomainError as e:
        error = e.message
    if is_htmx(request):
        return render(request, "screening/_results.html", {**panel_context(app), "error": error})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("已开始重新筛查。"))
    return _back(app.pk)


def _frame(img: Image.Image, location: str) -> Image.Image:
    page = re.match(r"第 (\d+) 页", location)
    frames = getattr(img, "n_frames", 1)
    if page and frames > 1:
        img.seek(min(int(page.group(1)), frames) - 1)
    return img


@office_only
@require_GET
def hit_image(request, hit_id: int):
    """The part of an image sample around an OCR hit's line, the line outlined in red."""
    hit = _hit(request, hit_id)
    sample = hit.piece.item.sample
    if not hit.box or sample is None or hit.piece.item.kind != "image":
        raise Http404
    try:
        img = _frame(images.open_image(store().read(sample.blob_key)), hit.piece.location).convert("RGB")
    except Exception:
        raise Http404 from None
    xs, ys = [p[0] for p in hit.box], [p[1] for p in hit.box]
    left, top = max(0, int(min(xs)) - CROP_MARGIN), max(0, int(min(ys)) - CROP_MARGIN)
    right, bottom = min(img.width, int(max(xs)) + CROP_MARGIN), min(img.height, int(max(ys)) + CROP_MARGIN)
    crop = img.crop((left, top, right, bottom))
    ImageDraw.Draw(crop).polygon([(x - left, y - top) for x, y in hit.box], outline=(220, 0, 0), width=3)
    if crop.width > CROP_MAX_WIDTH:
        crop = crop.resize((CROP_MAX_WIDTH, max(1, round(crop.height * CROP_MAX_WIDTH / crop.width))))
    out = io.BytesIO()
    crop.save(out, "PNG")
    response = HttpResponse(out.getvalue(), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
