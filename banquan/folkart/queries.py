"""Read-side queries of the public pages and API: the library of accepted items, published
policies and the stations shown."""

from django.db.models import Q, QuerySet

from banquan.core import clock
from banquan.folkart import states
from banquan.folkart.models import FolkItem, PolicyArticle, ServiceStation

PAGE = 20


def library(*, q: str = "", category: str = "", region: str = "") -> QuerySet[FolkItem]:
    """Accepted items only, filtered by category, region (province, city or district) and a
    search over name, community, description and inheritors' names."""
    qs = FolkItem.objects.filter(status=states.ACCEPTED)
    if category:
        qs = qs.filter(category=category)
    if region:
        qs = qs.filter(Q(district=region) | Q(city=region) | Q(province=region))
    for word in q.split()[:5]:
        qs = qs.filter(Q(name__icontains=word) | Q(community__icontains=word) | Q(description__icontains=word)
                       | Q(history__icontains=word) | Q(inheritors__name__icontains=word))
    return qs.distinct().prefetch_related("inheritors").order_by("name", "id")


def regions() -> list[str]:
    """The districts (else cities) that accepted items come from, for the region filter."""
    rows = FolkItem.objects.filter(status=states.ACCEPTED).values_list("district", "city").distinct()
    return sorted({d or c for d, c in rows if d or c})


def published_policies() -> QuerySet[PolicyArticle]:
    return PolicyArticle.objects.filter(published_on__isnull=False, published_on__lte=clock.today())


def stations() -> QuerySet[ServiceStation]:
    return ServiceStation.objects.filter(active=True)
