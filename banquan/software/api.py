"""The software JSON API of the office: an application's duplicate checks (copies of registered
programs of other owners, and mass-filing flags). An application assigned to a colleague
answers 404, as in the review API."""

from django.http import HttpRequest
from ninja import Router

from banquan.applications.api import current_user
from banquan.applications.states import State
from banquan.core.errors import NotFound
from banquan.review import queue
from banquan.software.schemas import CopyOut, DuplicatesOut, FlagOut

router = Router(tags=["software"])


@router.get("/applications/{app_id}/duplicates", response=DuplicatesOut,
            summary="Copies of registered programs and mass-filing flags found at acceptance (office users)")
def duplicates(request: HttpRequest, app_id: int):
    app = queue.office_application(current_user(request), app_id,
                                   refusal="只有审查员或登记管理员可以查看代码比对结果。")
    if app.procedure != "software":
        raise NotFound("这不是软件登记申请。")
    return DuplicatesOut(application_id=app.pk, checked=app.status not in (State.DRAFT, State.SUBMITTED),
                         copies=[CopyOut.of(f) for f in app.copy_findings.select_related("registration")],
                         flags=[FlagOut.of(f) for f in app.filing_flags.all()])
