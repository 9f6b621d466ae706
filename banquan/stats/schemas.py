"""The statistics API's response schemas (``GET /api/v1/stats``)."""

from ninja import Schema


class FiltersOut(Schema):
    year: int | None
    category: str | None
    region: str | None


class CategoryRow(Schema):
    code: str
    name_zh: str
    name_en: str
    count: int
    share: float | None  # of all works registered in the period (0.84 = 84 %)
    revoked: int  # revocations in the period (counted when revoked, not when registered)


class Categories(Schema):
    total: int
    revoked: int
    rows: list[CategoryRow]


class RegionRow(Schema):
    name_zh: str
    name_en: str
    kind: str  # domestic, hmt (Hong Kong, Macao, Taiwan) or foreign
    count: int
    share: float | None


class Regions(Schema):
    total: int
    domestic: int
    hmt: int
    foreign: int
    countries: int  # foreign countries with at least one registration
    rows: list[RegionRow]


class MonthRow(Schema):
    year: int
    month: int
    count: int
    previous: int | None  # the same month a year earlier
    growth: float | None


class YearRow(Schema):
    year: int
    count: int
    growth: float | None
    revoked: int


class SoftwareYear(Schema):
    year: int
    count: int
    growth: float | None


class Software(Schema):
    total: int
    years: list[SoftwareYear]


class PledgeRow(Schema):
    currency: str
    registered: int
    registered_principal: str  # decimal, two places
    released: int
    released_principal: str
    outstanding: int  # registered and not released, now (whatever the year filter)
    outstanding_principal: str


class Seizures(Schema):
    effective: int
    queued: int
    released: int
    released_queued: int
    expired: int
    in_force: int  # now (whatever the year filter)


class ProcessingRow(Schema):
    procedure: str
    name_zh: str
    name_en: str
    decided: int
    registered: int
    rejected: int
    median_days: int | None  # working days on the review clock, acceptance to decision
    p90_days: int | None
    within_limit: int
    within_share: float | None
    limit_days: int


class StatsOut(Schema):
    filters: FiltersOut
    years: list[int]
    categories: Categories
    regions: Regions
    months: list[MonthRow]
    by_year: list[YearRow]
    software: Software
    pledges: list[PledgeRow]
    seizures: Seizures
    processing: list[ProcessingRow]
