"""The similarity JSON API, for reviewers, special reviewers and registrars: the registered
works like an application. An application assigned to a colleague answers 404, as in the
review API."""

from django.http import HttpRequest
from ninja import Router

from banquan.applications.api import current_user
from banquan.review import queue
from banquan.similarity import services
from banquan.similarity.schemas import PriorOut

router = Router(tags=["similarity"])


@router.get("/applications/{app_id}/prior", response=PriorOut,
            summary="Registered works like an application (images, text, audio, video), nearest first")
def prior(request: HttpRequest, app_id: int):
    app = queue.office_application(current_user(request), app_id,
                                   refusal="只有审查员或登记管理员可以查看相似作品比对结果。")
    return PriorOut.of(*services.prior_results(app))
