from django.urls import path

from banquan.stats import views

app_name = "stats"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<slug:table>.csv", views.export_csv, name="csv"),
]
