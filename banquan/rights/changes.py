"""Changes (变更, 补充) and revocation (撤销) of registrations, and certificate reissue (补发) and
replacement (换发). An approved change or a reissue signs a new certificate version, so the QR
code of the old one says it was replaced and by which version; a revocation makes the verify
page say 已撤销 (or 已被替代, with a link, when a duplicate is revoked in favour of the kept one)."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.core import clock
from banquan.core.errors import DomainError, NotFound, PermissionDenied
from banquan.ledger import services as ledger
from banquan.records import regions
from banquan.records.models import Registration, RightsStatus
from banquan.rights import notify, status
from banquan.rights.models import ChangeRequest, ReissueRequest, Revocation
from banquan.stats import services as stats

CHANGEABLE = ("title", "owners", "authors", "completion_date", "first_publication_date")
OWNER_KEYS = ("name", "kind", "id_type", "id_number", "nationality", "province", "city")


def _registration(number: str) -> Registration:
    reg = Registration.objects.select_related("application").filter(number=number.strip()).first()
    if reg is None:
        raise NotFound(_("登记号“%(n)s”不存在。") % {"n": number})
    return reg


def _owner_of(reg: Registration, user: User) -> None:
    if reg.application.applicant_id != user.pk:
        raise PermissionDenied(_("只有该登记的申请人可以办理此项业务。"))


def _registrar(user: User, doing: str) -> None:
    if not user.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以办理%(d)s。") % {"d": doing})


# --- changes and supplements ---------------------------------------------------------------


def file_change(*, applicant: User, number: str, kind: str, changes: dict, reason: str) -> ChangeRequest:
    reg = _registration(number)
    _owner_of(reg, applicant)
    kind = ChangeRequest.Kind(kind).value
    unknown = sorted(set(changes) - set(CHANGEABLE))
    if not changes or unknown:
        raise DomainError(_("可以变更的事项：作品名称、著作权人、作者、创作完成日期、首次发表日期。"), field="changes")
    if "title" in changes and not str(changes["title"]).strip():
        raise DomainError(_("作品名称不能为空。"), field="changes.title")
    for owner in changes.get("owners", []):
        if not all(str(owner.get(k, "")).strip() for k in ("name", "kind", "id_type", "id_number")):
            raise DomainError(_("每位著作权人须有姓名或名称、类型、证件类型和证件号码。"), field="changes.owners")
    if not reason.strip():
        raise DomainError(_("请说明变更或补充的理由。"), field="reason")
    status.refuse_if_final(reg, _("变更或补充登记"))
    status.refuse_if_seized(reg, _("变更或补充登记"))
    change = ChangeRequest.objects.create(registration=reg, kind=kind, changes=changes, reason=reason.strip(),
                                          filed_by=applicant, filed_at=clock.now())
    ledger.record(actor=applicant, subject=change.subject, action="file_change", to_state=change.state,
                  data={"number": reg.number, "fields": sorted(changes)})
    return change


@transaction.atomic
def decide_change(*, registrar: User, change_id: int, approve: bool, reason: str = "") -> ChangeRequest:
    from banquan.certificates import services as certificates
    from banquan.records.services import index_for_search

    _registrar(registrar, _("变更或补充登记"))
    reg_id = ChangeRequest.objects.filter(pk=change_id).values_list("registration_id", flat=True).first()
    if reg_id is None:
        raise NotFound(_("变更申请不存在。"))
    (reg,) = status.lock([reg_id])
    change = ChangeRequest.objects.select_for_update().get(pk=change_id)
    if change.state != ChangeRequest.State.SUBMITTED:
        raise DomainError(_("该变更申请已处理。"))
    if not approve and not reason.strip():
        raise DomainError(_("请填写不予核准的理由。"), field="reason")
    if approve:
        status.refuse_if_final(reg, _("变更或补充登记"))
        status.refuse_if_seized(reg, _("变更或补充登记"))
        reg.data = _changed(reg.data, change.changes)
        reg.title = reg.data["title"]
        region_before, reg.region = reg.region, regions.region_of_owners(reg.data.get("owners", [])).name
        reg.save(update_fields=["data", "title", "region"])
        stats.region_changed(registration=reg, before=region_before)
        index_for_search(reg)
        change.certificate_version = certificates.issue(registration=reg, by=registrar).version
    change.state = ChangeRequest.State.APPROVED if approve else ChangeRequest.State.REJECTED
    change.decided_by, change.decided_at, change.decision_reason = registrar, clock.now(), reason.strip()
    change.save()
    ledger.record(actor=registrar, subject=reg.subject, action="change_registration" if approve else "reject_change",
                  reason=reason or change.reason, data={"change": change.pk, "fields": sorted(change.changes),
                                                        "certificate_version": change.certificate_version})
    outcome = (_("已核准，已签发第 %(v)d 版证书。") % {"v": change.certificate_version} if approve
               else _("不予核准，理由：%(r)s") % {"r": change.decision_reason})
    notify.send(_("变更或补充登记结果"), [f"{change.get_kind_display()}：{outcome}", *notify.works_lines([reg])],
                [change.filed_by])
    return change


def _changed(data: dict, changes: dict) -> dict:
    new = {**data}
    if "title" in changes:
        new["title"] = str(changes["title"]).strip()
    if "owners" in changes:
        new["owners"] = [{**{k: str(o.get(k, "")).strip() for k in OWNER_KEYS},
                          "display": _display(o)} for o in changes["owners"]]
    if "authors" in changes:
        new["authors"] = [{"name": a["name"], "signature": a.get("signature", ""),
                           "display": a["name"] if not a.get("signature") or a["signature"] == a["name"]
                           else f"{a['name']}（署名：{a['signature']}）"} for a in changes["authors"]]
    for field in ("completion_date", "first_publication_date"):
        if field in changes:
            new[field] = changes[field] or None
    return new


def _display(owner: dict) -> str:
    nationality = str(owner.get("nationality") or "").strip()
    return f"{owner['name']}（{nationality}）" if nationality else str(owner["name"])


# --- revocation -----------------------------------------------------------------------------


@transaction.atomic
def revoke(*, registrar: User, number: str, ground: str, reason: str, document: str = "",
           kept_number: str = "") -> Revocation:
    from banquan.records.services import set_rights_status

    _registrar(registrar, _("撤销登记"))
    ground = Revocation.Ground(ground).value
    if not reason.strip():
        raise DomainError(_("请填写撤销理由。"), field="reason")
    if ground in (Revocation.Ground.COURT, Revocation.Ground.ADMINISTRATIVE) and not document.strip():
        raise DomainError(_("依据裁判或决定撤销的，请填写文书号。"), field="document")
    if ground == Revocation.Ground.DUPLICATE and not kept_number.strip():
        raise DomainError(_("重复登记请填写保留的登记号。"), field="kept_number")
    reg = _registration(number)
    kept = _registration(kept_number) if ground == Revocation.Ground.DUPLICATE else None
    if kept is not None and kept.pk == reg.pk:
        raise DomainError(_("重复登记请填写保留的登记号。"), field="kept_number")
    status.lock([reg.pk] + ([kept.pk] if kept else []))
    if Revocation.objects.filter(registration=reg).exists():
        raise DomainError(_("该登记已经撤销。"))
    target = RightsStatus.SUPERSEDED if kept else RightsStatus.REVOKED
    set_rights_status(registration_id=reg.pk, status=target, by=registrar, reason=reason, superseded_by=kept)
    revocation = Revocation.objects.create(registration=reg, ground=ground, document=document.strip(),
                                           reason=reason.strip(), kept=kept, decided_by=registrar, decided_at=clock.now())
    reg.refresh_from_db()  # its status was set through its own query
    notify.send(_("登记已撤销"), [_("撤销事由：%(g)s；理由：%(r)s") % {"g": revocation.get_ground_display(), "r": revocation.reason},
                             *notify.works_lines([reg])], notify.owner_accounts([reg]))
    return revocation


# --- reissue and replacement ----------------------------------------------------------------


def file_reissue(*, applicant: User, number: str, kind: str, reason: str) -> ReissueRequest:
    from banquan.workdays.calendar import add_working_days

    reg = _registration(number)
    _owner_of(reg, applicant)
    kind = ReissueRequest.Kind(kind).value
    if not reason.strip():
        raise DomainError(_("请说明补发或换发的原因。"), field="reason")
    status.refuse_if_final(reg, _("证书补发或换发"))
    status.refuse_if_seized(reg, _("证书补发或换发"))
    if ReissueRequest.objects.filter(registration=reg, state=ReissueRequest.State.SUBMITTED).exists():
        raise DomainError(_("该登记已有一件正在办理的补发或换发申请。"))
    deadline = add_working_days(clock.today(), settings.BANQUAN_TIME_LIMITS["reissue"])
    assert deadline.day is not None  # a fresh count is never paused
    request = ReissueRequest.objects.create(registration=reg, kind=kind, reason=reason.strip(), filed_by=applicant,
                                            filed_at=clock.now(), deadline=deadline.day,
                                            deadline_provisional=deadline.provisional)
    ledger.record(actor=applicant, subject=request.subject, action="file_reissue", to_state=request.state,
                  data={"number": reg.number, "deadline": str(request.deadline)})
    notify.send(_("证书补发或换发申请已受理"), [_("%(k)s申请已受理，将于 %(d)s 前办结。") % {"k": request.get_kind_display(),
                                                                            "d": request.deadline},
                                       *notify.works_lines([reg])], [applicant])
    return request


@transaction.atomic
def decide_reissue(*, registrar: User, request_id: int, issue: bool, reason: str = "") -> ReissueRequest:
    from banquan.certificates import services as certificates

    _registrar(registrar, _("证书补发或换发"))
    reg_id = ReissueRequest.objects.filter(pk=request_id).values_list("registration_id", flat=True).first()
    if reg_id is None:
        raise NotFound(_("补发或换发申请不存在。"))
    (reg,) = status.lock([reg_id])
    request = ReissueRequest.objects.select_for_update().get(pk=request_id)
    if request.state != ReissueRequest.State.SUBMITTED:
        raise DomainError(_("该申请已办结。"))
    if not issue and not reason.strip():
        raise DomainError(_("请填写不予办理的理由。"), field="reason")
    if issue:
        status.refuse_if_final(reg, _("证书补发或换发"))
        status.refuse_if_seized(reg, _("证书补发或换发"))
        request.certificate_version = certificates.issue(registration=reg, by=registrar).version
    request.state = ReissueRequest.State.DONE if issue else ReissueRequest.State.REJECTED
    request.decided_by, request.decided_at, request.decision_reason = registrar, clock.now(), reason.strip()
    request.save()
    ledger.record(actor=registrar, subject=reg.subject, action="reissue_certificate" if issue else "reject_reissue",
                  reason=reason or request.reason, data={"request": request.pk, "kind": request.kind,
                                                         "certificate_version": request.certificate_version})
    outcome = (_("已办结，已签发第 %(v)d 版证书。") % {"v": request.certificate_version} if issue
               else _("不予办理，理由：%(r)s") % {"r": request.decision_reason})
    notify.send(_("证书补发或换发结果"), [f"{request.get_kind_display()}：{outcome}", *notify.works_lines([reg])],
                [request.filed_by])
    return request
