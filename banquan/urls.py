from django.contrib import admin
from django.urls import include, path

from banquan.api import api
from banquan.core import views as core_views
from banquan.lexicon.api import router as lexicon_router

admin.site.site_header = "banquan 版权登记 · 后台管理"
admin.site.site_title = "banquan"

api.add_router("/v1/lexicon", lexicon_router)  # before api.urls is read below

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("accounts/", include("banquan.accounts.urls")),
    path("applications/", include("banquan.applications.urls")),
    path("software/", include("banquan.software.urls")),
    path("review/", include("banquan.review.urls")),
    path("screening/", include("banquan.screening.urls")),
    path("similarity/", include("banquan.similarity.urls")),
    path("logos/", include("banquan.logos.urls")),
    path("rights/", include("banquan.rights.urls")),
    path("stats/", include("banquan.stats.urls")),
    path("showcase/", include("banquan.showcase.urls")),
    path("assistant/", include("banquan.assistant.urls")),
    path("suggestions/", include("banquan.suggestions.urls")),
    path("folkart/", include("banquan.folkart.urls")),
    path("", include("banquan.certificates.urls")),
]
