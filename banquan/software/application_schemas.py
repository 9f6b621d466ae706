"""Request and response bodies of the software application API. Lengths, names and versions
are checked by ``software.form`` (the same rules as the web form), so the messages match."""

import datetime as dt
import uuid
from typing import Any, Literal

from ninja import Schema

from banquan.applications.schemas import OwnerIn
from banquan.software import choices as c


def _one_of(choices) -> Any:
    return Literal[tuple(choices.values) + ("",)]


class SoftwareFields(Schema):
    """Every field may be left out while the application is a draft."""

    title: str | None = None
    short_name: str | None = None
    version: str | None = None
    classification: _one_of(c.Classification) | None = None  # type: ignore[valid-type]
    nature: _one_of(c.SoftwareNature) | None = None  # type: ignore[valid-type]
    modification_note: str | None = None
    earlier_number: str | None = None
    completion_date: dt.date | None = None
    publication: Literal["published", "unpublished", ""] | None = None
    first_publication_date: dt.date | None = None
    first_publication_country: str | None = None
    first_publication_city: str | None = None
    development_mode: _one_of(c.DevelopmentMode) | None = None  # type: ignore[valid-type]
    acquisition: Literal["original", "derived", ""] | None = None
    derived_how: Literal["transfer", "succession", "inheritance", ""] | None = None
    rights_scope: Literal["all", "partial", ""] | None = None
    rights: list[_one_of(c.SoftwareRight)] | None = None  # type: ignore[valid-type]
    dev_hardware: str | None = None
    run_hardware: str | None = None
    dev_os: str | None = None
    dev_tools: str | None = None
    run_platform: str | None = None
    support_software: str | None = None
    languages: list[str] | None = None
    source_lines: int | None = None
    dev_purpose: str | None = None
    domain: str | None = None
    main_functions: str | None = None
    tech_features: str | None = None
    feature_tags: list[_one_of(c.FeatureTag)] | None = None  # type: ignore[valid-type]
    deposit_mode: _one_of(c.DepositMode) | None = None  # type: ignore[valid-type]

    def model_values(self) -> dict[str, Any]:
        """The fields that were sent, stripped, ready for ``software.services``."""
        values = {}
        for name in self.model_fields_set - {"owners", "client_token"}:
            value = getattr(self, name)
            values[name] = value.strip() if isinstance(value, str) else value
        return values


class SoftwareOwnerIn(OwnerIn):
    park: str = ""


class SoftwareIn(SoftwareFields):
    owners: list[SoftwareOwnerIn] = []
    client_token: uuid.UUID | None = None


class SoftwarePatch(SoftwareFields):
    owners: list[SoftwareOwnerIn] | None = None


class MaterialOut(Schema):
    kind: str
    built: bool
    source_name: str
    status: str
    error: str
    pages: int | None
    problems: list[dict]
    left_out: list[dict]
    pdf_url: str | None


class SoftwareApplicationOut(Schema):
    id: int
    reference: str
    status: str
    fields: dict
    owners: list[dict]
    materials: list[MaterialOut]
    problems: dict[str, list[str]]  # what submission still needs (empty when complete)
    registration_number: str | None
