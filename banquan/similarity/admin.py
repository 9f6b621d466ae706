from django.contrib import admin

from banquan.core.admin import ReadOnlyAdminMixin
from banquan.similarity.models import ContentCode


@admin.register(ContentCode)
class ContentCodeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("registration", "iscc", "content_code", "computed_at")
    search_fields = ("iscc", "registration__number", "registration__title")
