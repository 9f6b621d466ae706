from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from banquan.accounts.models import ApiToken, User


@admin.register(User)
class BanquanUserAdmin(UserAdmin):
    list_display = ("username", "display_name", "role", "applicant_kind", "organization", "is_active")
    list_filter = ("role", "applicant_kind", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("banquan", {"fields": ("role", "applicant_kind", "display_name", "organization", "phone")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
