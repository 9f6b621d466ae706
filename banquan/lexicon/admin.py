"""Back office for the sensitive-word library (registrars). Saving, deleting, enabling and
importing all go through ``lexicon.services``, so every change makes a new version and an
audit entry; versions are read-only and can be downloaded or restored."""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from banquan.core.admin import ReadOnlyAdminMixin
from banquan.core.errors import DomainError, ValidationFailed
from banquan.lexicon import admin_views, checks, services
from banquan.lexicon.models import Category, LexiconVersion, Term, WhitelistTerm


def _checked(check: Callable[[str], str], value: str) -> str:
    try:
        return check(value)
    except ValidationFailed as e:
        raise forms.ValidationError(e.message) from None


class ServiceAdmin(admin.ModelAdmin):
    """A refusal the form could not foresee (a concurrent change) is shown, not a server error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as e:
            self.message_user(request, e.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except DomainError as e:
            self.message_user(request, e.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ("name", "major_topic", "description", "position")

    def clean_name(self) -> str:
        return _checked(checks.category_name, self.cleaned_data["name"])


@admin.register(Category)
class CategoryAdmin(ServiceAdmin):
    form = CategoryForm
    list_display = ("name", "major_topic", "position", "term_count", "description")
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_terms=Count("terms"))

    @admin.display(description=_("词条数"), ordering="n_terms")
    def term_count(self, category) -> int:
        return category.n_terms

    def save_model(self, request, obj, form, change):
        values = {k: form.cleaned_data[k] for k in ("name", "major_topic", "description", "position")}
        if change:
            services.edit_category(by=request.user, category_id=obj.pk, **values)
        else:
            obj.pk = services.add_category(by=request.user, **values).pk

    def delete_model(self, request, obj):
        services.delete_category(by=request.user, category_id=obj.pk)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            services.delete_category(by=request.user, category_id=pk)


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ("text", "category", "level", "active", "note")

    def clean_text(self) -> str:
        return _checked(checks.term_text, self.cleaned_data["text"])


@admin.register(Term)
class TermAdmin(ServiceAdmin):
    """Terms are deactivated, not deleted: that keeps their notes, and a restore can revive them."""

    form = TermForm
    list_display = ("text", "category", "level", "active", "updated_at")
    list_filter = ("category", "level", "active")
    search_fields = ("text", "note")
    list_select_related = ("category",)
    list_per_page = 100
    readonly_fields = ("created_at", "updated_at")
    actions = ["deactivate", "activate"]

    def get_fields(self, request, obj=None):
        if obj is None:  # a new term starts active
            return ("text", "category", "level", "note")
        return ("text", "category", "level", "active", "note", "created_at", "updated_at")

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        values = {"text": obj.text, "category": obj.category.name, "level": obj.level, "note": obj.note}
        if change:
            services.edit_term(by=request.user, term_id=obj.pk, active=obj.active, **values)
        else:
            obj.pk = services.add_term(by=request.user, **values).pk

    @admin.action(description=_("停用所选词条"), permissions=["change"])
    def deactivate(self, request, queryset):
        n = services.set_terms_active(by=request.user, term_ids=list(queryset.values_list("pk", flat=True)),
                                      active=False)
        self.message_user(request, _("已停用 %(n)d 条词条。") % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("启用所选词条"), permissions=["change"])
    def activate(self, request, queryset):
        n = services.set_terms_active(by=request.user, term_ids=list(queryset.values_list("pk", flat=True)),
                                      active=True)
        self.message_user(request, _("已启用 %(n)d 条词条。") % {"n": n}, messages.SUCCESS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(lambda r: admin_views.import_view(self, r, whitelist=False)),
                 name="lexicon_term_import"),
            path("export/<str:kind>/", wrap(lambda r, kind: admin_views.export_view(self, r, kind)),
                 name="lexicon_term_export"),
            *super().get_urls(),
        ]


class WhitelistTermForm(forms.ModelForm):
    class Meta:
        model = WhitelistTerm
        fields = ("text", "note")

    def clean_text(self) -> str:
        return _checked(checks.term_text, self.cleaned_data["text"])


@admin.register(WhitelistTerm)
class WhitelistTermAdmin(ServiceAdmin):
    form = WhitelistTermForm
    list_display = ("text", "note", "created_at")
    search_fields = ("text", "note")
    readonly_fields = ("created_at",)
    list_per_page = 100

    def save_model(self, request, obj, form, change):
        if change:
            services.edit_whitelist_term(by=request.user, entry_id=obj.pk, text=obj.text, note=obj.note)
        else:
            obj.pk = services.add_whitelist_term(by=request.user, text=obj.text, note=obj.note).pk

    def delete_model(self, request, obj):
        services.remove_whitelist_term(by=request.user, entry_id=obj.pk)

    def delete_queryset(self, request, queryset):
        services.remove_whitelist_terms(by=request.user, entry_ids=list(queryset.values_list("pk", flat=True)))

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(lambda r: admin_views.import_view(self, r, whitelist=True)),
                 name="lexicon_whitelistterm_import"),
            path("export/", wrap(lambda r: admin_views.export_view(self, r, "whitelist")),
                 name="lexicon_whitelistterm_export"),
            *super().get_urls(),
        ]


@admin.register(LexiconVersion)
class LexiconVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("number", "created_at", "created_by", "summary", "term_count", "whitelist_count", "files")
    list_select_related = ("created_by",)
    fields = ("number", "created_at", "created_by", "summary", "term_count", "whitelist_count", "files",
              "category_list")
    readonly_fields = fields
    search_fields = ("summary",)
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # The snapshots are large (a 64,000-term lexicon is over a megabyte): read them only to download.
        return super().get_queryset(request).defer("terms_text", "whitelist_text")

    @admin.display(description=_("下载与恢复"))
    def files(self, version: LexiconVersion) -> str:
        def url(kind: str) -> str:
            return reverse("admin:lexicon_lexiconversion_download", args=[version.number, kind])

        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            url("text"), _("文本"), url("csv"), "CSV", url("whitelist"), _("白名单"),
            reverse("admin:lexicon_lexiconversion_restore", args=[version.number]), _("恢复…"),
        )

    @admin.display(description=_("类别"))
    def category_list(self, version: LexiconVersion) -> str:
        major = _("重大题材")
        return "、".join(f"{c['name']}（{major}）" if c.get("major_topic") else c["name"] for c in version.categories)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:number>/download/<str:kind>/",
                 wrap(lambda r, number, kind: admin_views.version_download_view(self, r, number, kind)),
                 name="lexicon_lexiconversion_download"),
            path("<int:number>/restore/", wrap(lambda r, number: admin_views.restore_view(self, r, number)),
                 name="lexicon_lexiconversion_restore"),
            *super().get_urls(),
        ]
