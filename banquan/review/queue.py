"""What the office sees: which applications a reviewer may open, the work queue and its
deadline badges. Read-only; the workflow itself lives in ``services``."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.applications import states
from banquan.applications.models import Application
from banquan.core import clock
from banquan.core.errors import NotFound, PermissionDenied
from banquan.review import display
from banquan.workdays import arith, calendar

# Shown on the queue for information: the applicant, not the office, has the next move.
WAITING = frozenset({states.State.CORRECTION_REQUESTED})
QUEUE_STATES = states.QUEUED | WAITING


def is_office(user: User) -> bool:
    return user.is_authenticated and (
        user.role in (Role.REVIEWER, Role.SPECIAL_REVIEWER, Role.REGISTRAR) or user.is_superuser
    )


def sees_everything(user: User) -> bool:
    return user.role == Role.REGISTRAR or user.is_superuser


def is_special_reviewer(user: User) -> bool:
    """A member of the special review group (专项复审组), who takes second decisions."""
    return user.role == Role.SPECIAL_REVIEWER


def sees_special_queue(user: User) -> bool:
    return is_special_reviewer(user) or sees_everything(user)


def _own(user: User) -> Q:
    return Q(assigned_to__isnull=True) | Q(assigned_to=user)


def visible_to(user: User) -> QuerySet[Application]:
    """Applications an office user may open. Drafts belong to the applicant alone; a
    reviewer does not see what is assigned to a colleague, except that the special review
    group sees every application marked for special review."""
    qs = Application.objects.exclude(status=states.State.DRAFT)
    if not is_office(user):
        return qs.none()
    if sees_everything(user):
        return qs
    if is_special_reviewer(user):
        return qs.filter(_own(user) | Q(special_review_required=True))
    return qs.filter(_own(user))


def office_application(user: User, app_id: int, *, refusal: str) -> Application:
    """The application an office user asks for, as ``visible_to`` allows: PermissionDenied
    (with ``refusal``) for users outside the office, NotFound for drafts and applications
    assigned to a colleague (as in the review API)."""
    if not is_office(user):
        raise PermissionDenied(refusal)
    app = visible_to(user).filter(pk=app_id).first()
    if app is None:
        raise NotFound(_("申请不存在。"))
    return app


def special_queue_for(user: User) -> QuerySet[Application]:
    """Applications waiting for the special review group's second decision. A group member
    does not see those they cannot decide (they approved first, or are the assigned
    reviewer); a registrar sees them all."""
    qs = Application.objects.filter(status=states.State.SPECIAL_REVIEW)
    if not sees_special_queue(user):
        return qs.none()
    if not sees_everything(user):
        qs = qs.exclude(first_approved_by=user).exclude(assigned_to=user)
    return qs


SOFTWARE = "software"  # the queue filter's value for computer software applications


def queue_for(user: User, *, status: str = "", category: str = "", special: bool = False) -> QuerySet[Application]:
    """The work queue, most urgent first: not yet accepted (oldest submission first), then by
    deadline; those waiting for the applicant's correction (clock stopped) come last.
    ``special``: the special review queue (``special_queue_for``) instead."""
    if special:
        qs = special_queue_for(user)
    else:
        qs = visible_to(user).filter(status__in=QUEUE_STATES)
        if not sees_everything(user):
            mine_waiting = Q(status__in=WAITING, assigned_to=user)
            qs = qs.filter(_own(user)).filter(Q(status__in=states.QUEUED) | mine_waiting)
    if status:
        qs = qs.filter(status=status)
    if category == SOFTWARE:  # software applications have no work category; their own queue
        qs = qs.filter(procedure="software")
    elif category:
        qs = qs.filter(category=category)
    urgency_group = Case(
        When(accepted_on__isnull=True, then=Value(0)),
        When(deadline__isnull=False, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        qs.select_related("applicant", "assigned_to")
        .annotate(urgency_group=urgency_group)
        .order_by("urgency_group", "deadline", "submitted_at", "pk")
    )


OVERDUE, DUE_SOON, PROVISIONAL = "overdue", "due-soon", "provisional"


def deadline_badges(
    deadline: dt.date | None, provisional: bool, *, today: dt.date, cal: arith.WorkCalendar,
    due_soon_days: int,
) -> list[str]:
    """CSS badge names for a deadline (the classes exist in site.css)."""
    found = []
    if deadline is not None:
        if deadline < today:
            found.append(OVERDUE)
        elif arith.working_days_between(cal, today, deadline) <= due_soon_days:
            found.append(DUE_SOON)
        if provisional:
            found.append(PROVISIONAL)
    return found


@dataclass(frozen=True)
class Row:
    app: Application
    badges: list[str]

    @property
    def status_label(self) -> str:
        return display.state_label(self.app.status)

    @property
    def special_review(self) -> bool:
        """Marked for special review: its approval needs a second one by the group."""
        return self.app.special_review_required

    @property
    def overdue(self) -> bool:
        return OVERDUE in self.badges

    @property
    def due_soon(self) -> bool:
        return DUE_SOON in self.badges

    @property
    def provisional(self) -> bool:
        return PROVISIONAL in self.badges


def rows(apps) -> list[Row]:
    """Attach badges; the calendar and today are read once for the whole page."""
    today, cal = clock.today(), calendar.current()
    limit = settings.BANQUAN_DUE_SOON_WORKING_DAYS
    return [Row(a, deadline_badges(a.deadline, a.deadline_provisional, today=today, cal=cal, due_soon_days=limit))
            for a in apps]
