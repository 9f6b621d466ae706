"""Request and response bodies of the applicant's JSON API.

Choice fields take the form's codes (``fine_art``, ``original`` …) and are checked against the
same choice lists as the model; an empty value means "not filled in yet" (drafts may be
incomplete). Dates are ``YYYY-MM-DD``.
"""

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field, StringConstraints

from banquan.applications import choices as c
from banquan.applications import presentation, states


def _one_of(choices, *, blank: bool = False) -> Any:
    """A Literal of a TextChoices' values, so OpenAPI lists them and pydantic checks them;
    ``blank`` also admits "" (not chosen yet)."""
    return Literal[tuple(choices.values) + (("",) if blank else ())]


def _text(max_length: int, *, required: bool = False) -> Any:
    return Annotated[str, StringConstraints(strip_whitespace=True, max_length=max_length,
                                            min_length=1 if required else 0)]


if TYPE_CHECKING:  # type checkers see plain strings; pydantic sees the closed lists below
    StatusCode: TypeAlias = str
    CategoryCode: TypeAlias = str
    NatureCode: TypeAlias = str
    PublicationCode: TypeAlias = str
    CreationModeCode: TypeAlias = str
    AcquisitionCode: TypeAlias = str
    DerivedHowCode: TypeAlias = str
    RightsScopeCode: TypeAlias = str
    RightCode: TypeAlias = str
    OwnerKindCode: TypeAlias = str
    IdTypeCode: TypeAlias = str
    SampleRoleCode: TypeAlias = str
    Name: TypeAlias = str
    IdNumber: TypeAlias = str
    Text64: TypeAlias = str
    Text100: TypeAlias = str
    Text200: TypeAlias = str
    Text300: TypeAlias = str
    LongText: TypeAlias = str
else:
    StatusCode = _one_of(c.Status)
    CategoryCode = _one_of(c.Category, blank=True)
    NatureCode = _one_of(c.Nature, blank=True)
    PublicationCode = _one_of(c.Publication, blank=True)
    CreationModeCode = _one_of(c.CreationMode, blank=True)
    AcquisitionCode = _one_of(c.Acquisition, blank=True)
    DerivedHowCode = _one_of(c.DerivedHow, blank=True)
    RightsScopeCode = _one_of(c.RightsScope, blank=True)
    RightCode = _one_of(c.Right)
    OwnerKindCode = _one_of(c.OwnerKind)
    IdTypeCode = _one_of(c.IdType)
    SampleRoleCode = _one_of(c.SampleRole)
    Name = _text(200, required=True)
    IdNumber = _text(64, required=True)
    Text64, Text100, Text200, Text300, LongText = (_text(n) for n in (64, 100, 200, 300, 5000))


class AuthorIn(Schema):
    name: Name
    signature: Text200 = ""


class OwnerIn(Schema):
    kind: OwnerKindCode
    name: Name
    id_type: IdTypeCode
    id_number: IdNumber
    nationality: Text64 = "中国"
    province: Text64 = ""
    city: Text64 = ""
    address: Text300 = ""


class ApplicationFields(Schema):
    """The form's own fields. Every one may be left out while the application is a draft;
    ``ApplicationPatch`` changes only the ones it names."""

    title: Text200 | None = None
    category: CategoryCode | None = None
    category_note: Text200 | None = None
    nature: NatureCode | None = None
    nature_note: Text200 | None = None
    source_work_title: Text200 | None = None
    source_work_author: Text200 | None = None
    completion_date: dt.date | None = None
    completion_country: Text64 | None = None
    completion_city: Text100 | None = None
    publication: PublicationCode | None = None
    first_publication_date: dt.date | None = None
    first_publication_country: Text64 | None = None
    first_publication_city: Text100 | None = None
    creation_mode: CreationModeCode | None = None
    acquisition: AcquisitionCode | None = None
    derived_how: DerivedHowCode | None = None
    rights_scope: RightsScopeCode | None = None
    rights: list[RightCode] | None = None
    purpose: LongText | None = None
    process: LongText | None = None
    originality: LongText | None = None
    offline_display: bool | None = None
    offline_display_date: dt.date | None = None
    offline_display_place: Text200 | None = None

    def model_values(self) -> dict[str, Any]:
        """The fields the caller sent, as model values: ``null`` clears a field (text and
        choices become "", dates stay None), and a repeated right is kept once."""
        sent = self.model_dump(exclude_unset=True, include=set(ApplicationFields.model_fields))
        values: dict[str, Any] = {}
        for name, value in sent.items():
            if name == "rights":
                value = list(dict.fromkeys(value or []))
            elif name == "offline_display":
                value = bool(value)
            elif value is None and not name.endswith("_date"):
                value = ""
            values[name] = value
        return values


class ApplicationIn(ApplicationFields):
    authors: list[AuthorIn] = []
    owners: list[OwnerIn] = []
    # Send a fresh UUID per "create" click: repeating it returns the first application.
    client_token: uuid.UUID | None = None


