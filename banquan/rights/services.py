"""Seizures (查封) and pledges (质权登记) of registered works. Every function locks the works'
registration rows first (``status.lock``, in id order), so a seizure and a pledge arriving at the
same moment are serialized: either the seizure is committed first and the pledge is refused, or
the pledge is registered first and the seizure is recorded over it. Never a pledge entered on a
seized work."""

import datetime as dt
import hashlib
import uuid
from decimal import Decimal
from typing import BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.core.storage import store
from banquan.ledger import services as ledger
from banquan.records.models import Registration
from banquan.rights import notify, numbering, status
from banquan.rights.models import Pledge, Seizure
from banquan.rights.terms import add_months
from banquan.stats import services as stats

MAX_SEIZURE_MONTHS = 36  # 查封著作权等财产权的期限不超过三年（最高法《关于人民法院民事执行中查封、扣押、冻结财产的规定》）


def _registrations(numbers: list[str]) -> list[Registration]:
    numbers = [n.strip() for n in numbers if n.strip()]
    if not numbers:
        raise DomainError(_("请至少填写一个登记号。"), field="numbers")
    found = dict(Registration.objects.filter(number__in=numbers).values_list("number", "pk"))
    missing = [n for n in numbers if n not in found]
    if missing:
        raise NotFound(_("没有这些登记号：%(n)s") % {"n": "、".join(missing)})
    return status.lock(found.values())


def _officer(user: User, role: str, refusal: str) -> str:
    """The officer's organization: accounts of courts, agencies and banks are created and verified
    by the office's registrars, with the organization they act for."""
    if user.role != role or not user.organization.strip():
        raise PermissionDenied(refusal)
    return user.organization.strip()


# --- seizures -------------------------------------------------------------------------------


@transaction.atomic
def seize(*, officer: User, numbers: list[str], document_number: str, scope: str, term_months: int) -> list[Seizure]:
    """查封: effective the moment this commits; behind an active seizure it waits in line (轮候)."""
    authority = _officer(officer, Role.COURT_OFFICER, _("只有法院或行政机关的工作人员可以办理查封。"))
    if not document_number.strip():
        raise DomainError(_("请填写法律文书号。"), field="document_number")
    if not scope.strip():
        raise DomainError(_("请填写查封范围。"), field="scope")
    if not 1 <= term_months <= MAX_SEIZURE_MONTHS:
        raise DomainError(_("查封期限应为 1 至 %(n)d 个月。") % {"n": MAX_SEIZURE_MONTHS}, field="term_months")
    now = clock.now()
    created = []
    for reg in _registrations(numbers):
        status.refuse_if_final(reg, _("查封"))
        line = list(Seizure.objects.filter(registration=reg).filter(state__in=[Seizure.State.ACTIVE, Seizure.State.WAITING]))
        first = not line
        seizure = Seizure.objects.create(
            registration=reg, authority=authority, document_number=document_number.strip(), scope=scope.strip(),
            term_months=term_months, position=(Seizure.objects.filter(registration=reg).count() + 1), filed_by=officer, filed_at=now,
            state=Seizure.State.ACTIVE if first else Seizure.State.WAITING,
            effective_at=now if first else None, expires_at=add_months(now, term_months) if first else None,
        )
        ledger.record(actor=officer, subject=reg.subject, action="seize", to_state=seizure.state,
                      reason=document_number, data={"seizure": seizure.pk, "authority": authority})
        status.refresh(reg, by=officer, reason=_("%(a)s查封（%(d)s）") % {"a": authority, "d": seizure.document_number})
        created.append(seizure)
    stats.seizures_filed(seizures=created)
    regs = [s.registration for s in created]
    notify.send(_("作品已被查封"), [_("%(a)s以%(d)s对下列作品办理了查封（查封范围：%(s)s；期限 %(m)d 个月）：")
                               % {"a": authority, "d": document_number.strip(), "s": scope.strip(), "m": term_months},
                               *notify.works_lines(regs), *_waiting_lines(created)],
                [officer, *notify.owner_accounts(regs)])
    return created


def _waiting_lines(seizures: list[Seizure]) -> list[str]:
    waiting = [s for s in seizures if s.state == Seizure.State.WAITING]
    return [_("其中 %(n)d 件已被其他机关查封，本查封轮候，待在先查封解除后依次生效。") % {"n": len(waiting)}] if waiting else []


