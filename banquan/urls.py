from django.contrib import admin
from django.urls import include, path

from banquan.api import api
from banquan.core import views as core_views

admin.site.site_header = "banquan 版权登记 · 后台管理"
admin.site.site_title = "banquan"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("accounts/", include("banquan.accounts.urls")),
    path("applications/", include("banquan.applications.urls")),
    path("review/", include("banquan.review.urls")),
    path("", include("banquan.certificates.urls")),
]
