"""智能辅助."""

from django.db import models  # noqa: F401
