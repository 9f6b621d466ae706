"""The screening JSON API, for reviewers, special reviewers and registrars: the latest
run's hits with their context and judgements, judging a hit, and screening again.
An application assigned to a colleague answers 404, as in the review API."""

from django.http import HttpRequest
from ninja import Router, Status

from banquan.accounts.models import User
from banquan.applications.api import current_user, field_errors_as_422
from banquan.applications.models import Application
from banquan.core.errors import NotFound, PermissionDenied
from banquan.review import queue
from banquan.screening import presentation, services
from banquan.screening.models import Hit, Piece, Run
from banquan.screening.schemas import HitOut, ItemOut, JudgementIn, JudgementOut, RunOut, ScreeningOut

router = Router(tags=["screening"])


def _office(request: HttpRequest) -> User:
    user = current_user(request)
    if not queue.is_office(user):
        raise PermissionDenied("只有审查员或登记管理员可以使用筛查接口。")
    return user


def _visible(request: HttpRequest, app_id: int) -> Application:
    app = queue.visible_to(_office(request)).filter(pk=app_id).first()
    if app is None:
        raise NotFound("申请不存在。")
    return app


def _hits(run: Run) -> tuple[list[Hit], list[HitOut]]:
    hits = presentation.ordered_hits(run)
    pieces = Piece.objects.in_bulk({h.piece_id for h in hits})
    return hits, [HitOut.of(h, pieces[h.piece_id]) for h in hits]


@router.get("/{app_id}", response=ScreeningOut, summary="The latest screening of an application")
def screening(request: HttpRequest, app_id: int):
    app = _visible(request, app_id)
    run = services.latest_run(app.pk)
    if run is None:
        return ScreeningOut(run=None, places=0, major_places=0, items=[], hits=[])
    hits, out = _hits(run)
    groups = presentation.places(hits)
    return ScreeningOut(
        run=RunOut.of(run), places=len(groups), major_places=sum(1 for g in groups if any(h.major_topic for h in g.hits)),
        items=[ItemOut.of(i) for i in run.items.all()], hits=out,
    )


@router.get("/{app_id}/hits", response=list[HitOut], summary="The hits of the latest screening")
def hits(request: HttpRequest, app_id: int):
    app = _visible(request, app_id)
    run = services.latest_run(app.pk)
    return _hits(run)[1] if run else []


@router.post("/{app_id}/runs", response={202: RunOut}, summary="Screen again (a new run; earlier ones are kept)")
def rerun(request: HttpRequest, app_id: int):
    _visible(request, app_id)
    run = services.rerun(reviewer=current_user(request), app_id=app_id)
    run.refresh_from_db()
    return Status(202, RunOut.of(run))


@router.post("/hits/{hit_id}/judgements", response={201: JudgementOut},
             summary="Judge a hit: 确认敏感, 无问题（误报） or 需专项复审")
def judge(request: HttpRequest, hit_id: int, payload: JudgementIn):
    hit = Hit.objects.select_related("run").filter(pk=hit_id).first()
    if hit is None:
        raise NotFound("命中记录不存在。")
    _visible(request, hit.run.application_id)
    with field_errors_as_422():
        judgement = services.judge(reviewer=current_user(request), hit_id=hit_id, verdict=payload.verdict,
                                   note=payload.note)
    return Status(201, JudgementOut.of(judgement))
