"""What the reviewer is told about an application's copies and mass-filing flags: the data of
the 代码比对 panel (``software/_review_duplicates.html``) and of the JSON API."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from banquan.applications.models import Application
from banquan.applications.states import State
from banquan.records.models import Registration
from banquan.software.models import CopyFinding, FilingFlag


@dataclass(frozen=True)
class FindingView:
    finding: CopyFinding
    number: str
    title: str
    owners: str
    percent: int  # the larger containment, in per cent
    percent_new: int
    percent_registered: int
    regions: int


@dataclass(frozen=True)
class FlagView:
    flag: FilingFlag
    label: str
    explanation: str
    others: list[dict]


def owners_of(registration: Registration) -> str:
    return "、".join(o.get("name", "") for o in registration.data.get("owners", [])) or "—"


def finding_view(f: CopyFinding) -> FindingView:
    return FindingView(f, f.registration.number, f.registration.title, owners_of(f.registration),
                       round(f.score * 100), round(f.containment_new * 100), round(f.containment_registered * 100),
                       len(f.regions))


def explain(flag: FilingFlag) -> str:
    d = flag.detail
    if flag.kind == FilingFlag.Kind.TEMPLATE_CODE:
        return _("本申请的源程序与近期其他申请人提交的 %(n)d 件申请几乎相同（相互包含不低于 %(p)d%%），"
                 "可能是套用同一模板批量制作的申请，请核实开发过程和权利归属。") % {
            "n": d.get("group_size", 1) - 1, "p": round(d.get("resemblance", 0) * 100)}
    if flag.kind == FilingFlag.Kind.TEMPLATE_MANUAL:
        return _("本申请的说明书与近期其他申请人提交的 %(n)d 件申请几乎相同（相互包含不低于 %(p)d%%），"
                 "可能是套用同一模板批量制作的文档。") % {
            "n": d.get("group_size", 1) - 1, "p": round(d.get("resemblance", 0) * 100)}
    return _("提交本申请的账号在前后 %(h)d 小时内共提交了 %(n)d 件软件登记申请，请注意是否为批量申请。") % {
        "h": d.get("hours", 0), "n": d.get("count", 0)}


def flag_view(flag: FilingFlag) -> FlagView:
    return FlagView(flag, str(flag.get_kind_display()), explain(flag), list(flag.detail.get("others", [])))


def panel_context(app: Application) -> dict:
    findings = app.copy_findings.select_related("registration")
    return {"app": app, "findings": [finding_view(f) for f in findings],
            "flags": [flag_view(f) for f in app.filing_flags.all()],
            "checked": app.status not in (State.DRAFT, State.SUBMITTED)}
