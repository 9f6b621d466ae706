"""The applicant's JSON API: drafts, files, submission, correction and withdrawal.

An applicant reaches only their own applications; anyone else's answer 404, as if they did
not exist. Domain errors become JSON through the handlers in ``banquan.api``.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.http import HttpRequest
from ninja import File, Form, Router, Status, UploadedFile

from banquan.accounts.models import Role, User
from banquan.applications import rules, services, states
from banquan.applications.models import Application
from banquan.applications.schemas import (
    ApplicationFields,
    ApplicationIn,
    ApplicationOut,
    ApplicationPatch,
    ApplicationSummaryOut,
    OwnerIn,
    ResubmitIn,
    SampleOut,
    SampleRoleCode,
    StatusCode,
    WithdrawIn,
    with_details,
)
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed

router = Router(tags=["applications"])


def current_user(request: HttpRequest) -> User:
    # Both API authenticators only admit a real, active User.
    assert isinstance(request.user, User)
    return request.user


def _applicant(request: HttpRequest) -> User:
    user = current_user(request)
    if user.role != Role.APPLICANT:
        raise PermissionDenied("只有申请人账户可以提交作品登记申请。")
    return user


def _own(request: HttpRequest, app_id: int) -> Application:
    app = with_details(Application.objects.filter(applicant=current_user(request))).filter(pk=app_id).first()
    if app is None:
        raise NotFound("申请不存在。")
    return app


def require_reason(action_name: str, reason: str) -> None:
    """Refuse a missing reason as a field error (422) before the state machine would."""
    if states.ACTIONS[action_name].reason_required and not reason.strip():
        raise ValidationFailed({"reason": [f"“{states.ACTIONS[action_name].label_zh}”必须填写理由。"]})


@contextmanager
def field_errors_as_422(default_field: str | None = None) -> Iterator[None]:
    """A plain DomainError about one field (not a refused transition or permission) is a
    problem with the request body: answer 422 with the field named."""
    try:
        yield
    except DomainError as e:
        field = e.field or default_field
        if type(e) is DomainError and field:
            raise ValidationFailed({field: [e.message]}) from None
        raise


# --- cross-field checks ------------------------------------------------------------------


def _owner_problems(owners: list[OwnerIn]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for i, o in enumerate(owners):
        for key, messages in rules.person_problems(o.kind, o.id_type, o.id_number).items():
            found[f"owners.{i}.{key}"] = messages
    return found


def _new_problems(after: dict, before: dict) -> dict[str, list[str]]:
    """Problems the change introduces. An inconsistency already stored (say a display date
    that has since passed) must not block editing an unrelated field."""
    today = clock.today()
    old = rules.field_problems(before, today) if before else {}
    new = rules.field_problems(after, today)
    return {k: [m for m in v if m not in old.get(k, [])] for k, v in new.items()
            if any(m not in old.get(k, []) for m in v)}


def _check(values: dict, owners: list[OwnerIn] | None, *, stored: Application | None = None) -> None:
    before = {k: getattr(stored, k) for k in ApplicationFields.model_fields} if stored else {}
    problems = _new_problems({**before, **values}, before)
    problems.update(_owner_problems(owners or []))
    if problems:
        raise ValidationFailed(problems)


def _people(body: ApplicationIn | ApplicationPatch) -> tuple[list[dict] | None, list[dict] | None]:
    authors = [a.model_dump() for a in body.authors] if body.authors is not None else None
    owners = [o.model_dump() for o in body.owners] if body.owners is not None else None
    return authors, owners


# --- endpoints ---------------------------------------------------------------------------


@router.post("", response={201: ApplicationOut}, summary="Create a draft application")
def create_application(request: HttpRequest, payload: ApplicationIn):
    applicant = _applicant(request)
    values = payload.model_values()
    _check(values, payload.owners)
    authors, owners = _people(payload)
    app = services.create_draft(applicant=applicant, fields=values, authors=authors or [], owners=owners or [],
                                client_token=payload.client_token)
    return Status(201, _own(request, app.pk))


@router.get("", response=list[ApplicationSummaryOut], summary="List my applications")
def list_applications(request: HttpRequest, status: StatusCode | None = None):
    apps = Application.objects.filter(applicant=current_user(request)).select_related("registration")
    if status:
        apps = apps.filter(status=status)
    return apps.order_by("-created_at", "-pk")


@router.get("/{app_id}", response=ApplicationOut, summary="One of my applications")
def get_application(request: HttpRequest, app_id: int):
    return _own(request, app_id)


@router.patch("/{app_id}", response=ApplicationOut, summary="Change a draft (or answer a correction request)")
def update_application(request: HttpRequest, app_id: int, payload: ApplicationPatch):
    stored = _own(request, app_id)
    values = payload.model_values()
    _check(values, payload.owners, stored=stored)
    authors, owners = _people(payload)
    services.update_draft(applicant=current_user(request), app_id=app_id, fields=values, authors=authors,
                          owners=owners)
    return _own(request, app_id)


@router.post("/{app_id}/samples", response={201: SampleOut}, summary="Upload a work sample or the process video")
def upload_sample(request: HttpRequest, app_id: int, file: File[UploadedFile],
                  role: Form[SampleRoleCode] = "sample"):
    _own(request, app_id)
    with field_errors_as_422("file"):
        sample = services.add_sample(applicant=current_user(request), app_id=app_id, name=file.name or "upload",
                                     file=file, size=file.size or 0, role=role)  # type: ignore[arg-type]
    return Status(201, sample)


@router.delete("/{app_id}/samples/{sample_id}", response={204: None}, summary="Remove an uploaded file")
def delete_sample(request: HttpRequest, app_id: int, sample_id: int):
    _own(request, app_id)
    services.remove_sample(applicant=current_user(request), app_id=app_id, sample_id=sample_id)
    return Status(204, None)


@router.post("/{app_id}/submit", response=ApplicationOut, summary="Submit a complete draft")
def submit_application(request: HttpRequest, app_id: int):
    _own(request, app_id)
    services.submit(applicant=current_user(request), app_id=app_id)
    return _own(request, app_id)


@router.post("/{app_id}/resubmit", response=ApplicationOut, summary="Answer a correction request (补正)")
def resubmit_application(request: HttpRequest, app_id: int, payload: ResubmitIn):
    _own(request, app_id)
    with field_errors_as_422():
        services.resubmit(applicant=current_user(request), app_id=app_id, response=payload.response)
    return _own(request, app_id)


@router.post("/{app_id}/withdraw", response=ApplicationOut, summary="Withdraw a submitted application")
def withdraw_application(request: HttpRequest, app_id: int, payload: WithdrawIn):
    _own(request, app_id)
    require_reason("withdraw", payload.reason)
    services.withdraw(applicant=current_user(request), app_id=app_id, reason=payload.reason)
    return _own(request, app_id)
