"""Pick the implementation of an outside system from a dotted path in settings."""

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def _instance(path: str) -> Any:
    return import_string(path)()


def get(setting_name: str) -> Any:
    """Return the (cached) instance named by ``settings.<setting_name>``."""
    return _instance(getattr(settings, setting_name))


def reset() -> None:
    """Forget cached instances (tests that change settings call this)."""
    _instance.cache_clear()
