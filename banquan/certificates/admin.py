"""Back office view of certificates: read-only, since each version is signed as issued;
a change of registered facts issues a new version through ``certificates.services.issue``."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from banquan.certificates.models import Certificate
from banquan.core.admin import ReadOnlyAdminMixin


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("registration", "version", "issued_at", "key_id", "has_pdf")
    list_filter = ("key_id",)
    search_fields = ("=registration__number", "registration__title")
    list_select_related = ("registration",)
    date_hierarchy = "issued_at"
    fields = ("registration", "version", "issued_at", "key_id", "signature", "verify_link",
              "pdf_link", "pdf_key", "pdf_sha256", "payload")
    readonly_fields = fields

    @admin.display(description=_("PDF"), boolean=True)
    def has_pdf(self, cert: Certificate) -> bool:
        return bool(cert.pdf_key)

    @admin.display(description=_("核验链接（二维码内容）"))
    def verify_link(self, cert: Certificate) -> str:
        return format_html('<a href="{}" target="_blank">{}</a>', cert.verify_url, cert.verify_url)

    @admin.display(description=_("当前证书 PDF"))
    def pdf_link(self, cert: Certificate) -> str:
        url = reverse("verify:certificate_pdf", args=[cert.registration.number])
        return format_html('<a href="{}" target="_blank">{}</a>', url, url)
