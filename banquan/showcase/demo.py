"""The demo's showcase: a few registered works with image samples, shown with their owner's
consent, made through the services (the owner consents, the registrar features)."""

from banquan.accounts.models import User
from banquan.records.models import Registration
from banquan.showcase import queries, rules, services

SHOWN = 3


def blurb(reg: Registration) -> str:
    authors = "、".join(a["name"] for a in reg.data.get("authors", []))
    return rules.clean_blurb(f"《{reg.title}》，{authors or '作者'}创作，{reg.registered_on:%Y} 年登记。"
                             "经著作权人同意展示。")


def load_demo(*, registrar: User) -> list[Registration]:
    """Feature the first few valid works that have an image sample; returns them."""
    chosen: list[Registration] = []
    candidates = (Registration.objects.exclude(rights_status__in=rules.HIDDEN_STATUSES)
                  .select_related("application__applicant").order_by("registered_at", "id"))
    for reg in candidates:
        images = list(queries.image_samples(reg).values_list("pk", flat=True))
        if not images:
            continue
        services.give_consent(applicant=reg.application.applicant, number=reg.number)
        services.feature(by=registrar, number=reg.number, blurb=blurb(reg), sample_ids=images[:rules.MAX_IMAGES],
                         position=10 * (len(chosen) + 1), published=True)
        chosen.append(reg)
        if len(chosen) == SHOWN:
            break
    return chosen
