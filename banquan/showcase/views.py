"""Showcase pages: the public list and detail (精选作品), the chosen images, the owners' consent
page and the registrars' curation pages. Rules are in ``services``; refusals are shown on the
page they concern."""


from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from banquan.accounts.models import Role
from banquan.applications import categories, thumbnails
from banquan.core.errors import DomainError
from banquan.core.http import only
from banquan.core.storage import store
from banquan.records.models import Registration
from banquan.records.schemas import category_label
from banquan.showcase import queries, rules, services
from banquan.showcase.forms import FeatureForm
from banquan.showcase.models import Consent, Feature


def is_applicant(user) -> bool:
    return user.role == Role.APPLICANT


def is_curator(user) -> bool:
    return user.is_active and user.is_staff and user.is_registrar


# --- public ----------------------------------------------------------------------------


@require_safe
def index(request):
    category = request.GET.get("category") or None
    status = 200
    if category and category not in categories.BY_CODE and category != "software":
        category, status = None, 422
        messages.error(request, _("未知的作品类别。"))
    page = Paginator(queries.listing(category), rules.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "showcase/index.html", {
        "page": page, "category": category, "categories": categories.CATEGORIES,
        "category_label": category_label(category) if category else "",
    }, status=status)


@require_safe
@cache_control(no_cache=True)  # a withdrawal or revocation must show at once
def detail(request, number: str):
    item = queries.shown(number)
    if item is None:
        raise Http404(_("该作品不在精选中。"))
    return render(request, "showcase/detail.html", {"item": item, "reg": item.registration,
                                                     "category_label": category_label(item.registration.category)})


@require_safe
@cache_control(no_cache=True)
def image(request, sample_uuid):
    """A chosen image of a work on show, at thumbnail size (at most 480 px); 404 for any other
    sample, and as soon as the work leaves the showcase."""
    sample = queries.shown_sample(sample_uuid)
    key = thumbnails.ensure(sample) if sample else None
    if key is None:
        raise Http404(_("未找到该图片。"))
    response = HttpResponse(store().read(key), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- owners ----------------------------------------------------------------------------


@only(is_applicant)
@require_safe
def consents(request):
    regs = (Registration.objects.filter(application__applicant=request.user)
            .select_related("showcase_consent", "showcase_feature").order_by("-registered_at", "-id"))
    return render(request, "showcase/consents.html", {"registrations": regs, "hidden": rules.HIDDEN_STATUSES})


@only(is_applicant)
@require_POST
def consent(request):
    number = request.POST.get("number", "")
    give = request.POST.get("action") == "give"
    try:
        if give:
            services.give_consent(applicant=request.user, number=number)
            messages.success(request, _("已同意在精选作品中展示 %(number)s。") % {"number": number})
        else:
            services.withdraw_consent(applicant=request.user, number=number)
            messages.success(request, _("已撤回 %(number)s 的展示授权，该作品不再展示。") % {"number": number})
    except DomainError as e:
        messages.error(request, _(e.message))
    return redirect("showcase:consents")


# --- registrars --------------------------------------------------------------------------


@only(is_curator)
@require_safe
def curate(request):
    consented = (Consent.objects.filter(withdrawn_at__isnull=True)
                 .exclude(registration__rights_status__in=rules.HIDDEN_STATUSES)
                 .select_related("registration").order_by("-given_at"))
    features = Feature.objects.select_related("registration").order_by("position", "-id")
    featured = set(features.values_list("registration_id", flat=True))
    return render(request, "showcase/curate.html", {
        "waiting": [c for c in consented if c.registration_id not in featured],
        "features": features, "shown": set(queries.visible().values_list("pk", flat=True)),
    })


@only(is_curator)
@require_http_methods(["GET", "POST"])
def curate_work(request, number: str):
    reg = Registration.objects.filter(number=number).first()
    if reg is None:
        raise Http404(_("未找到该登记号。"))
    item = Feature.objects.filter(registration=reg).first()
    samples = list(queries.image_samples(reg))
    initial = ({"blurb": item.blurb, "position": item.position, "published": item.published,
                "samples": list(item.images.values_list("sample_id", flat=True))} if item
               else {"samples": [s.pk for s in samples[:1]]})
    form = FeatureForm(request.POST or None, initial=initial,
                       sample_choices=[(s.pk, str(s.uuid)) for s in samples])
    status = 200
    if request.method == "POST":
        if request.POST.get("action") in ("unpublish", "remove"):
            return _unpublish_or_remove(request, number)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.feature(by=request.user, number=number, blurb=data["blurb"], sample_ids=data["samples"],
                                 position=data["position"], published=data["published"])
                messages.success(request, _("已保存精选作品 %(number)s。") % {"number": number})
                return redirect("showcase:curate")
            except DomainError as e:
                form.add_error(e.field if e.field in form.fields else None, _(e.message))
        status = 422
    return render(request, "showcase/curate_work.html", {
        "reg": reg, "item": item, "form": form,
        "consented": queries.consented(reg), "max_blurb": rules.MAX_BLURB,
    }, status=status)


def _unpublish_or_remove(request, number: str):
    try:
        if request.POST["action"] == "remove":
            services.remove(by=request.user, number=number)
            messages.success(request, _("已将 %(number)s 移出精选。") % {"number": number})
        else:
            services.set_published(by=request.user, number=number, published=False)
            messages.success(request, _("已取消发布 %(number)s。") % {"number": number})
    except DomainError as e:
        messages.error(request, _(e.message))
    return redirect("showcase:curate")
