"""Back office for registrars: registrations are read-only here; the one change allowed is
the rights status, and it goes through ``records.services.set_rights_status`` (with a reason,
checked transitions and an audit entry), never by saving the field."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from banquan.applications import categories
from banquan.certificates.models import Certificate
from banquan.core.admin import ReadOnlyAdminMixin
from banquan.core.errors import DomainError
from banquan.ledger import services as ledger
from banquan.records import schemas
from banquan.records import services as records
from banquan.records.models import Registration, RightsStatus


def _is_registrar(request) -> bool:
    user = request.user
    return user.is_active and user.is_staff and user.is_registrar


class CategoryFilter(admin.SimpleListFilter):
    """Registration.category holds codes without choices; show the Chinese names."""

    title = _("作品类别")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [(c.code, schemas.category_label(c.code)) for c in categories.CATEGORIES]

    def queryset(self, request, queryset):
        return queryset.filter(category=self.value()) if self.value() else queryset


class CertificateInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Certificate
    extra = 0
    fields = ("version", "issued_at", "key_id", "signature", "pdf_sha256")
    readonly_fields = fields
    ordering = ("-version",)


class RightsStatusForm(forms.Form):
    # Pledges and seizures are entered through their own services (/rights/), which keep the
    # records the status follows from; here only revocation and supersession.
    status = forms.ChoiceField(label=_("新的权利状态"), choices=[
        (s.value, s.label) for s in (RightsStatus.REVOKED, RightsStatus.SUPERSEDED)])
    reason = forms.CharField(label=_("变更理由"), widget=forms.Textarea(attrs={"rows": 3}))
    superseded_by = forms.CharField(label=_("替代它的登记号"), required=False,
                                    help_text=_("仅在状态为“已被替代”时填写。"))

    def clean_superseded_by(self) -> Registration | None:
        number = self.cleaned_data["superseded_by"].strip()
        if not number:
            return None
        replacement = Registration.objects.filter(number=number).first()
        if replacement is None:
            raise forms.ValidationError(_("未找到该登记号。"))
        return replacement

    def clean(self):
        data = super().clean()
        if data.get("superseded_by") and data.get("status") != RightsStatus.SUPERSEDED:
            self.add_error("superseded_by", _("只有“已被替代”的登记才填写替代它的登记号。"))
        return data


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("number", "title", "category_label", "registered_on", "status_badge")
    list_filter = ("rights_status", CategoryFilter, "year")
    search_fields = ("=number", "title", "application__owners__name")
    date_hierarchy = "registered_on"
    list_select_related = ("superseded_by",)
    actions = ["change_rights_status"]
    inlines = [CertificateInline]
    fields = ("number", "title", "category", "registered_on", "registered_at", "application",
              "rights_status", "status_changed_at", "status_reason", "superseded_by",
              "change_status_link", "public_page", "registered_facts", "audit_trail")
    readonly_fields = fields

    @admin.display(description=_("作品类别"), ordering="category")
    def category_label(self, reg: Registration) -> str:
        return schemas.category_label(reg.category)

    @admin.display(description=_("权利状态"), ordering="rights_status")
    def status_badge(self, reg: Registration) -> str:
        return format_html('<span class="badge status-{}">{}</span>', reg.rights_status,
                           reg.get_rights_status_display())

    @admin.display(description=_("变更权利状态"))
    def change_status_link(self, reg: Registration) -> str:
        return format_html('<a href="{}?ids={}">{}</a>', reverse("admin:records_registration_rights_status"),
                           reg.pk, _("变更权利状态…"))

    @admin.display(description=_("公开核验页"))
    def public_page(self, reg: Registration) -> str:
        url = reverse("verify:detail", args=[reg.number])
        return format_html('<a href="{}" target="_blank">{}</a>', url, url)

    @admin.display(description=_("登记事项（登记时）"))
    def registered_facts(self, reg: Registration) -> str:
        return format_html("<pre>{}</pre>", json.dumps(reg.data, ensure_ascii=False, indent=2))

    @admin.display(description=_("审计记录"))
    def audit_trail(self, reg: Registration) -> str:
        rows = ((localtime(e.at).strftime("%Y-%m-%d %H:%M"), e.actor or "—", e.action, e.from_state, e.to_state, e.reason)
                for e in ledger.history(reg.subject))
        return format_html("<table>{}</table>", format_html_join(
            "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>", rows))

    def has_rights_status_permission(self, request) -> bool:
        return _is_registrar(request)

    @admin.action(description=_("变更所选登记的权利状态"), permissions=["rights_status"])
    def change_rights_status(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:records_registration_rights_status')}?ids={ids}")

    def get_urls(self):
        return [
            path("rights-status/", self.admin_site.admin_view(self.rights_status_view),
                 name="records_registration_rights_status"),
            *super().get_urls(),
        ]

    def rights_status_view(self, request):
        """Change the rights status of the registrations in ``?ids=``, one service call each."""
        if not self.has_rights_status_permission(request):
            raise PermissionDenied
        ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.strip().isdigit()]
        regs = list(Registration.objects.filter(pk__in=ids).order_by("number"))
        form = RightsStatusForm(request.POST or None)
        if request.method == "POST" and regs and form.is_valid() and self._apply(request, regs, form):
            return HttpResponseRedirect(reverse("admin:records_registration_changelist"))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("变更权利状态"), "registrations": regs, "form": form}
        return render(request, "verify/admin_rights_status.html", context)

    def _apply(self, request, regs: list[Registration], form: RightsStatusForm) -> bool:
        """True if at least one registration changed; each refusal is shown as a message."""
        changed = 0
        for reg in regs:
            try:
                records.set_rights_status(
                    registration_id=reg.pk, status=form.cleaned_data["status"], by=request.user,
                    reason=form.cleaned_data["reason"], superseded_by=form.cleaned_data["superseded_by"],
                )
                changed += 1
            except DomainError as e:
                self.message_user(request, f"{reg.number}：{e.message}", messages.ERROR)
        if changed:
            self.message_user(request, _("已变更 %(n)d 项登记的权利状态。") % {"n": changed}, messages.SUCCESS)
        return changed > 0
