"""The reviewer's pages of the duplicate checks: the 代码比对 panel of an application (for the
review page, also served alone for htmx) and the side-by-side page of one copy finding.
Office users only; an application assigned to a colleague answers 404, as in the review API.
Wired by ``banquan/software/urls.py`` (``review_urlpatterns``, namespace ``software``)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from banquan.applications.models import Application
from banquan.core.errors import NotFound, PermissionDenied
from banquan.review import queue
from banquan.software import review_panel, sidebyside
from banquan.software.models import CopyFinding


def _office_app(request, app_id: int) -> Application:
    try:
        app = queue.office_application(request.user, app_id,
                                       refusal=_("只有审查员或登记管理员可以查看代码比对结果。"))
    except PermissionDenied as e:
        raise Forbidden(e.message) from e
    except NotFound as e:
        raise Http404(e.message) from e
    if app.procedure != "software":
        raise Http404(_("这不是软件登记申请。"))
    return app


@login_required
@require_GET
def duplicates_panel(request, app_id: int):
    app = _office_app(request, app_id)
    return render(request, "software/_review_duplicates.html", review_panel.panel_context(app))


@login_required
@require_GET
def copy_detail(request, app_id: int, finding_id: int):
    app = _office_app(request, app_id)
    finding = get_object_or_404(CopyFinding.objects.select_related("registration__application"),
                                pk=finding_id, application=app)
    pairs, new_read, registered_read = sidebyside.pairs(finding)
    return render(request, "software/review/copy.html", {
        "app": app, "finding": review_panel.finding_view(finding), "pairs": pairs,
        "new_read": new_read, "registered_read": registered_read,
        "more": max(0, len(finding.regions) - len(pairs)),
    })


review_urlpatterns = [
    path("review/<int:app_id>/duplicates/", duplicates_panel, name="review_duplicates"),
    path("review/<int:app_id>/copies/<int:finding_id>/", copy_detail, name="review_copy"),
]
