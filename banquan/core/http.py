from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """Sent by htmx, which swaps a fragment instead of loading a page."""
    return request.headers.get("HX-Request") == "true"
