"""Registrations for the statistics tests, made through the real services with owners in a
chosen region, and the tallies read back as plain dicts."""

import datetime as dt
import io

from banquan.applications import services as applications
from banquan.review import services as review
from banquan.stats.models import DecisionTally, Tally
from banquan.testing import factories

PLACES = {
    "北京": {"nationality": "中国", "province": "北京市", "id_type": "resident_id", "id_number": factories.VALID_ID},
    "广东": {"nationality": "中国", "province": "广东省", "id_type": "resident_id", "id_number": factories.VALID_ID},
    "香港": {"nationality": "中国香港", "province": "", "id_type": "hk_macao", "id_number": "H12345678"},
    "法国": {"nationality": "法国", "province": "", "id_type": "passport", "id_number": "FR1234567"},
}


def owner(place: str) -> dict:
    return {"kind": "person", "name": "张三", "city": "", "address": "某路 1 号", **PLACES[place]}


def accepted(applicant, reviewer, *, place: str = "北京", **fields):
    # Made and published in 2025, so the tests may date their registrations early in 2026.
    fields = {"completion_date": dt.date(2025, 3, 1), "first_publication_date": dt.date(2025, 5, 1), **fields}
    app = applications.create_draft(applicant=applicant, fields=factories.complete_fields(**fields),
                                    authors=factories.authors(), owners=[owner(place)])
    data = factories.png_bytes()
    applications.add_sample(applicant=applicant, app_id=app.pk, name="sample.png", file=io.BytesIO(data),
                            size=len(data))
    applications.submit(applicant=applicant, app_id=app.pk)
    review.accept(reviewer=reviewer, app_id=app.pk)
    return review.start_review(reviewer=reviewer, app_id=app.pk)


def registered(applicant, reviewer, *, place: str = "北京", **fields):
    app = accepted(applicant, reviewer, place=place, **fields)
    return review.approve(reviewer=reviewer, app_id=app.pk, reason="材料齐全，符合登记条件。")


def tallies() -> dict[tuple, tuple[int, int]]:
    return {(t.metric, t.year, t.month, t.category, t.region, t.detail): (t.count, t.amount_cents)
            for t in Tally.objects.all()}


def decisions() -> dict[tuple, int]:
    return {(d.year, d.month, d.procedure, d.category, d.outcome, d.days, d.within): d.count
            for d in DecisionTally.objects.all()}
