"""Contract recordation (合同备案): transfer and exclusive licence contracts, filed by a party who
owns the works, recorded by the office. Refused while a work is seized (disposing of seized
rights is what a seizure forbids)."""

import datetime as dt
import hashlib
import uuid
from typing import BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.core import clock
from banquan.core.errors import DomainError, PermissionDenied
from banquan.core.storage import store
from banquan.ledger import services as ledger
from banquan.records.models import Registration
from banquan.rights import notify, status
from banquan.rights.models import Recordation

RIGHTS = ("reproduction", "distribution", "rental", "exhibition", "performance", "screening", "broadcasting",
          "network", "filming", "adaptation", "translation", "compilation", "other")


def _doing(kind: str) -> str:
    return str(Recordation.Kind(kind).label) + _("备案")


def file_recordation(*, applicant: User, kind: str, numbers: list[str], grantor_name: str, grantor_id_number: str,
                     grantee_name: str, grantee_id_number: str, rights: list[str], territory: str,
                     term_start: dt.date | None, term_end: dt.date | None, contract_name: str,
                     contract: BinaryIO) -> Recordation:
    from banquan.rights.services import _registrations

    kind = Recordation.Kind(kind).value
    unknown = sorted(set(rights) - set(RIGHTS))
    if not rights or unknown:
        raise DomainError(_("请选择合同涉及的著作财产权。"), field="rights")
    if not territory.strip():
        raise DomainError(_("请填写地域范围。"), field="territory")
    if kind == Recordation.Kind.EXCLUSIVE_LICENCE and not (term_start and term_end):
        raise DomainError(_("专有许可合同请填写许可期限。"), field="term_end")
    if term_start and term_end and term_end <= term_start:
        raise DomainError(_("期限的结束日应晚于开始日。"), field="term_end")
    if not contract_name.lower().endswith(".pdf"):
        raise DomainError(_("请上传 PDF 格式的合同。"), field="contract")
    key = f"recordations/{uuid.uuid4().hex}.pdf"
    data = contract.read()
    store().put(key, data)
    try:
        with transaction.atomic():
            regs = _registrations(numbers)
            for reg in regs:
                if reg.application.applicant_id != applicant.pk:
                    raise PermissionDenied(_("只有该登记的申请人可以为“%(t)s”（%(n)s）申请合同备案。")
                                           % {"t": reg.title, "n": reg.number})
                _check_work(reg, kind, grantor_id_number)
            rec = Recordation.objects.create(
                kind=kind, grantor_name=grantor_name.strip(), grantor_id_number=grantor_id_number.strip(),
                grantee_name=grantee_name.strip(), grantee_id_number=grantee_id_number.strip(), rights=sorted(rights),
                territory=territory.strip(), term_start=term_start, term_end=term_end, contract_key=key,
                contract_name=contract_name[:255], contract_sha256=hashlib.sha256(data).hexdigest(),
                filed_by=applicant, filed_at=clock.now(),
            )
            rec.works.set(regs)
            ledger.record(actor=applicant, subject=rec.subject, action="file_recordation", to_state=rec.state,
                          data={"kind": kind, "works": [r.number for r in regs]})
    except BaseException:
        store().delete(key)
        raise
    return rec


def _check_work(reg: Registration, kind: str, grantor_id_number: str) -> None:
    status.refuse_if_final(reg, _doing(kind))
    status.refuse_if_seized(reg, _doing(kind))
    owners = {(o.get("id_number") or "").strip().upper() for o in reg.data.get("owners", [])}
    if grantor_id_number.strip().upper() not in owners:
        raise DomainError(_("转让方或许可方不是“%(t)s”（%(n)s）的著作权人。") % {"t": reg.title, "n": reg.number},
                          field="grantor_id_number")


@transaction.atomic
def decide_recordation(*, registrar: User, recordation_id: int, record: bool, reason: str = "") -> Recordation:
    from banquan.rights.numbering import next_number

    if not registrar.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以办理合同备案。"))
    works = Recordation.works.through.objects.filter(recordation_id=recordation_id)
    regs = status.lock(works.values_list("registration_id", flat=True))
    rec = Recordation.objects.select_for_update().get(pk=recordation_id)
    if rec.state != Recordation.State.SUBMITTED:
        raise DomainError(_("该合同备案申请已处理。"))
    if not record and not reason.strip():
        raise DomainError(_("请填写不予备案的理由。"), field="reason")
    if record:
        for reg in regs:
            _check_work(reg, rec.kind, rec.grantor_id_number)
    now = clock.now()
    rec.state = Recordation.State.RECORDED if record else Recordation.State.REJECTED
    rec.decided_by, rec.decided_at, rec.decision_reason = registrar, now, reason.strip()
    if record:
        rec.number = next_number("HT", "T", now.date())
    rec.save()
    ledger.record(actor=registrar, subject=rec.subject, action="decide_recordation", from_state="submitted",
                  to_state=rec.state, reason=reason, data={"number": rec.number})
    for reg in regs if record else ():
        ledger.record(actor=registrar, subject=reg.subject, action="recordation", reason=rec.get_kind_display(),
                      data={"recordation": rec.number, "grantee": rec.grantee_name})
    outcome = (_("已备案，备案号 %(n)s。") % {"n": rec.number} if record
               else _("不予备案，理由：%(r)s") % {"r": rec.decision_reason})
    notify.send(_("合同备案结果"), [f"{rec.get_kind_display()}（{rec.grantor_name} → {rec.grantee_name}）{outcome}",
                                *notify.works_lines(regs)], [rec.filed_by, *notify.owner_accounts(regs)])
    return rec
