"""Back-office views of screening runs, hits and judgements: read-only (services write them)."""

from django.contrib import admin

from banquan.core.admin import ReadOnlyAdminMixin
from banquan.screening.models import Hit, Item, Judgement, Run


class ItemInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Item
    fields = ("label", "kind", "status", "reason", "problems", "finished_at")
    readonly_fields = fields
    extra = 0


@admin.register(Run)
class RunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "application", "trigger", "status", "items_done", "items_total", "lexicon_version",
                    "created_at", "finished_at")
    list_filter = ("status", "trigger")
    search_fields = ("application__title", "=application__id")
    list_select_related = ("application",)
    inlines = [ItemInline]


@admin.register(Hit)
class HitAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "run", "term", "category", "level", "kind", "major_topic", "location", "matched")
    list_filter = ("major_topic", "kind", "category", "level")
    search_fields = ("term", "matched")
    list_select_related = ("run__application",)
    exclude = ("piece",)


@admin.register(Judgement)
class JudgementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "hit", "verdict", "reviewer", "at", "note")
    list_filter = ("verdict",)
    search_fields = ("hit__term", "note")
    list_select_related = ("hit", "reviewer")