@transaction.atomic
def release_seizure(*, officer: User, seizure_id: int, document_number: str) -> Seizure:
    """解除查封, by the authority that seized; the next seizure in line takes effect now."""
    authority = _officer(officer, Role.COURT_OFFICER, _("只有法院或行政机关的工作人员可以解除查封。"))
    reg_id = Seizure.objects.filter(pk=seizure_id).values_list("registration_id", flat=True).first()
    if reg_id is None:
        raise NotFound(_("查封记录不存在。"))
    (reg,) = status.lock([reg_id])
    seizure = Seizure.objects.get(pk=seizure_id)
    if seizure.authority != authority:
        raise PermissionDenied(_("只有作出查封的%(a)s可以解除该查封。") % {"a": seizure.authority})
    if seizure.state in (Seizure.State.RELEASED, Seizure.State.EXPIRED):
        raise DomainError(_("该查封已经解除或期限届满。"))
    if not document_number.strip():
        raise DomainError(_("请填写解除查封的法律文书号。"), field="document_number")
    was_active, now = seizure.state == Seizure.State.ACTIVE, clock.now()
    seizure.state, seizure.released_at, seizure.released_by = Seizure.State.RELEASED, now, officer
    seizure.release_document = document_number.strip()
    seizure.save()
    ledger.record(actor=officer, subject=reg.subject, action="release_seizure", to_state=seizure.state,
                  reason=document_number, data={"seizure": seizure.pk})
    following = _next_in_line(reg, now) if was_active else None
    stats.seizure_ended(seizure=seizure, following=following)
    status.refresh(reg, by=officer, reason=_("%(a)s解除查封（%(d)s）") % {"a": authority, "d": seizure.release_document})
    lines = [_("%(a)s以%(d)s解除了对下列作品的查封：") % {"a": authority, "d": seizure.release_document},
             *notify.works_lines([reg])]
    users = [officer, *notify.owner_accounts([reg])]
    if was_active and following is not None:
        lines.append(_("轮候的%(a)s查封（%(d)s）自即日起生效。") % {"a": following.authority, "d": following.document_number})
        users.append(following.filed_by)
    notify.send(_("查封已解除"), lines, users)
    return seizure


def _next_in_line(reg: Registration, now: dt.datetime) -> Seizure | None:
    """The first waiting seizure takes effect now (its term counted from now)."""
    following = Seizure.objects.filter(registration=reg, state=Seizure.State.WAITING).order_by("position").first()
    if following is not None:
        following.state, following.effective_at = Seizure.State.ACTIVE, now
        following.expires_at = add_months(now, following.term_months)
        following.save()
        ledger.record(actor=None, subject=reg.subject, action="seizure_effective", to_state=following.state,
                      reason=following.document_number, data={"seizure": following.pk})
    return following


def expire_seizures() -> int:
    """Seizures whose term has run out end (a job every few minutes); the next in line takes
    effect. Each work in its own transaction. Returns how many ended."""
    now, ended = clock.now(), 0
    for seizure_id, reg_id in Seizure.objects.filter(state=Seizure.State.ACTIVE, expires_at__lte=now).values_list(
            "pk", "registration_id"):
        with transaction.atomic():
            (reg,) = status.lock([reg_id])
            seizure = Seizure.objects.get(pk=seizure_id)
            if seizure.state != Seizure.State.ACTIVE or seizure.expires_at is None or seizure.expires_at > now:
                continue
            seizure.state, seizure.released_at = Seizure.State.EXPIRED, now
            seizure.save()
            ledger.record(actor=None, subject=reg.subject, action="seizure_expired", to_state=seizure.state,
                          reason=seizure.document_number, data={"seizure": seizure.pk})
            following = _next_in_line(reg, now)
            stats.seizure_ended(seizure=seizure, following=following)
            status.refresh(reg, by=None, reason=_("查封期限届满（%(d)s）") % {"d": seizure.document_number})
            lines = [_("%(a)s的查封（%(d)s）期限届满，已失效：") % {"a": seizure.authority, "d": seizure.document_number},
                     *notify.works_lines([reg])]
            if following is not None:
                lines.append(_("轮候的%(a)s查封（%(d)s）自即日起生效。") % {"a": following.authority,
                                                                  "d": following.document_number})
            notify.send(_("查封期限届满"), lines, [seizure.filed_by, *notify.owner_accounts([reg]),
                                                 following.filed_by if following else None])
            ended += 1
    return ended


# --- pledges --------------------------------------------------------------------------------


