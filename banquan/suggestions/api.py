"""The suggestions JSON API, with the pages' permissions: an applicant sees the category
suggestions and form remarks of their own applications; office users those of the
applications the review pages show them, and the reviewer's summary. Others get 404."""

from django.http import HttpRequest
from ninja import Router, Status

from banquan.applications.api import current_user
from banquan.suggestions import access, services
from banquan.suggestions.schemas import DismissIn, JobOut, SuggestionOut

router = Router(tags=["suggestions"])


@router.get("/applications/{app_id}", response=list[SuggestionOut],
            summary="An application's suggestions (the form remarks brought up to date first)")
def list_suggestions(request: HttpRequest, app_id: int):
    user = current_user(request)
    app = access.application_for(user, app_id)
    services.refresh_rules(app)
    return [SuggestionOut.of(s) for s in access.suggestions_for(user, app)]


@router.post("/applications/{app_id}/ask", response={202: JobOut},
             summary="Ask the model: a category and form check (applicant, editable form) or a summary (office)")
def ask(request: HttpRequest, app_id: int):
    user = current_user(request)
    job = services.ask(user=user, app=access.application_for(user, app_id))
    return Status(202, JobOut.of(job))


@router.post("/{suggestion_id}/accept", response=SuggestionOut,
             summary="Accept a suggestion (a category suggestion changes the draft's category)")
def accept(request: HttpRequest, suggestion_id: int):
    return SuggestionOut.of(services.accept(user=current_user(request), suggestion_id=suggestion_id))


@router.post("/{suggestion_id}/dismiss", response=SuggestionOut, summary="Dismiss a suggestion")
def dismiss(request: HttpRequest, suggestion_id: int, payload: DismissIn):
    return SuggestionOut.of(services.dismiss(user=current_user(request), suggestion_id=suggestion_id,
                                             reason=payload.reason))
