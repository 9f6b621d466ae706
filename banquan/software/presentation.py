"""How a software application reads on the applicant's and the reviewer's pages: the form's
fields in the official order, and each deposit material with what the build and the checker
found."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from banquan.applications import choices as ac
from banquan.applications.models import Application
from banquan.software import choices as c
from banquan.software import forms
from banquan.software.models import DepositMaterial
from banquan.software.services import BLOCKING, values_of
from banquan.software.softcopy.check.rules import Problem, summarise

CHOICES: dict[str, Any] = {
    "classification": c.Classification, "nature": c.SoftwareNature, "development_mode": c.DevelopmentMode,
    "deposit_mode": c.DepositMode, "rights": c.SoftwareRight, "feature_tags": c.FeatureTag,
    "publication": ac.Publication, "acquisition": ac.Acquisition, "derived_how": ac.DerivedHow,
    "rights_scope": ac.RightsScope,
}
STATUS_BADGES = {c.MaterialStatus.READY: "status-valid", c.MaterialStatus.FAILED: "overdue",
                 c.MaterialStatus.PENDING: "due-soon"}


@dataclass
class Row:
    name: str
    label: str
    value: str
    long: bool = False


def _label(name: str) -> str:
    return str(forms.LABELS.get(name) or forms.model_field(name).verbose_name)


def _text(name: str, value: Any) -> str:
    choices = CHOICES.get(name)
    if isinstance(value, list):
        labels = dict(choices.choices) if choices else {}
        return "、".join(str(labels.get(v, v)) for v in value)
    if choices and value:
        return str(dict(choices.choices).get(value, value))
    if value in (None, ""):
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def sections(app: Application) -> list[tuple[Any, list[Row]]]:
    """The form's sections with each field's label and its value as text."""
    values = values_of(app)
    return [(title, [Row(n, _label(n), _text(n, values.get(n)), n in forms.LONG_FIELDS) for n in names])
            for title, names in forms.SECTIONS]


def owners(app: Application) -> list[tuple[Any, str]]:
    """(owner, 所属园区) in the form's order."""
    parks = app.software.owner_parks
    return [(o, parks.get(str(i), "")) for i, o in enumerate(app.owners.all())]


@dataclass
class ProblemGroup:
    code: str
    message: str
    count: int
    pages: str
    blocking: bool


@dataclass
class MaterialView:
    material: DepositMaterial
    badge: str
    status_label: str
    files: list[str] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)
    problems: list[ProblemGroup] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        return self.material.status == c.MaterialStatus.PENDING

    @property
    def blocking(self) -> bool:
        return any(p.blocking for p in self.problems)


def problem_groups(problems: list[dict]) -> list[ProblemGroup]:
    """The checker's problems, one line per kind with its pages ("第 1–30、41 页")."""
    found = [Problem(p["code"], p.get("message", ""), p.get("page")) for p in problems]
    first: dict[str, str] = {}
    for p in found:
        first.setdefault(p.code, p.message)
    return [ProblemGroup(g["code"], first[g["code"]], g["count"], g["pages"], g["code"] in BLOCKING)
            for g in summarise(found)]


def material_view(m: DepositMaterial) -> MaterialView:
    groups = problem_groups(m.problems or [])
    status = m.get_status_display()
    badge = STATUS_BADGES.get(c.MaterialStatus(m.status), "")
    if m.status == c.MaterialStatus.READY and any(g.blocking for g in groups):
        status, badge = _("需修改"), STATUS_BADGES[c.MaterialStatus.FAILED]
    summary = m.summary or {}
    return MaterialView(m, badge, str(status), list(summary.get("files") or []),
                        list(summary.get("left_out") or []), groups)


def materials(app: Application) -> list[tuple[str, Any, MaterialView | None]]:
    """(kind, kind label, the material or None) for both kinds, program first."""
    found = {m.kind: m for m in app.deposit_materials.all()}
    return [(kind, label, material_view(found[kind]) if kind in found else None)
            for kind, label in c.MaterialKind.choices]


def review_context(app: Application) -> dict[str, Any]:
    """What the reviewer's page shows of a software application instead of the work form."""
    return {
        "sections": sections(app),
        "parks": [(o, park) for o, park in owners(app) if park],
        "materials": materials(app),
    }
