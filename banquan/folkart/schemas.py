"""API schemas of the folk-art platform."""

import datetime as dt
from typing import TYPE_CHECKING, Literal, TypeAlias

from ninja import Schema
from pydantic import Field

from banquan.folkart import categories, geo
from banquan.folkart.models import FolkItem, Media, PolicyArticle, ServiceStation

if TYPE_CHECKING:  # type checkers see plain strings; pydantic sees the closed lists
    CategoryCode: TypeAlias = str
    LevelCode: TypeAlias = str
else:
    CategoryCode = Literal[tuple(c.code for c in categories.CATEGORIES)]
    LevelCode = Literal[tuple(code for code, _zh in categories.INHERITOR_LEVELS)]


class InheritorIn(Schema):
    name: str = Field(max_length=100)
    level: LevelCode = "none"
    generation: int | None = Field(default=None, ge=1, le=99)


class ItemIn(Schema):
    name: str = Field(max_length=200)
    category: CategoryCode
    province: str = Field(max_length=32)
    city: str = Field(default="", max_length=32)
    district: str = Field(default="", max_length=32)
    community: str = Field(default="", max_length=200)
    filer_name: str = Field(default="", max_length=200)
    description: str = Field(max_length=10_000)
    history: str = Field(default="", max_length=10_000)
    inheritors: list[InheritorIn] = Field(default_factory=list, max_length=20)

    def values(self) -> dict:
        return self.model_dump(exclude={"inheritors"})


class InheritorOut(Schema):
    name: str
    level: str
    generation: int | None


class MediaOut(Schema):
    id: int
    media_type: str
    content_type: str
    original_name: str
    caption: str
    size: int
    url: str

    @staticmethod
    def of(m: Media) -> "MediaOut":
        return MediaOut(id=m.pk, media_type=m.media_type, content_type=m.content_type, original_name=m.original_name,
                        caption=m.caption, size=m.size, url=f"/folkart/media/{m.uuid}")


class LibraryItemOut(Schema):
    id: int
    name: str
    category: str
    category_zh: str
    province: str
    city: str
    district: str
    community: str
    description: str
    history: str
    inheritors: list[InheritorOut]
    media: list[MediaOut]

    @classmethod
    def fields_of(cls, item: FolkItem) -> dict:
        return dict(id=item.pk, name=item.name, category=item.category, category_zh=item.category_zh,
                    province=item.province, city=item.city, district=item.district, community=item.community,
                    description=item.description, history=item.history,
                    inheritors=[InheritorOut(name=i.name, level=i.level, generation=i.generation)
                                for i in item.inheritors.all()],
                    media=[MediaOut.of(m) for m in item.media.all()])

    @classmethod
    def of(cls, item: FolkItem) -> "LibraryItemOut":
        return cls(**cls.fields_of(item))


class PreregOut(LibraryItemOut):
    number: str | None
    status: str
    filer_name: str
    filed_at: dt.datetime | None
    decision_reason: str
    application: str | None = Field(description="reference of the formal application it became, if any")
    application_id: int | None

    @classmethod
    def of(cls, item: FolkItem) -> "PreregOut":
        app = item.application
        return cls(**cls.fields_of(item), number=item.number, status=item.status, filer_name=item.filer_name,
                   filed_at=item.filed_at, decision_reason=item.decision_reason,
                   application=app.reference if app else None, application_id=app.pk if app else None)


class DecisionIn(Schema):
    decision: Literal["accept", "return", "reject"]
    reason: str = Field(default="", max_length=5000)


class ConvertedOut(Schema):
    application_id: int
    reference: str


class StationOut(Schema):
    id: int
    name: str
    address: str
    phone: str
    hours: str
    latitude: float
    longitude: float
    services: list[str]
    map_url: str

    @staticmethod
    def of(s: ServiceStation) -> "StationOut":
        lat, lon = float(s.latitude), float(s.longitude)
        return StationOut(id=s.pk, name=s.name, address=s.address, phone=s.phone, hours=s.hours, latitude=lat,
                          longitude=lon, services=s.service_list(), map_url=geo.external_map_url(lat, lon))


class PolicySummaryOut(Schema):
    id: int
    kind: str
    title: str
    source: str
    published_on: dt.date

    @classmethod
    def of(cls, a: PolicyArticle) -> "PolicySummaryOut":
        return cls(id=a.pk, kind=a.kind, title=a.title, source=a.source, published_on=a.published_on)  # type: ignore[arg-type]


class PolicyOut(PolicySummaryOut):
    body: str
    paragraphs: list[str]

    @classmethod
    def of(cls, a: PolicyArticle) -> "PolicyOut":
        return cls(id=a.pk, kind=a.kind, title=a.title, source=a.source, published_on=a.published_on,  # type: ignore[arg-type]
                   body=a.body, paragraphs=a.paragraphs())
