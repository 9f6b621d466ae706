"""Bodies of the reviewer's JSON API. Applications themselves are shown with the
applicant API's ``ApplicationOut`` (reviewers see the same facts, ID numbers in full)."""

import datetime as dt
from typing import TYPE_CHECKING, Literal, TypeAlias

from ninja import Schema
from pydantic import Field

from banquan.applications import states
from banquan.review import queue

if TYPE_CHECKING:
    DecisionCode: TypeAlias = str
    QueueStatusCode: TypeAlias = str
else:
    DecisionCode = Literal[states.DECISIONS]
    QueueStatusCode = Literal[tuple(sorted(queue.QUEUE_STATES))]


class DecisionIn(Schema):
    decision: DecisionCode = Field(description="approve (审查通过), request_correction (要求补正) or reject (不予登记)")
    reason: str = Field(description="Required: goes into the record and to the applicant.")


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

    @staticmethod
    def from_row(row: queue.Row) -> "QueueItemOut":
        app = row.app
        return QueueItemOut(
            id=app.pk, reference=app.reference, title=app.title, category=app.category,
            category_label=str(app.get_category_display()), applicant=str(app.applicant),
            status=app.status, status_label=row.status_label, submitted_at=app.submitted_at,
            accepted_on=app.accepted_on, deadline=app.deadline, deadline_provisional=app.deadline_provisional,
            assigned_to=str(app.assigned_to) if app.assigned_to else None, badges=row.badges,
        )
