"""统计."""

from django.db import models  # noqa: F401
