"""The public face of a work's seizures and pledges, for the QR verification page: who seized
it, by which document and since when, how many seizures wait in line; which registered pledges
stand and who holds them. No amounts, no pledgor ID numbers. Read straight from the rows
committed with the change, so the page is never behind."""

from banquan.records.models import Registration
from banquan.rights.models import Pledge, Seizure


def public_rights(reg: Registration) -> dict:
    line = list(Seizure.objects.filter(registration=reg)
                .filter(state__in=[Seizure.State.ACTIVE, Seizure.State.WAITING]).order_by("position"))
    active = next((s for s in line if s.state == Seizure.State.ACTIVE), None)
    pledges = Pledge.objects.filter(works=reg).filter(state=Pledge.State.REGISTERED).order_by("registered_at", "id")
    return {
        "seizure": {"authority": active.authority, "document_number": active.document_number,
                    "since": active.effective_at} if active else None,
        "waiting": sum(1 for s in line if s.state == Seizure.State.WAITING),
        "pledges": [{"number": p.number, "pledgee": p.pledgee, "registered_at": p.registered_at} for p in pledges],
    }
