"""Showcase API (``/api/v1/showcase``): the featured works, public; owners' consent, signed in."""

from ninja import Query, Router

from banquan.applications import categories
from banquan.applications.api import current_user
from banquan.core.errors import NotFound, ValidationFailed
from banquan.records.search import MAX_LIMIT
from banquan.showcase import queries, schemas, services

router = Router(tags=["showcase"])


@router.get("", auth=None, response=schemas.FeaturePageOut, summary="Featured works")
def list_features(request, category: str | None = None, limit: int = Query(12, ge=1, le=MAX_LIMIT),
                  offset: int = Query(0, ge=0)):
    """The works on show, in the office's order; ``category`` is a category code (``fine_art``)."""
    if category and category not in categories.BY_CODE and category != "software":
        raise ValidationFailed({"category": ["未知的作品类别。"]})
    features = queries.listing(category)
    return {"total": features.count(), "limit": limit, "offset": offset,
            "items": [schemas.feature_out(f) for f in features[offset : offset + limit]]}


@router.get("/{number}", auth=None, response=schemas.FeatureOut, summary="One featured work")
def get_feature(request, number: str):
    item = queries.shown(number)
    if item is None:
        raise NotFound("该作品不在精选中。")
    return schemas.feature_out(item)


@router.put("/consents/{number}", response=schemas.ConsentOut, summary="Consent to be shown")
def give_consent(request, number: str):
    """The applicant who owns registration ``number`` agrees that the office may feature it."""
    return _consent_out(number, services.give_consent(applicant=current_user(request), number=number))


@router.delete("/consents/{number}", response=schemas.ConsentOut, summary="Withdraw consent")
def withdraw_consent(request, number: str):
    """Withdraw consent: the work leaves the showcase at once."""
    return _consent_out(number, services.withdraw_consent(applicant=current_user(request), number=number))


def _consent_out(number: str, consent) -> dict:
    return {"number": number, "consented": consent.active, "given_at": consent.given_at,
            "withdrawn_at": consent.withdrawn_at}
