from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """Sent by htmx, which swaps a fragment instead of loading a page."""
    return request.headers.get("HX-Request") == "true"


def only(check: Callable[[Any], bool]):
    """A view for signed-in users passing ``check``; anyone else signed in gets 403 (and anonymous
    visitors the login page)."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not check(request.user):
                raise Forbidden
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