def file_pledge(*, officer: User, numbers: list[str], pledgor_name: str, pledgor_id_type: str,
                pledgor_id_number: str, principal: Decimal, currency: str, term_start: dt.date, term_end: dt.date,
                contract_name: str, contract: BinaryIO) -> Pledge:
    """A bank officer files a pledge for review; the contract is stored before the row."""
    pledgee = _officer(officer, Role.BANK_OFFICER, _("只有银行等质权人的工作人员可以申请质权登记。"))
    if principal <= 0:
        raise DomainError(_("主债权金额应大于零。"), field="principal")
    if len(currency) != 3 or not currency.isalpha():
        raise DomainError(_("币种请填写三位字母代码，例如 CNY。"), field="currency")
    if term_end <= term_start:
        raise DomainError(_("债务履行期限的结束日应晚于开始日。"), field="term_end")
    if not contract_name.lower().endswith(".pdf"):
        raise DomainError(_("请上传 PDF 格式的质押合同。"), field="contract")
    key = f"pledges/{uuid.uuid4().hex}.pdf"
    data = contract.read()
    store().put(key, data)
    try:
        with transaction.atomic():
            regs = _registrations(numbers)
            for reg in regs:
                status.refuse_if_final(reg, _("质权登记"))
                status.refuse_if_seized(reg, _("质权登记"))
                _pledgor_owns(reg, pledgor_name, pledgor_id_number)
            pledge = Pledge.objects.create(
                pledgee=pledgee, pledgor_name=pledgor_name.strip(), pledgor_id_type=pledgor_id_type,
                pledgor_id_number=pledgor_id_number.strip(), principal=principal, currency=currency.upper(),
                term_start=term_start, term_end=term_end, contract_key=key, contract_name=contract_name[:255],
                contract_sha256=hashlib.sha256(data).hexdigest(), filed_by=officer, filed_at=clock.now(),
            )
            pledge.works.set(regs)
            ledger.record(actor=officer, subject=pledge.subject, action="file_pledge", to_state=pledge.state,
                          data={"works": [r.number for r in regs], "principal": str(principal)})
            notify.send(_("质权登记申请已提交"), [_("%(b)s申请以下列作品办理著作权质权登记，出质人：%(p)s。")
                                           % {"b": pledgee, "p": pledgor_name.strip()}, *notify.works_lines(regs)],
                        [officer, *notify.owner_accounts(regs)])
    except BaseException:
        store().delete(key)
        raise
    return pledge


def _pledgor_owns(reg: Registration, name: str, id_number: str) -> None:
    owners = {(o.get("id_number") or "").strip().upper() for o in reg.data.get("owners", [])}
    if id_number.strip().upper() not in owners:
        raise DomainError(_("出质人“%(p)s”不是“%(t)s”（%(n)s）的著作权人。") % {"p": name, "t": reg.title, "n": reg.number},
                          field="pledgor_id_number")


def _locked_pledge(pledge_id: int) -> tuple[Pledge, list[Registration]]:
    works = list(Pledge.works.through.objects.filter(pledge_id=pledge_id).values_list("registration_id", flat=True))
    if not works:
        raise NotFound(_("质权登记不存在。"))
    regs = status.lock(works)
    return Pledge.objects.select_for_update().get(pk=pledge_id), regs


@transaction.atomic
def register_pledge(*, registrar: User, pledge_id: int, reason: str = "") -> Pledge:
    """The office enters the pledge: effective from this commit, unless a work was seized meanwhile."""
    if not registrar.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以办理质权登记。"))
    pledge, regs = _locked_pledge(pledge_id)
    if pledge.state != Pledge.State.SUBMITTED:
        raise DomainError(_("该质权登记申请已处理。"))
    for reg in regs:
        status.refuse_if_final(reg, _("质权登记"))
        status.refuse_if_seized(reg, _("质权登记"))
    now = clock.now()
    pledge.state, pledge.registered_at, pledge.decided_at, pledge.decided_by = Pledge.State.REGISTERED, now, now, registrar
    pledge.decision_reason = reason.strip()
    pledge.save()
    for reg in regs:
        status.refresh(reg, by=registrar, reason=_("质权登记（质权人：%(p)s）") % {"p": pledge.pledgee})
    # The number comes last: the counter row stays locked until commit, and every registrar's
    # pledge needs that one row, so the shorter the hold the more pledges enter per second.
    pledge.number = numbering.next_pledge_number(now.date())
    pledge.save(update_fields=["number"])
    stats.pledge_registered(pledge=pledge)
    ledger.record(actor=registrar, subject=pledge.subject, action="register_pledge", from_state="submitted",
                  to_state=pledge.state, reason=reason, data={"number": pledge.number})
    notify.send(_("著作权质权已登记"), [_("质权登记号 %(n)s，质权人%(b)s，出质人%(p)s，自 %(t)s 起生效。出质作品：")
                                   % {"n": pledge.number, "b": pledge.pledgee, "p": pledge.pledgor_name,
                                      "t": f"{now:%Y-%m-%d %H:%M}"}, *notify.works_lines(regs)],
                [pledge.filed_by, *notify.owner_accounts(regs)])
    return pledge


