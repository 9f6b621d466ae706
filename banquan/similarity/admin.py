from django.contrib import admin

from banquan.core.admin import ReadOnlyAdminMixin
from banquan.similarity.models import ContentCode, PriorMatch, PriorSearch, WorkFingerprint


@admin.register(ContentCode)
class ContentCodeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("registration", "iscc", "content_code", "computed_at")
    search_fields = ("iscc", "registration__number", "registration__title")


@admin.register(WorkFingerprint)
class WorkFingerprintAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("registration", "sample", "computed_at")
    search_fields = ("registration__number", "registration__title")
    exclude = ("image_code", "text_code", "audio_code", "video_code")


@admin.register(PriorSearch)
class PriorSearchAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("application", "status", "image_compared", "text_compared", "audio_compared",
                    "video_compared", "finished_at")
    list_filter = ("status",)


@admin.register(PriorMatch)
class PriorMatchAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("application", "registration", "kind", "distance", "similarity", "found_at")
    list_filter = ("kind",)
