"""民间文艺."""

from django.db import models  # noqa: F401
