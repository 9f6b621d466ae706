"""What a software registration records (登记): its numbers and the registered facts.

Numbers come from ``records.SerialCounter`` rows incremented in the registering transaction, as
for works: the registration serial per year under letter ``S`` (a letter no work category uses),
the certificate serial under (year 0, letter ``C``), one sequence across all years."""

import datetime as dt

from banquan.applications.models import Application
from banquan.software import numbering
from banquan.software.choices import Classification, DevelopmentMode, SoftwareNature, SoftwareRight

LETTER = "S"
CERTIFICATE_COUNTER = (0, "C")
CATEGORY = "software"
CATEGORY_ZH = "计算机软件"


def numbers(next_serial, today: dt.date) -> tuple[int, str, str]:
    """(serial, registration number, certificate number); ``next_serial(year, letter)`` is
    ``records.services.next_serial``."""
    serial = next_serial(today.year, LETTER)
    certificate = next_serial(*CERTIFICATE_COUNTER)
    return serial, numbering.registration_number(today.year, serial), numbering.certificate_number(certificate)


def rights_text(app: Application) -> str:
    if app.rights_scope != "partial":
        return "全部权利"
    return "、".join(str(SoftwareRight(r).label) for r in app.rights if r in SoftwareRight.values)


def acquisition_text(app: Application) -> str:
    if app.acquisition == "derived":
        how = {"transfer": "受让", "succession": "承受", "inheritance": "继承"}.get(app.derived_how, "")
        return f"继受取得（{how}）" if how else "继受取得"
    return "原始取得"


def snapshot(app: Application, certificate_number: str) -> dict:
    """The registered facts of a software application, as the certificate and public page show."""
    sw = app.software
    return {
        "title": app.title,
        "category": CATEGORY,
        "category_zh": CATEGORY_ZH,
        "software": {
            "version": sw.version, "short_name": sw.short_name,
            "classification": str(Classification(sw.classification).label) if sw.classification else "",
            "nature": str(SoftwareNature(sw.nature).label) if sw.nature else "",
            "development_mode": str(DevelopmentMode(sw.development_mode).label) if sw.development_mode else "",
            "earlier_number": sw.earlier_number, "languages": sw.languages, "source_lines": sw.source_lines,
            "acquisition": acquisition_text(app), "rights": rights_text(app),
            "certificate_number": certificate_number,
        },
        "authors": [],
        "owners": [{"name": o.name, "kind": o.kind, "id_type": o.id_type, "id_number": o.id_number,
                    "nationality": o.nationality, "province": o.province, "city": o.city,
                    "display": o.display(), "park": sw.owner_parks.get(str(i), "")}
                   for i, o in enumerate(app.owners.all())],
        "nature": sw.nature,
        "creation_mode": sw.development_mode,
        "completion_date": app.completion_date.isoformat() if app.completion_date else None,
        "first_publication_date": app.first_publication_date.isoformat() if app.first_publication_date else None,
        "application": app.reference,
    }
