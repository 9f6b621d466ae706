"""The rights JSON API, for courts and banks integrating by program: seizures (查封) by court
and agency officers, pledges (质权登记) filed by bank officers and decided by registrars.

The services check every permission; here a pledge another bank filed answers 404, as if it
did not exist. A plain field error is answered 422 with the field named."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status, UploadedFile

from banquan.applications.api import current_user, field_errors_as_422
from banquan.applications.choices import IdType
from banquan.core.errors import NotFound, ValidationFailed
from banquan.rights import queries, services
from banquan.rights.models import Pledge, Seizure
from banquan.rights.schemas import PledgeOut, ReasonIn, SeizureIn, SeizureOut, SeizureReleaseIn

router = Router(tags=["rights"])


@contextmanager
def _numbers_checked() -> Iterator[None]:
    """Unknown registration numbers in a request body are a problem with the body (422)."""
    try:
        with field_errors_as_422():
            yield
    except NotFound as e:
        raise ValidationFailed({"numbers": [e.message]}) from None


# --- seizures -------------------------------------------------------------------------------


@router.post("/seizures", response={201: list[SeizureOut]},
             summary="Seize works (court and agency officers): effective at once, or waiting in line (轮候)")
def seize(request: HttpRequest, payload: SeizureIn):
    with _numbers_checked():
        created = services.seize(officer=current_user(request), numbers=queries.split_numbers(payload.numbers),
                                 document_number=payload.document_number, scope=payload.scope,
                                 term_months=payload.term_months)
    return Status(201, [SeizureOut.of(s) for s in created])


@router.get("/seizures", response=list[SeizureOut],
            summary="Seizures by the officer's own authority (registrars: all), newest first")
def list_seizures(request: HttpRequest, state: Seizure.State | None = None):
    qs = queries.visible_seizures(current_user(request))
    if state:
        qs = qs.filter(state=state)
    return [SeizureOut.of(s) for s in qs]


@router.post("/seizures/{seizure_id}/release", response=SeizureOut,
             summary="Release a seizure (the authority that seized); the next in line takes effect")
def release_seizure(request: HttpRequest, seizure_id: int, payload: SeizureReleaseIn):
    with field_errors_as_422():
        seizure = services.release_seizure(officer=current_user(request), seizure_id=seizure_id,
                                           document_number=payload.document_number)
    return SeizureOut.of(Seizure.objects.select_related("registration").get(pk=seizure.pk))


# --- pledges --------------------------------------------------------------------------------


def _principal(value: str) -> Decimal:
    try:
        amount = Decimal(value.replace(",", "").strip())
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e16"):
        raise ValidationFailed({"principal": [_("请填写正确的主债权金额（最多两位小数）。")]})
    return amount


@router.post("/pledges", response={201: PledgeOut},
             summary="File a pledge for review (bank officers; multipart with the contract PDF)")
def file_pledge(request: HttpRequest, contract: File[UploadedFile], numbers: Form[list[str]],
                pledgor_name: Form[str], pledgor_id_type: Form[str], pledgor_id_number: Form[str],
                principal: Form[str], term_start: Form[dt.date], term_end: Form[dt.date],
                currency: Form[str] = "CNY"):
    if pledgor_id_type not in IdType.values:
        raise ValidationFailed({"pledgor_id_type": [_("请选择出质人证件类型。")]})
    amount = _principal(principal)
    with _numbers_checked():
        pledge = services.file_pledge(
            officer=current_user(request), numbers=queries.split_numbers(numbers), pledgor_name=pledgor_name,
            pledgor_id_type=pledgor_id_type, pledgor_id_number=pledgor_id_number, principal=amount,
            currency=currency.strip(), term_start=term_start, term_end=term_end,
            contract_name=contract.name or "contract", contract=contract,  # type: ignore[arg-type]
        )
    return Status(201, PledgeOut.of(pledge))


@router.get("/pledges", response=list[PledgeOut],
            summary="Pledges of the officer's own bank (registrars: all), newest first")
def list_pledges(request: HttpRequest, state: Pledge.State | None = None):
    qs = queries.visible_pledges(current_user(request))
    if state:
        qs = qs.filter(state=state)
    return [PledgeOut.of(p) for p in qs]


@router.get("/pledges/{pledge_id}", response=PledgeOut, summary="One pledge (its bank and registrars)")
def get_pledge(request: HttpRequest, pledge_id: int):
    return PledgeOut.of(queries.visible_pledge(current_user(request), pledge_id))


def _decided(request: HttpRequest, pledge_id: int) -> PledgeOut:
    return PledgeOut.of(queries.visible_pledge(current_user(request), pledge_id))


@router.post("/pledges/{pledge_id}/register", response=PledgeOut,
             summary="Enter a pledge (registrars): effective from now, with its 质权登记号")
def register_pledge(request: HttpRequest, pledge_id: int, payload: ReasonIn):
    queries.visible_pledge(current_user(request), pledge_id)
    services.register_pledge(registrar=current_user(request), pledge_id=pledge_id, reason=payload.reason)
    return _decided(request, pledge_id)


@router.post("/pledges/{pledge_id}/reject", response=PledgeOut,
             summary="Refuse a pledge (registrars; reason required)")
def reject_pledge(request: HttpRequest, pledge_id: int, payload: ReasonIn):
    queries.visible_pledge(current_user(request), pledge_id)
    with field_errors_as_422():
        services.reject_pledge(registrar=current_user(request), pledge_id=pledge_id, reason=payload.reason)
    return _decided(request, pledge_id)


@router.post("/pledges/{pledge_id}/release", response=PledgeOut,
             summary="Release (注销) a registered pledge (the pledgee bank or a registrar; reason required)")
def release_pledge(request: HttpRequest, pledge_id: int, payload: ReasonIn):
    queries.visible_pledge(current_user(request), pledge_id)
    with field_errors_as_422():
        services.release_pledge(officer=current_user(request), pledge_id=pledge_id, reason=payload.reason)
    return _decided(request, pledge_id)
