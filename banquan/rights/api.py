"""The rights JSON API, for courts and banks integrating by program: seizures (查封) by court
and agency officers, pledges (质权登记) filed by bank officers and decided by registrars; and
what happens to a registration afterwards: contract recordations (合同备案), changes (变更、补充)
and certificate reissues (补发、换发) asked for by the applicant and decided by registrars,
revocations (撤销) by registrars.

The services check every permission; here a pledge another bank filed (or another applicant's
request) answers 404, as if it did not exist. A plain field error is answered 422 with the field
named."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status, UploadedFile

from banquan.applications.api import current_user, field_errors_as_422
from banquan.applications.choices import IdType
from banquan.core.errors import NotFound, PermissionDenied, ValidationFailed
from banquan.rights import queries, services
from banquan.rights.models import ChangeRequest, Pledge, Recordation, ReissueRequest, Revocation, Seizure
from banquan.rights.schemas import (
    ChangeDecisionIn,
    ChangeIn,
    ChangeOut,
    PledgeChangeIn,
    PledgeOut,
    ReasonIn,
    RecordationDecisionIn,
    RecordationOut,
    ReissueDecisionIn,
    ReissueIn,
    ReissueOut,
    RevocationIn,
    RevocationOut,
    SeizureIn,
    SeizureOut,
    SeizureReleaseIn,
)

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


@router.post("/pledges/{pledge_id}/change", response=PledgeOut,
             summary="Change (变更) a registered pledge: a new principal or a later end of the debt term (registrar)")
def change_pledge(request: HttpRequest, pledge_id: int, payload: PledgeChangeIn):
    queries.visible_pledge(current_user(request), pledge_id)
    with field_errors_as_422():
        services.change_pledge(registrar=current_user(request), pledge_id=pledge_id, principal=payload.principal,
                               term_end=payload.term_end, reason=payload.reason)
    return _decided(request, pledge_id)


# --- contract recordations ------------------------------------------------------------------


@router.post("/recordations", response={201: RecordationOut},
             summary="File a transfer or exclusive licence contract for recordation (the works' applicant; "
                     "multipart with the contract PDF)")
def file_recordation(request: HttpRequest, contract: File[UploadedFile], kind: Form[str], numbers: Form[list[str]],
                     grantor_name: Form[str], grantor_id_number: Form[str], grantee_name: Form[str],
                     grantee_id_number: Form[str], rights: Form[list[str]], territory: Form[str],
                     term_start: Form[dt.date | None] = None, term_end: Form[dt.date | None] = None):
    user = current_user(request)
    if not queries.is_applicant(user):
        raise PermissionDenied(_("只有申请人账户可以申请合同备案。"))
    if kind not in Recordation.Kind.values:
        raise ValidationFailed({"kind": [_("请选择合同类型：著作权转让合同或著作权专有许可合同。")]})
    for field, value in (("grantor_name", grantor_name), ("grantee_name", grantee_name),
                         ("grantee_id_number", grantee_id_number)):
        if not value.strip():
            raise ValidationFailed({field: [_("请填写此项。")]})
    with _numbers_checked():
        rec = services.file_recordation(
            applicant=user, kind=kind, numbers=queries.split_numbers(numbers), grantor_name=grantor_name,
            grantor_id_number=grantor_id_number, grantee_name=grantee_name, grantee_id_number=grantee_id_number,
            rights=queries.split_numbers(rights), territory=territory, term_start=term_start, term_end=term_end,
            contract_name=contract.name or "contract", contract=contract,  # type: ignore[arg-type]
        )
    return Status(201, RecordationOut.of(queries.visible_recordation(user, rec.pk)))


@router.get("/recordations", response=list[RecordationOut],
            summary="The applicant's own contract recordations (registrars: all), newest first")
def list_recordations(request: HttpRequest, state: Recordation.State | None = None):
    qs = queries.visible_recordations(current_user(request))
    if state:
        qs = qs.filter(state=state)
    return [RecordationOut.of(r) for r in qs]


@router.get("/recordations/{recordation_id}", response=RecordationOut,
            summary="One contract recordation (its filer and registrars)")
def get_recordation(request: HttpRequest, recordation_id: int):
    return RecordationOut.of(queries.visible_recordation(current_user(request), recordation_id))


@router.post("/recordations/{recordation_id}/decision", response=RecordationOut,
             summary="Record (备案, with its number) or refuse (reason required) a contract (registrars)")
def decide_recordation(request: HttpRequest, recordation_id: int, payload: RecordationDecisionIn):
    user = current_user(request)
    queries.visible_recordation(user, recordation_id)
    with field_errors_as_422():
        services.decide_recordation(registrar=user, recordation_id=recordation_id, record=payload.record,
                                    reason=payload.reason)
    return RecordationOut.of(queries.visible_recordation(user, recordation_id))


# --- changes and supplements ----------------------------------------------------------------


@contextmanager
def _number_checked(payload_number: str, kept_number: str = "") -> Iterator[None]:
    """An unknown registration number in the body is a problem with the body (422, field named)."""
    try:
        with field_errors_as_422():
            yield
    except NotFound as e:
        kept = kept_number.strip()
        field = "kept_number" if kept and f"“{kept}”" in e.message and kept != payload_number.strip() else "number"
        raise ValidationFailed({field: [e.message]}) from None


@router.post("/changes", response={201: ChangeOut},
             summary="File a change (变更) or supplement (补充) of a registration (its applicant)")
def file_change(request: HttpRequest, payload: ChangeIn):
    user = current_user(request)
    changes = payload.changes.model_dump(exclude_unset=True, mode="json")
    with _number_checked(payload.number):
        change = services.file_change(applicant=user, number=payload.number, kind=payload.kind, changes=changes,
                                      reason=payload.reason)
    return Status(201, ChangeOut.of(queries.visible_change(user, change.pk)))


@router.get("/changes", response=list[ChangeOut],
            summary="Changes of the applicant's own registrations (registrars: all), newest first")
def list_changes(request: HttpRequest, state: ChangeRequest.State | None = None):
    qs = queries.visible_changes(current_user(request))
    if state:
        qs = qs.filter(state=state)
    return [ChangeOut.of(c) for c in qs]


@router.get("/changes/{change_id}", response=ChangeOut, summary="One change (its applicant and registrars)")
def get_change(request: HttpRequest, change_id: int):
    return ChangeOut.of(queries.visible_change(current_user(request), change_id))


@router.post("/changes/{change_id}/decision", response=ChangeOut,
             summary="Approve (核准: a new certificate version) or refuse (reason required) a change (registrars)")
def decide_change(request: HttpRequest, change_id: int, payload: ChangeDecisionIn):
    user = current_user(request)
    queries.visible_change(user, change_id)
    with field_errors_as_422():
        services.decide_change(registrar=user, change_id=change_id, approve=payload.approve, reason=payload.reason)
    return ChangeOut.of(queries.visible_change(user, change_id))


# --- revocations ----------------------------------------------------------------------------


@router.post("/revocations", response={201: RevocationOut},
             summary="Revoke a registration (registrars); a duplicate names the registration kept")
def revoke(request: HttpRequest, payload: RevocationIn):
    if payload.ground == Revocation.Ground.DUPLICATE and not payload.kept_number.strip():
        # The service would look the empty number up and answer 登记号“”不存在.
        raise ValidationFailed({"kept_number": [_("重复登记请填写保留的登记号。")]})
    user = current_user(request)
    with _number_checked(payload.number, payload.kept_number):
        revocation = services.revoke(registrar=user, number=payload.number, ground=payload.ground,
                                     reason=payload.reason, document=payload.document,
                                     kept_number=payload.kept_number)
    return Status(201, RevocationOut.of(queries.visible_revocations(user).get(pk=revocation.pk)))


@router.get("/revocations", response=list[RevocationOut], summary="Revocations (registrars), newest first")
def list_revocations(request: HttpRequest):
    return [RevocationOut.of(r) for r in queries.visible_revocations(current_user(request))]


# --- certificate reissue and replacement ----------------------------------------------------


@router.post("/reissues", response={201: ReissueOut},
             summary="Ask for a certificate reissue (补发) or replacement (换发) (the registration's applicant)")
def file_reissue(request: HttpRequest, payload: ReissueIn):
    user = current_user(request)
    with _number_checked(payload.number):
        reissue = services.file_reissue(applicant=user, number=payload.number, kind=payload.kind,
                                        reason=payload.reason)
    return Status(201, ReissueOut.of(queries.visible_reissue(user, reissue.pk)))


@router.get("/reissues", response=list[ReissueOut],
            summary="Reissues of the applicant's own registrations (registrars: all), the nearest deadline first")
def list_reissues(request: HttpRequest, state: ReissueRequest.State | None = None):
    qs = queries.visible_reissues(current_user(request))
    if state:
        qs = qs.filter(state=state)
    return [ReissueOut.of(r) for r in qs]


@router.get("/reissues/{request_id}", response=ReissueOut, summary="One reissue (its applicant and registrars)")
def get_reissue(request: HttpRequest, request_id: int):
    return ReissueOut.of(queries.visible_reissue(current_user(request), request_id))


@router.post("/reissues/{request_id}/decision", response=ReissueOut,
             summary="Issue the new certificate (办结) or refuse (reason required) (registrars)")
def decide_reissue(request: HttpRequest, request_id: int, payload: ReissueDecisionIn):
    user = current_user(request)
    queries.visible_reissue(user, request_id)
    with field_errors_as_422():
        services.decide_reissue(registrar=user, request_id=request_id, issue=payload.issue, reason=payload.reason)
    return ReissueOut.of(queries.visible_reissue(user, request_id))
