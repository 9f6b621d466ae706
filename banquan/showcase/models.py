"""精选作品."""

from django.db import models  # noqa: F401