@transaction.atomic
def reject_pledge(*, registrar: User, pledge_id: int, reason: str) -> Pledge:
    if not registrar.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以办理质权登记。"))
    if not reason.strip():
        raise DomainError(_("请填写不予登记的理由。"), field="reason")
    pledge, _regs = _locked_pledge(pledge_id)
    if pledge.state != Pledge.State.SUBMITTED:
        raise DomainError(_("该质权登记申请已处理。"))
    pledge.state, pledge.decided_at, pledge.decided_by = Pledge.State.REJECTED, clock.now(), registrar
    pledge.decision_reason = reason.strip()
    pledge.save()
    ledger.record(actor=registrar, subject=pledge.subject, action="reject_pledge", from_state="submitted",
                  to_state=pledge.state, reason=reason)
    notify.send(_("质权登记申请不予登记"), [_("理由：%(r)s") % {"r": pledge.decision_reason}, *notify.works_lines(_regs)],
                [pledge.filed_by, *notify.owner_accounts(_regs)])
    return pledge


@transaction.atomic
def change_pledge(*, registrar: User, pledge_id: int, principal: Decimal | None = None,
                  term_end: dt.date | None = None, reason: str) -> Pledge:
    """变更 of a registered pledge (a new principal or a later end of the debt term), entered by a
    registrar on the parties' request; the certificate then states the new facts."""
    if not registrar.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以办理质权变更登记。"))
    pledge, regs = _locked_pledge(pledge_id)
    if pledge.state != Pledge.State.REGISTERED:
        raise DomainError(_("只有已登记的质权可以变更。"))
    if principal is None and term_end is None:
        raise DomainError(_("请填写变更后的主债权金额或债务履行期限。"), field="principal")
    if principal is not None and principal <= 0:
        raise DomainError(_("主债权金额应大于零。"), field="principal")
    if term_end is not None and term_end <= pledge.term_start:
        raise DomainError(_("债务履行期限的结束日应晚于开始日。"), field="term_end")
    if not reason.strip():
        raise DomainError(_("请填写变更理由。"), field="reason")
    for reg in regs:
        status.refuse_if_seized(reg, _("质权变更登记"))
    before = {"principal": str(pledge.principal), "term_end": str(pledge.term_end)}
    pledge.principal = principal if principal is not None else pledge.principal
    pledge.term_end = term_end or pledge.term_end
    pledge.save(update_fields=["principal", "term_end"])
    stats.pledge_changed(pledge=pledge, principal_before=Decimal(before["principal"]))
    after = {"principal": str(pledge.principal), "term_end": str(pledge.term_end)}
    ledger.record(actor=registrar, subject=pledge.subject, action="change_pledge", reason=reason,
                  data={"before": before, "after": after})
    notify.send(_("著作权质权变更登记"), [_("质权登记 %(n)s 已变更：主债权金额 %(p)s %(c)s，债务履行期限至 %(t)s（%(r)s）。")
                                     % {"n": pledge.number, "p": pledge.principal, "c": pledge.currency,
                                        "t": pledge.term_end, "r": reason.strip()}, *notify.works_lines(regs)],
                [pledge.filed_by, *notify.owner_accounts(regs)])
    return pledge


@transaction.atomic
def release_pledge(*, officer: User, pledge_id: int, reason: str) -> Pledge:
    """注销: by the pledgee (the bank that filed it) or a registrar."""
    pledge, regs = _locked_pledge(pledge_id)
    if not (officer.is_registrar or (officer.role == Role.BANK_OFFICER and officer.organization.strip() == pledge.pledgee)):
        raise PermissionDenied(_("只有质权人或登记管理员可以注销质权登记。"))
    if pledge.state != Pledge.State.REGISTERED:
        raise DomainError(_("只有已登记的质权可以注销。"))
    if not reason.strip():
        raise DomainError(_("请填写注销原因。"), field="reason")
    pledge.state, pledge.released_at, pledge.release_reason = Pledge.State.RELEASED, clock.now(), reason.strip()
    pledge.save()
    stats.pledge_released(pledge=pledge)
    ledger.record(actor=officer, subject=pledge.subject, action="release_pledge", from_state="registered",
                  to_state=pledge.state, reason=reason)
    for reg in regs:
        status.refresh(reg, by=officer, reason=_("质权登记 %(n)s 已注销") % {"n": pledge.number})
    notify.send(_("著作权质权已注销"), [_("质权登记 %(n)s 已注销（%(r)s）。") % {"n": pledge.number, "r": pledge.release_reason},
                                   *notify.works_lines(regs)], [pledge.filed_by, officer, *notify.owner_accounts(regs)])
    return pledge


# Contract recordation, changes, revocation and reissue live in their own modules; these are the
# service functions callers use.
from banquan.rights.changes import (  # noqa: E402
    decide_change,
    decide_reissue,
    file_change,
    file_reissue,
    revoke,
)
from banquan.rights.recordations import decide_recordation, file_recordation  # noqa: E402

__all__ = [
    "seize", "release_seizure", "expire_seizures", "file_pledge", "register_pledge", "reject_pledge", "change_pledge", "release_pledge",
    "file_recordation", "decide_recordation", "file_change", "decide_change", "revoke", "file_reissue",
    "decide_reissue",
]
