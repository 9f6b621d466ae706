"""智能客服."""

from django.db import models  # noqa: F401
