"""Back office (/admin/) for staff: library items (read-mostly; decisions go through the
review page), service stations and policy articles, saved through ``content`` services so
coordinates are checked and every change is audited."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from banquan.core.errors import ValidationFailed
from banquan.folkart import content
from banquan.folkart.models import FolkItem, Inheritor, Media, PolicyArticle, ServiceStation


class InheritorInline(admin.TabularInline):
    model = Inheritor
    extra = 0


class MediaInline(admin.TabularInline):
    model = Media
    extra = 0
    fields = ("original_name", "media_type", "caption", "size")
    readonly_fields = ("original_name", "media_type", "size")


@admin.register(FolkItem)
class FolkItemAdmin(admin.ModelAdmin):
    list_display = ("number", "name", "category", "district", "status", "filed_at")
    list_filter = ("status", "category", "district")
    search_fields = ("number", "name", "community", "filer_name")
    readonly_fields = ("number", "status", "applicant", "filed_at", "decided_at", "decided_by", "decision_reason",
                       "application", "converted_at")
    inlines = [InheritorInline, MediaInline]


class StationForm(forms.ModelForm):
    class Meta:
        model = ServiceStation
        fields = list(content.STATION_FIELDS)

    def clean(self):
        data = super().clean()
        try:
            content.clean_station(data)
        except ValidationFailed as e:
            raise ValidationError({k if k in self.fields else None: v for k, v in e.errors.items()}) from None
        return data


@admin.register(ServiceStation)
class ServiceStationAdmin(admin.ModelAdmin):
    form = StationForm
    list_display = ("name", "address", "phone", "latitude", "longitude", "active")

    def save_model(self, request, obj, form, change):
        saved = content.save_station(editor=request.user, values=form.cleaned_data,
                                     station_id=obj.pk if change else None)
        obj.pk = saved.pk


@admin.register(PolicyArticle)
class PolicyArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "source", "published_on")
    list_filter = ("kind",)
    fields = ("kind", "title", "body", "source", "published_on")

    def save_model(self, request, obj, form, change):
        d = form.cleaned_data
        saved = content.save_policy(editor=request.user, kind=d["kind"], title=d["title"], body=d["body"],
                                    source=d.get("source", ""), published_on=d.get("published_on"),
                                    article_id=obj.pk if change else None)
        obj.pk = saved.pk
