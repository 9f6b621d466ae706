"""The brand-logo JSON API: an application's check with its evidence (office users), and the
registrar's release of an intercepted application. An application assigned to a colleague
answers 404, as in the review API."""

from django.http import HttpRequest
from ninja import Router

from banquan.accounts.models import User
from banquan.applications.api import current_user
from banquan.applications.models import Application
from banquan.logos import checks
from banquan.logos.schemas import LogoCheckOut, ReleaseIn
from banquan.review import queue

router = Router(tags=["logos"])


def _visible(request: HttpRequest, app_id: int) -> tuple[Application, User]:
    user = current_user(request)
    return queue.office_application(user, app_id, refusal="只有审查员或登记管理员可以查看商标标志比对结果。"), user


@router.get("/applications/{app_id}", response=LogoCheckOut,
            summary="The brand-logo check of an application, with the evidence of each suspected copy")
def check(request: HttpRequest, app_id: int):
    app, _user = _visible(request, app_id)
    return LogoCheckOut.of(app.status, checks.latest_check(app.pk))


@router.post("/applications/{app_id}/release", response=LogoCheckOut,
             summary="Release an intercepted application back to the review (registrars; reason required)")
def release(request: HttpRequest, app_id: int, payload: ReleaseIn):
    app, user = _visible(request, app_id)
    app = checks.release(registrar=user, app_id=app.pk, reason=payload.reason)
    return LogoCheckOut.of(app.status, checks.latest_check(app.pk))
