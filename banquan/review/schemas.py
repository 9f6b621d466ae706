"""Bodies of the reviewer's JSON API. Applications themselves are shown with the
applicant API's ``ApplicationOut`` (reviewers see the same facts, ID numbers in full)."""

import datetime as dt
from typing import TYPE_CHECKING, Literal, TypeAlias

from ninja import Schema
from pydantic import Field

from banquan.applications import states
from banquan.applications.schemas import ApplicationOut
from banquan.review import queue, services

if TYPE_CHECKING:
    DecisionCode: TypeAlias = str
    SpecialDecisionCode: TypeAlias = str
    QueueStatusCode: TypeAlias = str
else:
    DecisionCode = Literal[states.DECISIONS]
    SpecialDecisionCode = Literal[states.SPECIAL_DECISIONS]
    QueueStatusCode = Literal[tuple(sorted(queue.QUEUE_STATES))]


class DecisionIn(Schema):
    decision: DecisionCode = Field(description="approve (审查通过; for an application that needs special review, "
                                               "the first approval: it goes to special_review), "
                                               "request_correction (要求补正) or reject (不予登记)")
    reason: str = Field(description="Required: goes into the record and to the applicant.")


class SpecialReviewIn(Schema):
    reason: str = Field(description="Required: why the application needs special review (送专项复审).")


class SpecialDecisionIn(Schema):
    decision: SpecialDecisionCode = Field(
        description="The special review group's second decision: special_approve (专项复审通过: registers), "
                    "special_return (专项复审退回: back to the first reviewer, in_review) or "
                    "special_reject (专项复审不予登记)")
    reason: str = Field(description="Required: goes into the record.")


class ReviewApplicationOut(ApplicationOut):
    """An application as the office sees it: the applicant's view plus special review."""

    special_review_required: bool = Field(description="Its approval needs a second one by the special review group.")
    special_review_reasons: list[str]
    first_approved_by: str | None = Field(None, description="Who gave the first approval (while in special review).")
    first_approved_at: dt.datetime | None

    @staticmethod
    def resolve_status_label(app) -> str:
        return states.LABELS_ZH[states.State(app.status)]

    @staticmethod
    def resolve_special_review_reasons(app) -> list[str]:
        return services.special_review_reasons(app)

    @staticmethod
    def resolve_first_approved_by(app) -> str | None:
        return str(app.first_approved_by) if app.first_approved_by_id else None


class QueueItemOut(Schema):
    id: int
    reference: str
    title: str
    category: str
    category_label: str
    applicant: str
    status: str
    status_label: str
    submitted_at: dt.datetime | None
    accepted_on: dt.date | None
    deadline: dt.date | None
    deadline_provisional: bool
    assigned_to: str | None
    badges: list[str] = Field(description="overdue, due-soon and/or provisional")
    special_review_required: bool = Field(description="Its approval needs a second one by the special review group.")

    @staticmethod
    def from_row(row: queue.Row) -> "QueueItemOut":
        app = row.app
        return QueueItemOut(
            id=app.pk, reference=app.reference, title=app.title, category=app.category,
            category_label=str(app.get_category_display()), applicant=str(app.applicant),
            status=app.status, status_label=row.status_label, submitted_at=app.submitted_at,
            accepted_on=app.accepted_on, deadline=app.deadline, deadline_provisional=app.deadline_provisional,
            assigned_to=str(app.assigned_to) if app.assigned_to else None, badges=row.badges,
            special_review_required=row.special_review,
        )
