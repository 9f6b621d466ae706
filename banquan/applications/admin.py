"""Back office view of applications. Read-only: every change goes through the workflow
services (the reviewer workbench), so it is checked and audited."""

from django.contrib import admin

from banquan.applications.models import Application, Author, Owner, Sample
from banquan.core.admin import ReadOnlyAdminMixin


class _ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    extra = 0
    can_delete = False


class AuthorInline(_ReadOnlyInline):
    model = Author
    fields = ("name", "signature")


class OwnerInline(_ReadOnlyInline):
    model = Owner
    fields = ("kind", "name", "id_type", "id_number", "nationality", "province", "city")


class SampleInline(_ReadOnlyInline):
    model = Sample
    fields = ("role", "media_type", "original_name", "size", "sha256", "uploaded_at")


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("reference", "title", "category", "status", "applicant", "assigned_to",
                    "accepted_on", "deadline", "deadline_provisional")
    list_filter = ("status", "category", "deadline_provisional")
    search_fields = ("title", "applicant__username", "owners__name")
    date_hierarchy = "created_at"
    inlines = [AuthorInline, OwnerInline, SampleInline]
    list_select_related = ("applicant", "assigned_to")
