"""Bodies of the rights JSON API: seizures (查封), pledges (质权登记), contract recordations
(合同备案), changes (变更、补充), revocations (撤销) and certificate reissues (补发、换发)."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from banquan.records.models import Registration
from banquan.rights import queries
from banquan.rights.models import ChangeRequest, Pledge, Recordation, ReissueRequest, Revocation, Seizure


class WorkOut(Schema):
    number: str
    title: str
    rights_status: str = Field(description="valid, pledged, seized, revoked or superseded")
    rights_status_label: str

    @staticmethod
    def of(reg: Registration) -> "WorkOut":
        return WorkOut(number=reg.number, title=reg.title, rights_status=reg.rights_status,
                       rights_status_label=str(reg.get_rights_status_display()))


class SeizureIn(Schema):
    numbers: list[str] = Field(description="registration numbers of the works to seize (one seizure each)")
    document_number: str = Field(description="法律文书号, e.g. （2026）京0108执123号")
    scope: str = Field(description="查封范围")
    term_months: int = Field(12, description="查封期限 in months, 1 to 36")


class SeizureReleaseIn(Schema):
    document_number: str = Field(description="解除查封的法律文书号")


class SeizureOut(Schema):
    id: int
    work: WorkOut
    authority: str
    document_number: str
    scope: str
    term_months: int
    state: str = Field(description="active (查封中), waiting (轮候中), released (已解除) or expired (期限届满)")
    state_label: str = Field(description="e.g. 查封中, 轮候中（第 2 顺位）, 已解除")
    line_position: int | None = Field(description="place in the work's line, the active seizure being 1; "
                                                  "null once released")
    filed_at: dt.datetime
    effective_at: dt.datetime | None
    expires_at: dt.datetime | None
    released_at: dt.datetime | None
    release_document: str

    @staticmethod
    def of(s: Seizure) -> "SeizureOut":
        rank = queries.line_rank(s)
        return SeizureOut(
            id=s.pk, work=WorkOut.of(s.registration), authority=s.authority, document_number=s.document_number,
            scope=s.scope, term_months=s.term_months, state=s.state, state_label=queries.seizure_label(s, rank),
            line_position=rank, filed_at=s.filed_at, effective_at=s.effective_at, expires_at=s.expires_at,
            released_at=s.released_at, release_document=s.release_document,
        )


class PledgeChangeIn(Schema):
    principal: Decimal | None = None
    term_end: dt.date | None = None
    reason: str


class ReasonIn(Schema):
    reason: str = ""


class PledgeOut(Schema):
    id: int
    number: str | None = Field(description="质权登记号, assigned when registered")
    state: str = Field(description="submitted (待审查), registered (已登记), rejected (不予登记) or released (已注销)")
    state_label: str
    works: list[WorkOut]
    pledgee: str
    pledgor_name: str
    pledgor_id_type: str
    pledgor_id_number: str
    principal: str = Field(description="主债权金额, a decimal string")
    currency: str
    term_start: dt.date
    term_end: dt.date
    contract_name: str
    contract_sha256: str
    contract_url: str = Field(description="the contract PDF (the pledgee and registrars only)")
    filed_at: dt.datetime
    decided_at: dt.datetime | None
    decision_reason: str
    registered_at: dt.datetime | None
    released_at: dt.datetime | None
    release_reason: str

    @staticmethod
    def of(p: Pledge) -> "PledgeOut":
        return PledgeOut(
            id=p.pk, number=p.number, state=p.state, state_label=str(p.get_state_display()),
            works=[WorkOut.of(r) for r in p.works.all()], pledgee=p.pledgee, pledgor_name=p.pledgor_name,
            pledgor_id_type=p.pledgor_id_type, pledgor_id_number=p.pledgor_id_number, principal=f"{p.principal:.2f}",
            currency=p.currency, term_start=p.term_start, term_end=p.term_end, contract_name=p.contract_name,
            contract_sha256=p.contract_sha256, contract_url=reverse("rights:pledge_contract", args=[p.pk]),
            filed_at=p.filed_at, decided_at=p.decided_at, decision_reason=p.decision_reason,
            registered_at=p.registered_at, released_at=p.released_at, release_reason=p.release_reason,
        )


# --- afterwards: recordations, changes, revocations, reissues --------------------------------


class RecordationOut(Schema):
    id: int
    number: str | None = Field(description="备案号, assigned when recorded")
    kind: str = Field(description="transfer (著作权转让合同) or exclusive_licence (著作权专有许可合同)")
    kind_label: str
    state: str = Field(description="submitted (待审查), recorded (已备案) or rejected (不予备案)")
    state_label: str
    works: list[WorkOut]
    grantor_name: str
    grantor_id_number: str
    grantee_name: str
    grantee_id_number: str
    rights: list[str] = Field(description="codes of the economic rights concerned, e.g. reproduction, network")
    territory: str
    term_start: dt.date | None
    term_end: dt.date | None
    contract_name: str
    contract_sha256: str
    contract_url: str = Field(description="the contract PDF (the filer and registrars only)")
    filed_at: dt.datetime
    decided_at: dt.datetime | None
    decision_reason: str

    @staticmethod
    def of(r: Recordation) -> "RecordationOut":
        return RecordationOut(
            id=r.pk, number=r.number, kind=r.kind, kind_label=str(r.get_kind_display()), state=r.state,
            state_label=str(r.get_state_display()), works=[WorkOut.of(w) for w in r.works.all()],
            grantor_name=r.grantor_name, grantor_id_number=r.grantor_id_number, grantee_name=r.grantee_name,
            grantee_id_number=r.grantee_id_number, rights=list(r.rights), territory=r.territory,
            term_start=r.term_start, term_end=r.term_end, contract_name=r.contract_name,
            contract_sha256=r.contract_sha256, contract_url=reverse("rights:recordation_contract", args=[r.pk]),
            filed_at=r.filed_at, decided_at=r.decided_at, decision_reason=r.decision_reason,
        )


class RecordationDecisionIn(Schema):
    record: bool = Field(description="true: 备案; false: 不予备案 (reason required)")
    reason: str = ""


class OwnerChangeIn(Schema):
    name: str
    kind: str = Field(description="person or organization, as in the application")
    id_type: str
    id_number: str
    nationality: str = ""
    province: str = ""
    city: str = ""


class AuthorChangeIn(Schema):
    name: str
    signature: str = ""


class ChangesIn(Schema):
    """Only the facts given change; the rest of the registration stays as it is."""

    title: str | None = None
    owners: list[OwnerChangeIn] | None = None
    authors: list[AuthorChangeIn] | None = None
    completion_date: dt.date | None = None
    first_publication_date: dt.date | None = None


class ChangeIn(Schema):
    number: str = Field(description="the registration number")
    kind: ChangeRequest.Kind = Field(description="change (变更) or supplement (补充)")
    changes: ChangesIn
    reason: str


class ChangeOut(Schema):
    id: int
    work: WorkOut
    kind: str
    kind_label: str
    state: str = Field(description="submitted (待审查), approved (已核准) or rejected (不予核准)")
    state_label: str
    changes: dict
    reason: str
    filed_at: dt.datetime
    decided_at: dt.datetime | None
    decision_reason: str
    certificate_version: int | None = Field(description="the certificate version signed on approval")

    @staticmethod
    def of(c: ChangeRequest) -> "ChangeOut":
        return ChangeOut(
            id=c.pk, work=WorkOut.of(c.registration), kind=c.kind, kind_label=str(c.get_kind_display()),
            state=c.state, state_label=str(c.get_state_display()), changes=c.changes, reason=c.reason,
            filed_at=c.filed_at, decided_at=c.decided_at, decision_reason=c.decision_reason,
            certificate_version=c.certificate_version,
        )


class ChangeDecisionIn(Schema):
    approve: bool = Field(description="true: 核准 (a new certificate version); false: 不予核准 (reason required)")
    reason: str = ""


class RevocationIn(Schema):
    number: str = Field(description="the registration to revoke")
    ground: Revocation.Ground = Field(description="on_request, false_facts, duplicate, court or administrative")
    reason: str
    document: str = Field("", description="依据文书号, required for court and administrative grounds")
    kept_number: str = Field("", description="the registration kept, required for a duplicate")


class RevocationOut(Schema):
    id: int
    work: WorkOut
    ground: str
    ground_label: str
    document: str
    reason: str
    kept: WorkOut | None = Field(description="the registration kept, for a duplicate")
    decided_at: dt.datetime

    @staticmethod
    def of(r: Revocation) -> "RevocationOut":
        return RevocationOut(
            id=r.pk, work=WorkOut.of(r.registration), ground=r.ground, ground_label=str(r.get_ground_display()),
            document=r.document, reason=r.reason, kept=WorkOut.of(r.kept) if r.kept else None,
            decided_at=r.decided_at,
        )


class ReissueIn(Schema):
    number: str
    kind: ReissueRequest.Kind = Field(description="reissue (补发, a lost certificate) or replacement (换发)")
    reason: str


class ReissueOut(Schema):
    id: int
    work: WorkOut
    kind: str
    kind_label: str
    state: str = Field(description="submitted (办理中), done (已办结) or rejected (不予办理)")
    state_label: str
    reason: str
    filed_at: dt.datetime
    deadline: dt.date = Field(description="办理期限: the last working day to finish it")
    deadline_provisional: bool = Field(description="counted over days the office calendar does not cover yet")
    overdue: bool = Field(description="still being handled after its deadline")
    working_days_left: int | None = Field(description="working days after today up to the deadline "
                                                      "(negative when overdue); null once decided")
    decided_at: dt.datetime | None
    decision_reason: str
    certificate_version: int | None

    @staticmethod
    def of(r: ReissueRequest) -> "ReissueOut":
        overdue, left = queries.reissue_timing(r)
        return ReissueOut(
            id=r.pk, work=WorkOut.of(r.registration), kind=r.kind, kind_label=str(r.get_kind_display()),
            state=r.state, state_label=str(r.get_state_display()), reason=r.reason, filed_at=r.filed_at,
            deadline=r.deadline, deadline_provisional=r.deadline_provisional, overdue=overdue,
            working_days_left=left, decided_at=r.decided_at, decision_reason=r.decision_reason,
            certificate_version=r.certificate_version,
        )


class ReissueDecisionIn(Schema):
    issue: bool = Field(description="true: 办结 (a new certificate version); false: 不予办理 (reason required)")
    reason: str = ""
