"""The pledge registration certificate (著作权质权登记证书): the signed facts of a registered
pledge and its PDF. Nothing is stored: the PDF is drawn, and the facts signed, on each download;
the same facts give the same signature (Ed25519 is deterministic) and the same bytes.

The facts are signed in the canonical form of work certificates
(``banquan.certificates.signing.canonical_payload``), with ``"kind": "pledge"`` so a pledge's
signature can never pass for a work certificate's or the other way round."""

import datetime as dt
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from banquan.certificates import keyring, signing
from banquan.core.errors import DomainError
from banquan.rights.certificate_document import PledgeCertificateData, principal_text, term_text
from banquan.rights.models import Pledge

KIND = "pledge"


def payload_for(pledge: Pledge) -> dict[str, Any]:
    """The facts the certificate attests, as JSON values, in the form that is signed."""
    if not pledge.number or pledge.registered_at is None:
        raise DomainError(_("质权尚未登记，没有质权登记证书。"))
    works = pledge.works.order_by("number").values_list("number", "title")
    return {
        "kind": KIND,
        "number": pledge.number,
        "pledgor": pledge.pledgor_name,
        "pledgee": pledge.pledgee,
        "works": [[number, title] for number, title in works],
        "principal": f"{pledge.principal:.2f}",
        "currency": pledge.currency,
        "term_start": pledge.term_start.isoformat(),
        "term_end": pledge.term_end.isoformat(),
        "registration_date": timezone.localdate(pledge.registered_at).isoformat(),
        "office": settings.BANQUAN_OFFICE_NAME,
    }


def issue(pledge: Pledge) -> tuple[dict[str, Any], str]:
    """The payload and its signature with the current office key."""
    payload = payload_for(pledge)
    return payload, signing.sign(signing.canonical_payload(payload))


def verify_url(pledge: Pledge, signature: str) -> str:
    return f"{settings.BASE_URL}/rights/pledges/verify/{quote(pledge.number or '')}?s={signature}"


def signature_valid(pledge: Pledge, signature: str) -> bool:
    """Does ``signature`` sign the pledge's current facts, with the current office key or a
    retired one (certificates downloaded before a key rotation)? Never raises."""
    if not signature or not pledge.number or pledge.registered_at is None:
        return False
    message = signing.canonical_payload(payload_for(pledge))
    if signing.verify(message, signature):
        return True
    for key_id in keyring.retired_ids():
        key = keyring.public_key_for(key_id)
        if key is not None and signing.verify(message, signature, public_key=key):
            return True
    return False


def data_for(pledge: Pledge) -> PledgeCertificateData:
    """What the certificate prints: the current facts, signed now."""
    payload, signature = issue(pledge)
    return PledgeCertificateData(
        number=payload["number"],
        pledgor=payload["pledgor"],
        pledgee=payload["pledgee"],
        works=[(number, title) for number, title in payload["works"]],
        principal=principal_text(Decimal(payload["principal"]), payload["currency"]),
        term=term_text(dt.date.fromisoformat(payload["term_start"]), dt.date.fromisoformat(payload["term_end"])),
        registration_date=dt.date.fromisoformat(payload["registration_date"]),
        office_name=payload["office"],
        verify_url=verify_url(pledge, signature),
        key_id=signing.key_id(),
        signature=signature,
    )


def render(pledge: Pledge) -> bytes:
    """The certificate PDF of a registered pledge, signed over its current facts."""
    from banquan.rights.certificate_pdf import render_pledge_certificate

    return render_pledge_certificate(data_for(pledge))
