"""The JSON API (django-ninja), served at /api/v1/ with its OpenAPI at /api/openapi.json.

Callers authenticate with a bearer token (``Authorization: Bearer bq_…``) or, from the
site's own pages, with their session (CSRF-checked). Public endpoints say ``auth=None``.
"""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError as RequestInvalid
from ninja.security import APIKeyCookie, HttpBearer

from banquan.accounts import services as accounts
from banquan.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = accounts.user_for_token(token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; ninja checks the CSRF token for unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None):
        return request.user if request.user.is_authenticated else None


api = NinjaAPI(
    title="banquan 版权登记 API",
    version="1",
    description="Work copyright registration: applications, review, registrations and verification.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    auth=[TokenAuth(), SessionAuth()],
    docs_url="/docs",
)


@api.exception_handler(RequestInvalid)
def _request_invalid(request, exc: RequestInvalid):
    # Schema-level refusals (bad choice, bad date, missing field) in the same shape and
    # language as the services' own ValidationFailed.
    from banquan.applications.schemas import invalid_request_body

    return api.create_response(request, invalid_request_body(exc.errors), status=422)


@api.exception_handler(ValidationFailed)
def _validation_failed(request, exc: ValidationFailed):
    return api.create_response(request, {"detail": exc.message, "errors": exc.errors}, status=422)


@api.exception_handler(NotFound)
def _not_found(request, exc: NotFound):
    return api.create_response(request, {"detail": exc.message}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": exc.message}, status=403)


@api.exception_handler(DomainError)
def _domain_error(request, exc: DomainError):
    body = {"detail": exc.message}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=409)


def _mount() -> None:
    from banquan.accounts.api import router as accounts_router
    from banquan.applications.api import router as applications_router
    from banquan.assistant.api import router as assistant_router
    from banquan.folkart.api import router as folkart_router
    from banquan.logos.api import router as logos_router
    from banquan.records.api import router as records_router
    from banquan.review.api import router as review_router
    from banquan.rights.api import router as rights_router
    from banquan.screening.api import router as screening_router
    from banquan.showcase.api import router as showcase_router
    from banquan.similarity.api import router as similarity_router
    from banquan.software.api import router as software_router
    from banquan.software.application_api import router as software_applications_router
    from banquan.stats.api import router as stats_router
    from banquan.suggestions.api import router as suggestions_router

    api.add_router("/v1/tokens", accounts_router)
    api.add_router("/v1/applications", applications_router)
    api.add_router("/v1/review", review_router)
    api.add_router("/v1/screening", screening_router)
    api.add_router("/v1/similarity", similarity_router)
    api.add_router("/v1/logos", logos_router)
    api.add_router("/v1/registrations", records_router)
    api.add_router("/v1/software", software_router)
    api.add_router("/v1/software", software_applications_router)
    api.add_router("/v1/rights", rights_router)
    api.add_router("/v1/stats", stats_router)
    api.add_router("/v1/showcase", showcase_router)
    api.add_router("/v1/assistant", assistant_router)
    api.add_router("/v1/suggestions", suggestions_router)
    api.add_router("/v1/folkart", folkart_router)


_mount()
