"""Issuing certificates: the signed facts now, the PDF as a background job."""

import hashlib
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db import transaction

from banquan.accounts.models import User
from banquan.certificates import keyring, signing
from banquan.certificates.models import Certificate
from banquan.core import clock
from banquan.core.storage import store
from banquan.ledger import services as ledger
from banquan.records.models import Registration


def payload_for(reg: Registration, version: int) -> dict:
    """The facts a certificate attests, in the form that is signed."""
    d = reg.data
    if "software" in d:  # a computer-software certificate (计算机软件著作权登记证书)
        sw = d["software"]
        return {
            "number": reg.number,
            "certificate_number": sw["certificate_number"],
            "version": version,
            "title": d["title"],
            "software_version": sw["version"],
            "category": d["category_zh"],
            "owners": [o["display"] for o in d["owners"]],
            "completion_date": d["completion_date"],
            "first_publication_date": d["first_publication_date"],
            "acquisition": sw["acquisition"],
            "rights": sw["rights"],
            "registration_date": reg.registered_on.isoformat(),
            "office": settings.BANQUAN_OFFICE_NAME,
        }
    return {
        "number": reg.number,
        "version": version,
        "title": d["title"],
        "category": d["category_zh"],
        "authors": [a["display"] for a in d["authors"]],
        "owners": [o["display"] for o in d["owners"]],
        "completion_date": d["completion_date"],
        "first_publication_date": d["first_publication_date"],
        "registration_date": reg.registered_on.isoformat(),
        "office": settings.BANQUAN_OFFICE_NAME,
    }


def verify_url(number: str, signature: str) -> str:
    return f"{settings.BASE_URL}/verify/{quote(number)}?s={signature}"


@transaction.atomic
def issue(*, registration: Registration, by: User | None) -> Certificate:
    """Sign a new certificate version for ``registration``; its PDF follows after commit."""
    from banquan.certificates import tasks

    last = registration.certificates.order_by("-version").first()
    version = (last.version + 1) if last else 1
    payload = payload_for(registration, version)
    signature = signing.sign(signing.canonical_payload(payload))
    cert = Certificate.objects.create(
        registration=registration, version=version, issued_at=clock.now(), payload=payload,
        signature=signature, key_id=signing.key_id(), verify_url=verify_url(registration.number, signature),
    )
    ledger.record(actor=by, subject=registration.subject, action="issue_certificate",
                  data={"version": version, "key_id": cert.key_id})
    transaction.on_commit(lambda: tasks.render_certificate_pdf(cert.pk))
    return cert


def current(registration: Registration) -> Certificate | None:
    return registration.certificates.order_by("-version").first()


def signature_valid(cert: Certificate, signature: str | None = None) -> bool:
    """Does ``signature`` (default: the stored one) sign this certificate's facts, with the
    key the certificate names (current or retired)?"""
    key = keyring.public_key_for(cert.key_id)
    return key is not None and signing.verify(signing.canonical_payload(cert.payload),
                                              signature or cert.signature, public_key=key)


def ensure_pdf(cert: Certificate) -> bytes:
    """Return the certificate PDF, rendering and storing it first if the job has not yet."""
    if cert.pdf_key and store().exists(cert.pdf_key):
        return store().read(cert.pdf_key)
    pdf = render(cert)
    key = f"certificates/{cert.registration.number}/v{cert.version}.pdf"
    store().put(key, pdf)
    Certificate.objects.filter(pk=cert.pk).update(pdf_key=key, pdf_sha256=hashlib.sha256(pdf).hexdigest())
    cert.pdf_key = key
    return pdf


def render(cert: Certificate) -> bytes:
    import datetime as dt

    from banquan.certificates.document import CertificateData
    from banquan.certificates.pdf import render_certificate

    p = cert.payload
    if "certificate_number" in p:
        return _render_software(cert)
    return render_certificate(CertificateData(
        number=p["number"], title=p["title"], category=p["category"], authors=p["authors"],
        owners=p["owners"], completion_date=dt.date.fromisoformat(p["completion_date"]),
        first_publication_date=dt.date.fromisoformat(p["first_publication_date"])
        if p["first_publication_date"] else None,
        registration_date=dt.date.fromisoformat(p["registration_date"]), office_name=p["office"],
        verify_url=cert.verify_url, version=cert.version, key_id=cert.key_id, signature=cert.signature,
    ))


def _render_software(cert: Certificate) -> bytes:
    import datetime as dt

    from banquan.certificates.software_document import SoftwareCertificateData
    from banquan.certificates.software_pdf import render_software_certificate

    p = cert.payload
    published = p["first_publication_date"]
    return render_software_certificate(SoftwareCertificateData(
        certificate_number=p["certificate_number"], number=p["number"], software_name=p["title"],
        software_version=p["software_version"], owners=p["owners"],
        completion_date=dt.date.fromisoformat(p["completion_date"]),
        first_publication_date=dt.date.fromisoformat(published) if published else None,
        acquisition=p["acquisition"], rights_scope=p["rights"],
        registration_date=dt.date.fromisoformat(p["registration_date"]), office_name=p["office"],
        verify_url=cert.verify_url, version=cert.version, key_id=cert.key_id, signature=cert.signature,
    ))


@dataclass(frozen=True)
class SignatureCheck:
    """The outcome of checking a certificate signature for the public verify page and API."""

    valid: bool
    version: int | None  # the certificate version the signature signs, if valid
    current_version: int | None  # the newest version of the registration's certificate
    from_link: bool  # a signature given in the link (QR code), not the stored one

    @property
    def outdated(self) -> bool:
        """Valid, but for a version a newer certificate has replaced."""
        return self.valid and self.version != self.current_version


def check_signature(registration: Registration, signature: str | None = None) -> SignatureCheck:
    """Check ``signature`` (from a QR code) against every certificate version of
    ``registration``, or, without one, the current certificate's own signature. Each check
    verifies the signature over the stored facts, so an edited payload fails too."""
    certs = list(registration.certificates.order_by("-version"))
    current_version = certs[0].version if certs else None
    if not signature:
        if not certs:
            return SignatureCheck(False, None, None, from_link=False)
        return SignatureCheck(signature_valid(certs[0]), current_version, current_version, from_link=False)
    # The version whose stored signature equals the link's is the likely one: try it first.
    for cert in sorted(certs, key=lambda c: c.signature != signature):
        if signature_valid(cert, signature):
            return SignatureCheck(True, cert.version, current_version, from_link=True)
    return SignatureCheck(False, None, current_version, from_link=True)
