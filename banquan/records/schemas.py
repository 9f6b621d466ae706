"""The public shape of a registration, shared by the JSON API and the verify page.

Public means: identity document numbers are masked and no owner address is given. The
builders below are the only way registration data leaves for the public, so nothing else
has to remember to mask.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Schema

from banquan.applications import choices
from banquan.applications.idnumbers import mask
from banquan.records.models import Registration, RightsStatus


class OwnerOut(Schema):
    name: str
    kind: str
    kind_label: str
    id_type: str
    id_type_label: str
    id_number_masked: str
    nationality: str


class CertificateOut(Schema):
    version: int
    issued_at: dt.datetime
    key_id: str
    signature: str
    verify_url: str
    pdf_url: str


class SoftwareFactsOut(Schema):
    """Facts of a computer-software registration (null for works)."""

    certificate_number: str
    version: str
    short_name: str
    classification: str
    nature: str
    development_mode: str
    acquisition: str
    rights: str


class RegistrationOut(Schema):
    number: str
    title: str
    category: str
    category_label: str
    authors: list[str]
    owners: list[OwnerOut]
    completion_date: dt.date | None
    first_publication_date: dt.date | None
    registered_on: dt.date
    office: str
    rights_status: str
    rights_status_label: str
    status_changed_at: dt.datetime | None
    superseded_by: str | None
    page_url: str
    certificate: CertificateOut | None
    # Whether the checked signature (``?s=`` if given, else the current certificate's) is
    # the office's signature of a certificate of this registration, and of which version.
    signature_valid: bool
    signature_version: int | None
    # ISO 24138 International Standard Content Code, for matching across registries; null
    # until computed (a background job right after registration).
    iscc: str | None
    software: SoftwareFactsOut | None = None


class RegistrationSummaryOut(Schema):
    number: str
    title: str
    category: str
    category_label: str
    owners: list[str]
    region: str
    registered_on: dt.date
    rights_status: str
    rights_status_label: str
    page_url: str


class RegionOut(Schema):
    name: str
    english: str


class RegistrationPageOut(Schema):
    total: int
    limit: int
    offset: int
    items: list[RegistrationSummaryOut]


def absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def page_url(number: str) -> str:
    return absolute(reverse("verify:detail", args=[number]))


def pdf_url(number: str) -> str:
    return absolute(reverse("verify:certificate_pdf", args=[number]))


def category_label(code: str) -> str:
    if code == "software":  # software registrations share the register with works
        return str(_("计算机软件"))
    return _label(choices.Category, code)


def _label(choice_class, value: str) -> str:
    try:
        return str(choice_class(value).label)
    except ValueError:
        return value


def public_owner(owner: dict) -> dict:
    """One owner from the registered facts, with the ID number masked and no address."""
    return {
        "name": owner["name"],
        "kind": owner.get("kind", ""),
        "kind_label": _label(choices.OwnerKind, owner.get("kind", "")),
        "id_type": owner.get("id_type", ""),
        "id_type_label": _label(choices.IdType, owner.get("id_type", "")),
        "id_number_masked": mask(owner.get("id_number", "")),
        "nationality": owner.get("nationality", ""),
    }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def registration_summary(reg: Registration) -> dict:
    """A search result row."""
    return {
        "number": reg.number,
        "title": reg.title,
        "category": reg.category,
        "category_label": category_label(reg.category),
        "owners": [o["name"] for o in reg.data.get("owners", [])],
        "region": reg.region,
        "registered_on": reg.registered_on,
        "rights_status": reg.rights_status,
        "rights_status_label": str(RightsStatus(reg.rights_status).label),
        "page_url": page_url(reg.number),
    }


def registration_detail(reg: Registration, signature: str | None = None) -> dict:
    """Everything the public may see about ``reg``, with the signature check: of
    ``signature`` (from a QR code) if given, else of the current certificate."""
    from banquan.certificates import services as certificates

    d = reg.data
    cert = certificates.current(reg)
    check = certificates.check_signature(reg, signature)
    return {
        **registration_summary(reg),
        "authors": [a["display"] for a in d.get("authors", [])],
        "owners": [public_owner(o) for o in d.get("owners", [])],
        "completion_date": _date(d.get("completion_date")),
        "first_publication_date": _date(d.get("first_publication_date")),
        "office": cert.payload.get("office", settings.BANQUAN_OFFICE_NAME) if cert else settings.BANQUAN_OFFICE_NAME,
        "status_changed_at": reg.status_changed_at,
        "superseded_by": reg.superseded_by.number if reg.superseded_by else None,
        "certificate": {
            "version": cert.version,
            "issued_at": cert.issued_at,
            "key_id": cert.key_id,
            "signature": cert.signature,
            "verify_url": cert.verify_url,
            "pdf_url": pdf_url(reg.number),
        } if cert else None,
        "signature_valid": check.valid,
        "signature_version": check.version,
        "signature_check": check,
        "iscc": _iscc(reg),
        "software": _software(d),
    }


def _software(data: dict) -> dict | None:
    """The registered facts only software registrations have (certificate number, version…)."""
    sw = data.get("software")
    if sw is None:
        return None
    keys = ("certificate_number", "version", "short_name", "classification", "nature", "development_mode",
            "acquisition", "rights")
    return {k: sw.get(k, "") for k in keys}


def _iscc(reg: Registration) -> str | None:
    from banquan.similarity.models import ContentCode  # similarity depends on records

    return ContentCode.objects.filter(registration=reg).values_list("iscc", flat=True).first()

