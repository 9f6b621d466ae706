from django.contrib import admin

from banquan.core.admin import ReadOnlyAdminMixin
from banquan.ledger.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the audit log is append-only, even for registrars."""

    list_display = ("at", "actor", "subject", "action", "from_state", "to_state", "reason")
    list_filter = ("action", "to_state")
    search_fields = ("subject", "reason", "actor__username")
    date_hierarchy = "at"
