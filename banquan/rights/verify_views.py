"""The pledge registration certificate: its PDF for the parties, and the public page its QR code
opens (the pledge's current state and whether the signature in the link signs its facts)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from banquan.core.http import only
from banquan.rights import certificates
from banquan.rights.models import Pledge
from banquan.rights.views import _pledge_user, _visible


@only(_pledge_user)
@require_GET
def certificate_pdf(request, pledge_id: int):
    pledge = _visible(request, pledge_id)
    if pledge.state not in (Pledge.State.REGISTERED, Pledge.State.RELEASED):
        raise Http404("该质权尚未登记。")
    response = HttpResponse(certificates.render(pledge), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pledge.number}.pdf"'
    return response


@require_GET
@cache_control(no_cache=True)
def verify(request, number: str):
    """Public: no amounts, no identity numbers; the state as committed now."""
    pledge = Pledge.objects.filter(number=number).prefetch_related("works").first()
    if pledge is None:
        return render(request, "rights/pledge_verify.html", {"number": number, "pledge": None}, status=404)
    signature = request.GET.get("s") or ""
    return render(request, "rights/pledge_verify.html", {
        "number": number, "pledge": pledge, "works": pledge.works.order_by("number"),
        "signature_given": bool(signature), "signature_valid": certificates.signature_valid(pledge, signature),
    })
