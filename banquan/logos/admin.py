"""Back office for the library of protected marks (registrars): adding one mark with its
brand and owner, editing, enabling and disabling marks, and bulk imports (an archive, or the
files of a folder) with a progress page. Every change goes through ``logos.services``."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from banquan.core.admin import ReadOnlyAdminMixin
from banquan.core.errors import DomainError
from banquan.logos import admin_views, services
from banquan.logos.models import Mark, MarkImport


class MarkForm(forms.ModelForm):
    file = forms.FileField(label=_("标志文件"), required=False,
                           help_text=_("PNG、JPEG 或 SVG，不超过 20 MB；SVG 中不得含脚本或外部引用。"))

    class Meta:
        model = Mark
        fields = ("brand", "owner", "note", "active")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["file"].required = True


@admin.register(Mark)
class MarkAdmin(admin.ModelAdmin):
    """Marks are disabled, not deleted: findings of earlier checks keep pointing at them."""

    form = MarkForm
    list_display = ("preview", "brand", "owner", "original_name", "active", "created_at")
    list_display_links = ("preview", "brand")
    list_filter = ("active",)
    search_fields = ("brand", "owner", "original_name", "sha256")
    list_per_page = 100
    readonly_fields = ("preview_large", "original_name", "sha256", "created_by", "created_at", "changed_at")
    actions = ["disable", "enable"]
    change_list_template = "logos/admin_mark_changelist.html"

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("file", "brand", "owner", "note")
        return ("preview_large", "brand", "owner", "note", "active", "original_name", "sha256", "created_by",
                "created_at", "changed_at")

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("标志"))
    def preview(self, mark: Mark) -> str:
        return format_html('<img src="{}" alt="" style="max-height:48px;max-width:96px">',
                           reverse("logos:mark_image", args=[mark.pk]))

    @admin.display(description=_("标志"))
    def preview_large(self, mark: Mark) -> str:
        return format_html('<img src="{}" alt="" style="max-height:240px;max-width:360px">',
                           reverse("logos:mark_image", args=[mark.pk]))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as e:
            self.message_user(request, e.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.edit_mark(by=request.user, mark_id=obj.pk, brand=data["brand"], owner=data["owner"],
                               note=data["note"], active=data["active"])
        else:
            upload = data["file"]
            obj.pk = services.add_mark(by=request.user, data=upload.read(), filename=upload.name,
                                       brand=data["brand"], owner=data["owner"], note=data["note"]).pk

    @admin.action(description=_("停用所选标志"), permissions=["change"])
    def disable(self, request, queryset):
        n = services.set_marks_active(by=request.user, mark_ids=list(queryset.values_list("pk", flat=True)),
                                      active=False)
        self.message_user(request, _("已停用 %(n)d 个标志。") % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("启用所选标志"), permissions=["change"])
    def enable(self, request, queryset):
        n = services.set_marks_active(by=request.user, mark_ids=list(queryset.values_list("pk", flat=True)),
                                      active=True)
        self.message_user(request, _("已启用 %(n)d 个标志。") % {"n": n}, messages.SUCCESS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(lambda r: admin_views.import_view(self, r)), name="logos_mark_import"),
            path("import/<int:import_id>/", wrap(lambda r, import_id: admin_views.progress_view(self, r, import_id)),
                 name="logos_mark_import_progress"),
            *super().get_urls(),
        ]


@admin.register(MarkImport)
class MarkImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("original_name", "status", "total", "done", "added", "duplicates", "refused", "created_by",
                    "created_at", "finished_at")
    list_filter = ("status",)

    @admin.display(description=_("未导入"))
    def refused(self, job: MarkImport) -> int:
        return len(job.errors)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:logos_mark_import_progress", args=[object_id]))
