"""Back office: the knowledge base (registrars edit articles; saving goes through
``services.save_article``, so it is audited and the next question uses it) and a read-only
list of conversations (agents answer in the inbox, /assistant/inbox/)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from banquan.assistant import services
from banquan.assistant.models import Article, Conversation
from banquan.core.admin import ReadOnlyAdminMixin
from banquan.core.errors import ValidationFailed


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ("slug", "title", "position", "active", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 30, "cols": 100})}

    def clean(self):
        data = super().clean()
        body = data.get("body") or ""
        if body.strip() and "\n## " not in f"\n{body}":
            raise ValidationError({"body": _("正文至少要有一个以“## ”开头的小节标题：回答按小节引用出处。")})
        return data


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ("title", "slug", "position", "active", "revision", "updated_at", "page")
    list_filter = ("active",)
    search_fields = ("title", "body")
    readonly_fields = ("revision", "updated_at", "updated_by")

    @admin.display(description=_("页面"))
    def page(self, article):
        return format_html('<a href="{}">{}</a>', reverse("assistant:article", args=[article.slug]), _("查看"))

    # Registrars edit the knowledge base (the role backend does not list this app; saving goes
    # through the service, which checks the role again).
    def has_view_permission(self, request, obj=None):
        return services.is_agent(request.user)

    def has_add_permission(self, request):
        return services.is_agent(request.user)

    def has_change_permission(self, request, obj=None):
        return services.is_agent(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # switch an article off instead: its citations in old answers keep working

    def save_model(self, request, obj, form, change):
        values = {k: form.cleaned_data[k] for k in ("slug", "title", "body", "position", "active")}
        try:
            saved = services.save_article(by=request.user, article_id=obj.pk if change else None, **values)
        except ValidationFailed as e:  # a concurrent edit took the slug: shown, not a server error
            self.message_user(request, e.message, level="error")
            return
        obj.pk = saved.pk


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "user", "state", "agent", "handover_reason", "created_at", "updated_at", "open")
    list_filter = ("state",)

    def has_view_permission(self, request, obj=None):
        return services.is_agent(request.user)

    @admin.display(description=_("对话"))
    def open(self, conversation):
        return format_html('<a href="{}">{}</a>', reverse("assistant:inbox_conversation", args=[conversation.pk]),
                           _("打开"))
