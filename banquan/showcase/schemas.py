"""The public shape of a featured work (JSON API)."""

import datetime as dt

from django.urls import reverse
from ninja import Schema

from banquan.records.schemas import absolute, page_url, registration_summary
from banquan.showcase.models import Feature


class FeatureOut(Schema):
    number: str
    title: str
    category: str
    category_label: str
    owners: list[str]
    registered_on: dt.date
    blurb: str
    images: list[str]
    page_url: str
    verify_url: str


class FeaturePageOut(Schema):
    total: int
    limit: int
    offset: int
    items: list[FeatureOut]


class ConsentOut(Schema):
    number: str
    consented: bool
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None


def feature_out(item: Feature) -> dict:
    reg = item.registration
    return {
        **registration_summary(reg),  # the search row's facts; the schema keeps the fields it declares
        "blurb": item.blurb,
        "images": [absolute(reverse("showcase:image", args=[i.sample.uuid])) for i in item.images.all()],
        "page_url": absolute(reverse("showcase:detail", args=[reg.number])),
        "verify_url": page_url(reg.number),
    }
