"""Bodies of the rights JSON API: seizures (查封) and pledges (质权登记)."""

import datetime as dt

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from banquan.records.models import Registration
from banquan.rights import queries
from banquan.rights.models import Pledge, Seizure


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
