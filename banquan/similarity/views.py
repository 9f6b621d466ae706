"""The 相似的已登记作品 panel on the reviewer's application page; htmx polls it while the
comparison is queued or running."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from banquan.applications.models import Application
from banquan.review import queue
from banquan.screening.views import office_only
from banquan.similarity import services


def panel_context(app: Application) -> dict:
    search, matches = services.prior_results(app)
    return {"app": app, "search": search, "matches": matches}


@office_only
@require_GET
def panel(request, app_id: int):
    app = get_object_or_404(queue.visible_to(request.user), pk=app_id)
    return render(request, "similarity/_panel.html", panel_context(app))
