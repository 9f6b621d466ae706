"""The reviewer's JSON API: the queue, acceptance, review and the decision, and special
review (送专项复审, the special review group's second decision).

Like the workbench pages, it is for reviewers, special reviewers and registrars, and an
application assigned to a colleague answers 404 (except that the special review group sees
every application marked for special review).
"""

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router

from banquan.accounts.models import User
from banquan.applications.api import current_user, field_errors_as_422, require_reason
from banquan.applications.models import Application
from banquan.applications.schemas import CategoryCode, with_details
from banquan.core.errors import NotFound, PermissionDenied
from banquan.review import queue, services
from banquan.review.schemas import (
    DecisionIn,
    QueueItemOut,
    QueueStatusCode,
    ReviewApplicationOut,
    SpecialDecisionIn,
    SpecialReviewIn,
)

router = Router(tags=["review"])


def _office(request: HttpRequest) -> User:
    user = current_user(request)
    if not queue.is_office(user):
        raise PermissionDenied("只有审查员或登记管理员可以使用审查接口。")
    return user


def _visible(request: HttpRequest, app_id: int) -> Application:
    app = with_details(queue.visible_to(_office(request))).select_related("first_approved_by").filter(pk=app_id).first()
    if app is None:
        raise NotFound("申请不存在。")
    return app


@router.get("/queue", response=list[QueueItemOut], summary="The work queue, most urgent first")
def review_queue(request: HttpRequest, status: QueueStatusCode | None = None,
                 category: CategoryCode | Literal["software"] | None = None,
                 special: bool = Query(False, description="The special review queue: applications waiting for "
                                                          "the special review group's second decision."),
                 limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0)):
    user = _office(request)
    if special and not queue.sees_special_queue(user):
        raise PermissionDenied("只有专项复审组成员或登记管理员可以查看专项复审队列。")
    apps = queue.queue_for(user, status=status or "", category=category or "", special=special)
    return [QueueItemOut.from_row(r) for r in queue.rows(apps[offset:offset + limit])]


@router.get("/{app_id}", response=ReviewApplicationOut, summary="An application, as the reviewer sees it")
def review_application(request: HttpRequest, app_id: int):
    return _visible(request, app_id)


@router.post("/{app_id}/accept", response=ReviewApplicationOut, summary="Accept (受理): the review clock starts")
def accept(request: HttpRequest, app_id: int):
    _visible(request, app_id)
    services.accept(reviewer=current_user(request), app_id=app_id)
    return _visible(request, app_id)


@router.post("/{app_id}/start", response=ReviewApplicationOut, summary="Start the review (assigns it to me)")
def start_review(request: HttpRequest, app_id: int):
    _visible(request, app_id)
    services.start_review(reviewer=current_user(request), app_id=app_id)
    return _visible(request, app_id)


@router.post("/{app_id}/decision", response=ReviewApplicationOut,
             summary="Approve (and register), request a correction, or reject")
def decide(request: HttpRequest, app_id: int, payload: DecisionIn):
    _visible(request, app_id)
    require_reason(payload.decision, payload.reason)
    with field_errors_as_422():
        services.decide(reviewer=current_user(request), app_id=app_id, decision=payload.decision,
                        reason=payload.reason)
    return _visible(request, app_id)


@router.post("/{app_id}/special-review", response=ReviewApplicationOut,
             summary="Send to special review (送专项复审): the approval will need a second one")
def send_to_special_review(request: HttpRequest, app_id: int, payload: SpecialReviewIn):
    _visible(request, app_id)
    with field_errors_as_422():
        services.require_special_review(app_id=app_id, reason=payload.reason, by=current_user(request))
    return _visible(request, app_id)


@router.post("/{app_id}/special-decision", response=ReviewApplicationOut,
             summary="The special review group's second decision: approve (and register), return or reject")
def special_decide(request: HttpRequest, app_id: int, payload: SpecialDecisionIn):
    _visible(request, app_id)
    require_reason(payload.decision, payload.reason)
    with field_errors_as_422():
        services.special_decide(reviewer=current_user(request), app_id=app_id, decision=payload.decision,
                                reason=payload.reason)
    return _visible(request, app_id)
