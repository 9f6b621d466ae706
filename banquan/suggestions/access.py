"""Who sees which suggestions: an applicant those of their own applications (never the
reviewer's summary); office users those of the applications the review pages show them
(``review.queue.visible_to``: not drafts, not what is assigned to a colleague)."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from banquan.accounts.models import Role, User
from banquan.applications.models import Application
from banquan.core.errors import NotFound
from banquan.review import queue
from banquan.suggestions.models import Kind, Suggestion

APPLICANT_KINDS = (Kind.CATEGORY, Kind.INCONSISTENCY)


def is_office(user: User) -> bool:
    return queue.is_office(user)


def applications_for(user: User) -> QuerySet[Application]:
    if is_office(user):
        return queue.visible_to(user)
    if user.is_authenticated and user.role == Role.APPLICANT:
        return Application.objects.filter(applicant=user)
    return Application.objects.none()


def application_for(user: User, app_id: int) -> Application:
    app = applications_for(user).filter(pk=app_id).first()
    if app is None:
        raise NotFound(_("申请不存在。"))
    return app


def kinds_for(user: User) -> tuple[str, ...]:
    return tuple(Kind.values) if is_office(user) else APPLICANT_KINDS


def suggestions_for(user: User, app: Application) -> QuerySet[Suggestion]:
    return app.suggestions.filter(kind__in=kinds_for(user)).select_related("decided_by")


def suggestion_for(user: User, suggestion_id: int) -> Suggestion:
    s = Suggestion.objects.filter(pk=suggestion_id, kind__in=kinds_for(user),
                                  application__in=applications_for(user)).first()
    if s is None:
        raise NotFound(_("建议不存在。"))
    return s