class ApplicationPatch(ApplicationFields):
    # Left out: unchanged. Given: replaces the whole list.
    authors: list[AuthorIn] | None = None
    owners: list[OwnerIn] | None = None


class ResubmitIn(Schema):
    response: str = Field(description="What was corrected (补正说明).")


class WithdrawIn(Schema):
    reason: str = Field(description="Why the application is withdrawn.")


class AuthorOut(Schema):
    name: str
    signature: str


class OwnerOut(Schema):
    kind: str
    name: str
    id_type: str
    id_number: str
    nationality: str
    province: str
    city: str
    address: str


class SampleOut(Schema):
    id: int
    uuid: uuid.UUID
    role: str
    media_type: str
    content_type: str
    original_name: str
    size: int
    sha256: str
    uploaded_at: dt.datetime


def with_details(apps: QuerySet) -> QuerySet:
    """Load what ``ApplicationOut`` shows in a fixed number of queries."""
    return apps.select_related("registration").prefetch_related("authors", "owners", "samples", "corrections")


class CorrectionOut(Schema):
    requested_on: dt.date
    request: str
    received_on: dt.date | None
    response: str


class ApplicationSummaryOut(Schema):
    id: int
    reference: str
    procedure: str = Field(description="work, or software (its form: /api/v1/software/applications/{id})")
    title: str
    category: str
    status: StatusCode
    status_label: str
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    accepted_on: dt.date | None
    deadline: dt.date | None
    deadline_provisional: bool
    registration_number: str | None = Field(None, description="登记号, once registered.")

    @staticmethod
    def resolve_status_label(app) -> str:
        return states.APPLICANT_LABELS_ZH[states.State(app.status)]

    @staticmethod
    def resolve_registration_number(app) -> str | None:
        return presentation.registration_number(app)


class ApplicationOut(ApplicationSummaryOut):
    category_note: str
    nature: str
    nature_note: str
    source_work_title: str
    source_work_author: str
    completion_date: dt.date | None
    completion_country: str
    completion_city: str
    publication: str
    first_publication_date: dt.date | None
    first_publication_country: str
    first_publication_city: str
    creation_mode: str
    acquisition: str
    derived_how: str
    rights_scope: str
    rights: list[str]
    purpose: str
    process: str
    originality: str
    offline_display: bool
    offline_display_date: dt.date | None
    offline_display_place: str
    decided_at: dt.datetime | None
    authors: list[AuthorOut]
    owners: list[OwnerOut]
    samples: list[SampleOut]
    corrections: list[CorrectionOut]

    @staticmethod
    def resolve_authors(app) -> list:
        return list(app.authors.all())

    @staticmethod
    def resolve_owners(app) -> list:
        return list(app.owners.all())

    @staticmethod
    def resolve_samples(app) -> list:
        return list(app.samples.all())

    @staticmethod
    def resolve_corrections(app) -> list:
        return list(app.corrections.all())


# --- turning pydantic's complaints into the API's {field: [message]} shape -----------------

_MESSAGES = {
    "missing": "此项必填。",
    "literal_error": "请从给定选项中选择。",
    "enum": "请从给定选项中选择。",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD。",
    "date_parsing": "日期格式应为 YYYY-MM-DD。",
    "date_type": "日期格式应为 YYYY-MM-DD。",
    "string_too_long": "内容过长（最多 {max_length} 个字符）。",
    "string_too_short": "此项不能为空。",
    "bool_parsing": "应为 true 或 false。",
    "uuid_parsing": "应为 UUID。",
    "list_type": "应为列表。",
    "string_type": "应为文字。",
    "json_invalid": "请求体不是有效的 JSON。",
}
_SOURCES = {"body", "form", "file", "query", "path", "header", "cookie"}


def field_path(loc: tuple | list) -> str:
    """ninja's error location → the API's field path: ``("body", "payload", "owners", 0,
    "id_number")`` → ``owners.0.id_number``; ``("form", "role")`` → ``role``."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        if source == "body" and len(parts) > 1:  # the view's parameter name ("payload")
            parts.pop(0)
    return ".".join(parts) or "__all__"


def field_errors(errors: list[dict]) -> dict[str, list[str]]:
    """pydantic/ninja error dicts → ``{field path: [Chinese messages]}``."""
    found: dict[str, list[str]] = {}
    for e in errors:
        path = field_path(e.get("loc", ()))
        template = _MESSAGES.get(e.get("type", ""), "格式不正确。")
        message = template.format(**(e.get("ctx") or {})) if "{" in template else template
        bucket = found.setdefault(path, [])
        if message not in bucket:
            bucket.append(message)
    return found


def invalid_request_body(errors: list[dict]) -> dict:
    """The API's 422 body for a request the schemas refuse, shaped like the services' own
    ``ValidationFailed``: ``{"detail": first message, "errors": {field: [message]}}``."""
    found = field_errors(errors)
    first_field, messages = next(iter(found.items()), ("", ["请求内容不正确。"]))
    return {"detail": f"{first_field}：{messages[0]}" if first_field else messages[0], "errors": found}
